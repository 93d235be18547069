package dev.plimsoll.check.secrets.rules;

import dev.plimsoll.check.secrets.validate.Validators;
import dev.plimsoll.core.error.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The provider rules, the global allowlists and the validators rules may name, checked together: ids unique,
 * every validator known. Immutable; {@code with…} return copies. Generic detectors are not rules: the engine
 * always runs them (see {@code SecretScanner.Builder#genericDetectors}).
 */
public record RuleSet(List<SecretRule> rules, List<Allowlist> allowlists, Validators validators) {
    public RuleSet {
        rules = List.copyOf(rules);
        allowlists = List.copyOf(allowlists);
        Objects.requireNonNull(validators);
        Set<String> ids = new HashSet<>();
        for (SecretRule r : rules) {
            if (!ids.add(r.id())) {
                throw new ConfigException("secret rule id '" + r.id() + "' is defined twice");
            }
            r.validator().ifPresent(v -> {
                if (validators.get(v).isEmpty()) {
                    throw new ConfigException("secret rule " + r.id() + ": unknown validator '" + v + "' (known: "
                            + validators.names() + ")");
                }
            });
        }
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), List.of(), Validators.builtin());
    }

    /** The catalogue: the files rules/index.txt lists (those that exist), with the built-in validators. */
    public static RuleSet builtin() {
        Validators v = Validators.builtin();
        return new RuleSet(new RuleLoader(v).loadCatalogue(), List.of(), v);
    }

    public RuleSet withRules(Collection<SecretRule> more) {
        List<SecretRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new RuleSet(all, allowlists, validators);
    }

    public RuleSet withAllowlists(Collection<Allowlist> more) {
        List<Allowlist> all = new ArrayList<>(allowlists);
        all.addAll(more);
        return new RuleSet(rules, all, validators);
    }

    public RuleSet withValidators(Validators v) {
        return new RuleSet(rules, allowlists, v);
    }

    /** Adds an imported gitleaks config: its rules (ids must not clash) and its global allowlist. */
    public RuleSet with(GitleaksConfig imported) {
        return withRules(imported.rules()).withAllowlists(imported.allowlists());
    }
}

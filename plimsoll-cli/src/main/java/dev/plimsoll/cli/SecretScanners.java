package dev.plimsoll.cli;

import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.check.secrets.rules.Allowlist;
import dev.plimsoll.check.secrets.rules.GitleaksConfig;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import dev.plimsoll.check.secrets.scan.SecretsAnalyzer;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.policy.Policy;
import dev.plimsoll.policy.SecretSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret scanner a policy asks for: the built-in rules plus the team's own rules and allowlists and an imported
 * gitleaks configuration, with the fingerprint key from the environment. Without any of those the built-in scanner
 * is used as is (built on first use, so scans that find no text to read do not pay for the rules).
 */
final class SecretScanners {
    /** Read when the policy names no variable: setting it is enough to key every fingerprint. */
    static final String DEFAULT_KEY_ENV = "PLIMSOLL_SECRET_HASH_KEY";

    /**
     * A configured scanner.
     *
     * @param allowedCommits commits whose findings a git history scan leaves out
     * @param notes          what an imported gitleaks configuration could not carry over, for the user
     */
    record Configured(SecretScanner scanner, List<String> allowedCommits, List<String> notes) {
        Configured {
            allowedCommits = List.copyOf(allowedCommits);
            notes = List.copyOf(notes);
        }
    }

    private SecretScanners() {
    }

    /** Whether the policy or environment changes the built-in scanner. */
    static boolean customised(Policy policy, Map<String, String> env) {
        return !policy.secrets().isDefault() || key(policy, env).isPresent();
    }

    static Configured from(Policy policy, Map<String, String> env) {
        SecretSettings settings = policy.secrets();
        RuleSet rules = RuleSet.builtin();
        List<String> commits = new ArrayList<>(settings.allowlist().commits());
        List<String> notes = new ArrayList<>();
        if (settings.gitleaksConfig().isPresent()) {
            String name = settings.gitleaksConfig().get().toString();
            GitleaksConfig imported;
            try (InputStream in = Files.newInputStream(settings.gitleaksConfig().get())) {
                imported = GitleaksConfig.read(name, in);
            } catch (IOException e) {
                throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
            }
            rules = withRules(rules, imported.rules(), policy.origin() + ": gitleaks-config " + name);
            rules = rules.withAllowlists(imported.allowlists());
            commits.addAll(imported.allowedCommits());
            imported.skipped().forEach(s -> notes.add(name + ": not imported: " + s));
        }
        List<SecretRule> own = new ArrayList<>();
        for (SecretSettings.CustomRule r : settings.rules()) {
            try {
                own.add(new SecretRule(r.id(), r.title(), r.severity(), r.keywords(), Pattern.compile(r.regex()),
                        r.secretGroup(), r.entropy(), Optional.empty(), Allowlist.NONE, List.of(),
                        r.path().map(Pattern::compile), SecretRule.Tests.NONE));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(policy.origin() + ":" + r.line() + ": secrets.rules: " + e.getMessage(), e);
            }
        }
        rules = withRules(rules, own, policy.origin() + ": secrets.rules");
        SecretSettings.AllowlistSpec a = settings.allowlist();
        Allowlist allow = new Allowlist(Optional.of(policy.origin() + " secrets.allowlist"),
                a.regexes().stream().map(Pattern::compile).toList(), Allowlist.Target.SECRET, a.stopwords(),
                a.paths().stream().map(Pattern::compile).toList(), Allowlist.Condition.OR);
        if (!allow.isEmpty()) {
            rules = rules.withAllowlists(List.of(allow));
        }
        SecretScanner.Builder builder = SecretScanner.builder().rules(rules);
        key(policy, env).ifPresent(builder::hashKey);
        return new Configured(builder.build(), commits, notes);
    }

    /** {@code builtins} with the policy's secret scanner in place of the built-in one, when it has one. */
    static Builtins apply(Builtins builtins, Policy policy, Map<String, String> env, Console console) {
        if (!customised(policy, env)
                || builtins.analyzers().stream().noneMatch(x -> x.id().equals(SecretsAnalyzer.ID))) {
            return builtins;
        }
        Configured configured = from(policy, env);
        configured.notes().forEach(console::warn);
        return builtins.replacing(new SecretsAnalyzer(configured.scanner()));
    }

    private static RuleSet withRules(RuleSet rules, List<SecretRule> more, String where) {
        try {
            return rules.withRules(more);
        } catch (ConfigException e) {
            // a rule id that a built-in rule already has: the user's rule would silently shadow or be shadowed
            throw new ConfigException(where + ": " + e.getMessage() + " (choose another id)", e);
        }
    }

    /**
     * The fingerprint key: the policy's variable, which must then be set (a missing key would silently change every
     * fingerprint and make the baseline useless), else {@value #DEFAULT_KEY_ENV} when set.
     */
    private static Optional<byte[]> key(Policy policy, Map<String, String> env) {
        Optional<String> named = policy.secrets().hashKeyEnv();
        String variable = named.orElse(DEFAULT_KEY_ENV);
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            if (named.isPresent()) {
                throw new ConfigException(policy.origin() + ": secrets.hash-key-env names " + variable
                        + ", which is not set (or empty) in the environment");
            }
            return Optional.empty();
        }
        return Optional.of(value.getBytes(StandardCharsets.UTF_8));
    }
}

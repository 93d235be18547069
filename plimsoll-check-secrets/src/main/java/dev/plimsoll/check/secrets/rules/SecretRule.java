package dev.plimsoll.check.secrets.rules;

import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A provider rule (rules/README.md is the contract): keywords for the prefilter, a regex whose {@code secretGroup}
 * holds the secret, an optional entropy floor and validator name, an allowlist, and the rule's own test texts.
 * Construction checks what can be checked without the validator registry (see {@link RuleSet} for the rest).
 *
 * @param keywords lower-case ASCII literals; empty only for imported gitleaks rules, which then run on every text
 * @param path     gitleaks' per-rule path regex: the rule applies only to files whose path it finds
 */
public record SecretRule(String id, String title, Severity severity, List<String> keywords, Pattern regex,
                         int secretGroup, OptionalDouble entropy, Optional<String> validator, Allowlist allowlist,
                         List<String> references, Optional<Pattern> path, Tests tests) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");

    /** Texts that must give exactly one finding of the rule, and look-alikes that must give none. */
    public record Tests(List<String> positives, List<String> negatives) {
        public static final Tests NONE = new Tests(List.of(), List.of());

        public Tests {
            positives = List.copyOf(positives);
            negatives = List.copyOf(negatives);
        }
    }

    public SecretRule {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(regex);
        Objects.requireNonNull(entropy);
        Objects.requireNonNull(validator);
        Objects.requireNonNull(allowlist);
        Objects.requireNonNull(path);
        Objects.requireNonNull(tests);
        keywords = List.copyOf(keywords);
        references = List.copyOf(references);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' is not kebab-case");
        }
        for (String k : keywords) {
            if (k.isEmpty() || !k.equals(k.toLowerCase(Locale.ROOT)) || !k.chars().allMatch(c -> c < 128)) {
                throw new IllegalArgumentException("rule " + id + ": keyword '" + k
                        + "' must be a non-empty lower-case ASCII literal");
            }
        }
        if (secretGroup < 0 || secretGroup > regex.matcher("").groupCount()) {
            throw new IllegalArgumentException("rule " + id + ": secretGroup " + secretGroup + " but the regex has "
                    + regex.matcher("").groupCount() + " groups");
        }
        if (entropy.isPresent() && (entropy.getAsDouble() < 0 || entropy.getAsDouble() > 8)) {
            throw new IllegalArgumentException("rule " + id + ": entropy must be between 0 and 8 bits per character");
        }
    }

    /** A rule with just the essentials (user rules given programmatically). */
    public static SecretRule of(String id, String title, Severity severity, List<String> keywords, String regex,
                                int secretGroup) {
        return new SecretRule(id, title, severity, keywords, Pattern.compile(regex), secretGroup,
                OptionalDouble.empty(), Optional.empty(), Allowlist.NONE, List.of(), Optional.empty(), Tests.NONE);
    }

    public SecretRule withEntropy(double bits) {
        return new SecretRule(id, title, severity, keywords, regex, secretGroup, OptionalDouble.of(bits), validator,
                allowlist, references, path, tests);
    }

    public SecretRule withValidator(String name) {
        return new SecretRule(id, title, severity, keywords, regex, secretGroup, entropy, Optional.of(name),
                allowlist, references, path, tests);
    }

    public SecretRule withAllowlist(Allowlist list) {
        return new SecretRule(id, title, severity, keywords, regex, secretGroup, entropy, validator, list,
                references, path, tests);
    }
}

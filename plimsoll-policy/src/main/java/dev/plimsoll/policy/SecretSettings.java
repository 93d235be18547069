package dev.plimsoll.policy;

import dev.plimsoll.core.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The policy's {@code secrets:} section: a team's own secret rules and allowlists, the key of the secret
 * fingerprints, and a gitleaks configuration to import. Regexes are checked when the policy is read, so a mistake
 * names the policy file and line; the secret scanner compiles them again.
 *
 * @param hashKeyEnv     the environment variable holding the fingerprint key (never the key itself in the file)
 * @param gitleaksConfig a gitleaks TOML whose rules and allowlists are added, resolved against the policy's folder
 */
public record SecretSettings(List<CustomRule> rules, AllowlistSpec allowlist, Optional<String> hashKeyEnv,
                             Optional<Path> gitleaksConfig) {
    public static final SecretSettings NONE = new SecretSettings(List.of(), AllowlistSpec.NONE, Optional.empty(),
            Optional.empty());

    public SecretSettings {
        rules = List.copyOf(rules);
        Objects.requireNonNull(allowlist);
        Objects.requireNonNull(hashKeyEnv);
        Objects.requireNonNull(gitleaksConfig);
    }

    /**
     * Whether the section is absent or empty. Asked field by field: a record's generated equals costs a fresh JVM
     * a method-handle bootstrap (the ahead-of-time cache keeps none), and every scan asks this at start-up.
     */
    public boolean isDefault() {
        return rules.isEmpty() && allowlist.isEmpty() && hashKeyEnv.isEmpty() && gitleaksConfig.isEmpty();
    }

    /**
     * A rule of the team's own: a regex whose {@code secretGroup} (0: the whole match) is the secret, found only in
     * texts containing one of the {@code keywords} (lower-case; none: every text), reported when its Shannon
     * entropy reaches {@code entropy} bits per character, in files whose path the {@code path} regex finds.
     */
    public record CustomRule(String id, String title, Severity severity, String regex, int secretGroup,
                             List<String> keywords, OptionalDouble entropy, Optional<String> path, int line) {
        public CustomRule {
            Objects.requireNonNull(id);
            Objects.requireNonNull(title);
            Objects.requireNonNull(severity);
            Objects.requireNonNull(regex);
            keywords = List.copyOf(keywords);
            Objects.requireNonNull(entropy);
            Objects.requireNonNull(path);
        }
    }

    /**
     * Matches never reported: any listed criterion allows a match, as in gitleaks' {@code [allowlist]}.
     *
     * @param paths     regexes found in the file path
     * @param regexes   regexes found in the secret
     * @param stopwords words that, contained in the secret (any case), allow it
     * @param commits   git commits (full id or a prefix of at least 7 hex digits) whose findings are not reported
     */
    public record AllowlistSpec(List<String> paths, List<String> regexes, List<String> stopwords,
                                List<String> commits) {
        public static final AllowlistSpec NONE = new AllowlistSpec(List.of(), List.of(), List.of(), List.of());

        public AllowlistSpec {
            paths = List.copyOf(paths);
            regexes = List.copyOf(regexes);
            stopwords = List.copyOf(stopwords);
            commits = List.copyOf(commits);
        }

        public boolean isEmpty() {
            return paths.isEmpty() && regexes.isEmpty() && stopwords.isEmpty() && commits.isEmpty();
        }
    }
}

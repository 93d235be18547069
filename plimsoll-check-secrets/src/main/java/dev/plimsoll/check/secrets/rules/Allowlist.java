package dev.plimsoll.check.secrets.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches that are not reported: a rule's own allowlist or a global one (user policy, an imported gitleaks
 * {@code [allowlist]}). As in gitleaks, the criteria that are present combine with OR (any one allows the match) or,
 * with {@link Condition#AND}, must all hold.
 *
 * @param regexes     tested against the secret, the whole match or the line, as {@code target} says
 * @param stopwords   lower-case; the secret containing one of them is allowed
 * @param paths       tested against the file path (find, not full match)
 */
public record Allowlist(Optional<String> description, List<Pattern> regexes, Target target, List<String> stopwords,
                        List<Pattern> paths, Condition condition) {
    public enum Target { SECRET, MATCH, LINE }

    public enum Condition { OR, AND }

    public static final Allowlist NONE = new Allowlist(Optional.empty(), List.of(), Target.SECRET, List.of(), List.of(),
            Condition.OR);

    public Allowlist {
        Objects.requireNonNull(description);
        Objects.requireNonNull(target);
        Objects.requireNonNull(condition);
        regexes = List.copyOf(regexes);
        stopwords = stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        paths = List.copyOf(paths);
    }

    public static Allowlist of(List<Pattern> regexes, List<String> stopwords) {
        return new Allowlist(Optional.empty(), regexes, Target.SECRET, stopwords, List.of(), Condition.OR);
    }

    public static Allowlist ofPaths(List<Pattern> paths) {
        return new Allowlist(Optional.empty(), List.of(), Target.SECRET, List.of(), paths, Condition.OR);
    }

    public boolean isEmpty() {
        return regexes.isEmpty() && stopwords.isEmpty() && paths.isEmpty();
    }

    /** Whether this allowlist allows a match (all arguments are engine-internal; nothing here is logged). */
    public boolean allows(String path, String secret, String match, String line) {
        if (isEmpty()) {
            return false;
        }
        String subject = switch (target) {
            case SECRET -> secret;
            case MATCH -> match;
            case LINE -> line;
        };
        Boolean byRegex = regexes.isEmpty() ? null : regexes.stream().anyMatch(p -> p.matcher(subject).find());
        Boolean byStopword = null;
        if (!stopwords.isEmpty()) {
            String lower = secret.toLowerCase(Locale.ROOT);
            byStopword = stopwords.stream().anyMatch(lower::contains);
        }
        Boolean byPath = paths.isEmpty() ? null : paths.stream().anyMatch(p -> p.matcher(path).find());
        boolean any = false;
        boolean all = true;
        for (Boolean b : new Boolean[] {byRegex, byStopword, byPath}) {
            if (b != null) {
                any |= b;
                all &= b;
            }
        }
        return condition == Condition.OR ? any : all;
    }
}

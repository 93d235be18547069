package dev.plimsoll.check.secrets.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An imported gitleaks TOML config (gitleaks 8.x): {@code [[rules]]} with id, description, regex, secretGroup,
 * entropy, keywords, path and allowlists (both the older {@code [rules.allowlist]} table and the newer
 * {@code [[rules.allowlists]]} array), and the global {@code [allowlist]} / {@code [[allowlists]]}.
 *
 * <p>gitleaks has no severities: imported rules are HIGH. Ids are lower-cased and '_'/' ' become '-'. Regexes are
 * Go RE2; the few spellings Java reads differently ({@code (?P<name>}, POSIX classes) are translated. What cannot be
 * imported (a rule with only a path, a regex Java rejects) is listed in {@link #skipped()}. The {@code commits} of the
 * global allowlists are {@link #allowedCommits()}: the engine sees text, not commits, so the git history scan applies
 * them; a rule's own {@code commits} are listed as skipped.
 */
public record GitleaksConfig(List<SecretRule> rules, List<Allowlist> allowlists, List<String> allowedCommits,
                             List<String> skipped) {
    private static final ObjectMapper TOML = new ObjectMapper(new TomlFactory());
    private static final Pattern POSIX = Pattern.compile("\\[:(alnum|alpha|digit|lower|upper|space|punct|xdigit|word|"
            + "blank|cntrl|graph|print|ascii):]");

    public GitleaksConfig {
        rules = List.copyOf(rules);
        allowlists = List.copyOf(allowlists);
        allowedCommits = List.copyOf(allowedCommits);
        skipped = List.copyOf(skipped);
    }

    public static GitleaksConfig read(String source, InputStream in) {
        JsonNode root;
        try {
            root = TOML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(source + ": not a valid gitleaks TOML config: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        List<SecretRule> rules = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode r : iterable(root.get("rules"))) {
            String rawId = r.path("id").asText("");
            String where = source + " rule " + rawId;
            if (rawId.isBlank()) {
                throw new ConfigException(source + ": a [[rules]] entry has no id");
            }
            String id = rawId.toLowerCase(Locale.ROOT).replaceAll("[_\\s]+", "-").replaceAll("[^a-z0-9.-]", "");
            if (!r.hasNonNull("regex")) {
                skipped.add(rawId + ": no regex (path-only rules match file names, not content)");
                continue;
            }
            Pattern regex;
            try {
                regex = Pattern.compile(goToJava(r.get("regex").asText()));
            } catch (RuntimeException e) {
                skipped.add(rawId + ": regex not readable by Java");
                continue;
            }
            List<String> keywords = new ArrayList<>();
            for (JsonNode k : iterable(r.get("keywords"))) {
                String kw = k.asText().toLowerCase(Locale.ROOT);
                if (!kw.isEmpty() && kw.chars().allMatch(c -> c < 128)) {
                    keywords.add(kw);
                }
            }
            List<Allowlist> own = new ArrayList<>();
            if (!r.findValues("commits").isEmpty()) {
                skipped.add(rawId + ": the rule's allowlist commits are not applied (only the global allowlist's)");
            }
            if (r.has("allowlist")) {
                own.add(allowlist(r.get("allowlist"), where));
            }
            for (JsonNode a : iterable(r.get("allowlists"))) {
                own.add(allowlist(a, where));
            }
            Allowlist merged = own.isEmpty() ? Allowlist.NONE : own.getFirst();
            if (own.size() > 1) {
                // A rule holds one allowlist; several OR-combined ones become global-like path-free entries.
                skipped.add(rawId + ": only the first of " + own.size() + " rule allowlists is applied");
            }
            Optional<Pattern> path = r.hasNonNull("path")
                    ? Optional.of(RuleLoader.compile(goToJava(r.get("path").asText()), where + " path"))
                    : Optional.empty();
            String title = r.hasNonNull("description") ? r.get("description").asText() : rawId;
            try {
                rules.add(new SecretRule(id, title, Severity.HIGH, keywords, regex,
                        r.has("secretGroup") ? r.get("secretGroup").asInt() : 0,
                        r.hasNonNull("entropy") ? OptionalDouble.of(r.get("entropy").asDouble())
                                : OptionalDouble.empty(),
                        Optional.empty(), merged, List.of(), path, SecretRule.Tests.NONE));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": " + e.getMessage(), e);
            }
        }
        List<Allowlist> global = new ArrayList<>();
        List<String> commits = new ArrayList<>();
        if (root.has("allowlist")) {
            global.add(allowlist(root.get("allowlist"), source + " [allowlist]"));
            commits(root.get("allowlist"), commits);
        }
        for (JsonNode a : iterable(root.get("allowlists"))) {
            global.add(allowlist(a, source + " [[allowlists]]"));
            commits(a, commits);
        }
        return new GitleaksConfig(rules, global, commits, skipped);
    }

    private static void commits(JsonNode allowlist, List<String> out) {
        for (JsonNode c : iterable(allowlist.get("commits"))) {
            String id = c.asText().trim().toLowerCase(Locale.ROOT);
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
    }

    private static Allowlist allowlist(JsonNode a, String where) {
        List<Pattern> regexes = new ArrayList<>();
        for (JsonNode r : iterable(a.get("regexes"))) {
            regexes.add(RuleLoader.compile(goToJava(r.asText()), where + " allowlist regex"));
        }
        List<Pattern> paths = new ArrayList<>();
        for (JsonNode p : iterable(a.get("paths"))) {
            paths.add(RuleLoader.compile(goToJava(p.asText()), where + " allowlist path"));
        }
        List<String> stopwords = new ArrayList<>();
        for (JsonNode s : iterable(a.get("stopwords"))) {
            stopwords.add(s.asText());
        }
        Allowlist.Target target = switch (a.path("regexTarget").asText("secret").toLowerCase(Locale.ROOT)) {
            case "match" -> Allowlist.Target.MATCH;
            case "line" -> Allowlist.Target.LINE;
            default -> Allowlist.Target.SECRET;
        };
        Allowlist.Condition condition = "and".equalsIgnoreCase(a.path("condition").asText("or"))
                ? Allowlist.Condition.AND : Allowlist.Condition.OR;
        Optional<String> description = a.hasNonNull("description") ? Optional.of(a.get("description").asText())
                : Optional.empty();
        return new Allowlist(description, regexes, target, stopwords, paths, condition);
    }

    /** RE2 spellings Java reads differently: named groups and POSIX bracket classes. */
    static String goToJava(String re) {
        String s = re.replace("(?P<", "(?<");
        Matcher m = POSIX.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String cls = switch (m.group(1)) {
                case "alnum" -> "\\\\p{Alnum}";
                case "alpha" -> "\\\\p{Alpha}";
                case "digit" -> "\\\\d";
                case "lower" -> "\\\\p{Lower}";
                case "upper" -> "\\\\p{Upper}";
                case "space" -> "\\\\s";
                case "punct" -> "\\\\p{Punct}";
                case "xdigit" -> "\\\\p{XDigit}";
                case "word" -> "\\\\w";
                case "blank" -> "\\\\p{Blank}";
                case "cntrl" -> "\\\\p{Cntrl}";
                case "graph" -> "\\\\p{Graph}";
                case "print" -> "\\\\p{Print}";
                default -> "\\\\p{ASCII}";
            };
            m.appendReplacement(out, cls);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        return n.isArray() ? n : List.of(n);
    }
}

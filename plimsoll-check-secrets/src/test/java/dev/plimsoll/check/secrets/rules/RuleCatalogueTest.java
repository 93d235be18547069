package dev.plimsoll.check.secrets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the provider rule catalogue (the YAML data in {@code rules/}) on its own, without the engine: the files
 * parse against the format of {@code rules/README.md}, ids are unique, every regex compiles, every positive gives
 * exactly one reportable match and every negative none, and no regex does super-linear work on long adversarial lines.
 *
 * <p>"Reportable" is evaluated here the way the README describes the engine: a match whose secret group is non-empty,
 * is not hit by the rule's allowlist, reaches the entropy floor and passes the validator. The validators that a
 * negative may rely on ({@code github-crc32}, {@code npm-crc32}, {@code jwt}) are re-implemented below in a few lines
 * so that the catalogue can be tested before and independently of the engine.
 */
class RuleCatalogueTest {
    static final String DIR = "/dev/plimsoll/check/secrets/rules/";
    static final Set<String> SEVERITIES = Set.of("UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final Set<String> VALIDATORS = Set.of("github-crc32", "npm-crc32", "jwt", "pem");
    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final Pattern CHECKSUMMED = Pattern.compile("\\{\\{checksummed:([a-z0-9-]+):([^:}]*):(\\d+)}}");
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Allowlist(List<String> regexes, List<String> stopwords) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Cases(List<String> positives, List<String> negatives) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Rule(String id, String title, String severity, List<String> keywords, String regex, Integer secretGroup,
                Double entropy, String validator, Allowlist allowlist, List<String> references, Cases tests) {}

    /** A rule with its compiled patterns and the file it came from. */
    record Loaded(String file, Rule rule, Pattern pattern, List<Pattern> allow) {}

    static final Map<String, List<Loaded>> BY_FILE = new LinkedHashMap<>();
    static final List<Loaded> ALL = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String file : indexFiles()) {
            List<Rule> rules;
            try (InputStream in = RuleCatalogueTest.class.getResourceAsStream(DIR + file)) {
                assertThat(in).as("file listed in index.txt: " + file).isNotNull();
                rules = yaml.readValue(in, new TypeReference<List<Rule>>() {});
            }
            List<Loaded> loaded = new ArrayList<>();
            for (Rule r : rules) {
                Pattern p;
                try {
                    p = Pattern.compile(r.regex());
                } catch (PatternSyntaxException e) {
                    throw new AssertionError(r.id() + ": regex does not compile: " + e.getMessage(), e);
                }
                List<Pattern> allow = new ArrayList<>();
                if (r.allowlist() != null && r.allowlist().regexes() != null) {
                    for (String a : r.allowlist().regexes()) allow.add(Pattern.compile(a));
                }
                loaded.add(new Loaded(file, r, p, allow));
            }
            BY_FILE.put(file, loaded);
            ALL.addAll(loaded);
        }
    }

    static List<String> indexFiles() throws IOException {
        try (InputStream in = RuleCatalogueTest.class.getResourceAsStream(DIR + "index.txt")) {
            assertThat(in).as("index.txt").isNotNull();
            List<String> files = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String f = line.strip();
                if (!f.isEmpty() && !f.startsWith("#")) files.add(f);
            }
            return files;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Structure

    @Test
    void atLeast150RulesWithUniqueKebabCaseIds() {
        assertThat(ALL.size()).as("rules in the catalogue").isGreaterThanOrEqualTo(150);
        Set<String> seen = new LinkedHashSet<>();
        for (Loaded l : ALL) {
            String id = l.rule().id();
            assertThat(id).as("id in " + l.file()).isNotNull().matches(ID);
            assertThat(seen.add(id)).as("duplicate id " + id).isTrue();
        }
    }

    @Test
    void everyRuleIsComplete() {
        for (Loaded l : ALL) {
            Rule r = l.rule();
            String id = r.id();
            assertThat(r.title()).as(id + " title").isNotBlank();
            assertThat(r.severity()).as(id + " severity").isIn(SEVERITIES);
            assertThat(r.keywords()).as(id + " keywords").isNotEmpty();
            for (String k : r.keywords()) {
                assertThat(k).as(id + " keyword").isNotBlank().isEqualTo(k.toLowerCase(Locale.ROOT));
                // README: at least 3 ASCII characters, or the engine loses its byte prefilter for every file
                assertThat(k.length()).as(id + " keyword length of " + k).isGreaterThanOrEqualTo(3);
                assertThat(k.chars().allMatch(c -> c > 0 && c < 128)).as(id + " keyword ASCII: " + k).isTrue();
            }
            int groups = l.pattern().matcher("").groupCount();
            assertThat(r.secretGroup()).as(id + " secretGroup").isNotNull().isBetween(0, groups);
            if (r.entropy() != null) assertThat(r.entropy()).as(id + " entropy").isBetween(0.5, 6.0);
            if (r.validator() != null) assertThat(r.validator()).as(id + " validator").isIn(VALIDATORS);
            assertThat(r.references()).as(id + " references").isNotEmpty();
            for (String ref : r.references()) {
                assertThat(URI.create(ref).getScheme()).as(id + " reference " + ref).isEqualTo("https");
            }
            assertThat(r.tests()).as(id + " tests").isNotNull();
            assertThat(r.tests().positives()).as(id + " positives").hasSizeGreaterThanOrEqualTo(2);
            assertThat(r.tests().negatives()).as(id + " negatives").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Positives and negatives

    @Test
    void everyPositiveGivesExactlyOneReportableSecret() {
        List<String> failures = new ArrayList<>();
        for (Loaded l : ALL) {
            Rule r = l.rule();
            for (String raw : r.tests().positives()) {
                String text = expand(raw);
                String lower = text.toLowerCase(Locale.ROOT);
                if (r.keywords().stream().noneMatch(lower::contains)) {
                    failures.add(r.id() + ": positive contains none of its keywords: " + raw);
                }
                List<String> reportable = new ArrayList<>();
                List<String> rejected = new ArrayList<>();
                Matcher m = l.pattern().matcher(text);
                while (m.find()) {
                    String secret = m.group(r.secretGroup());
                    String why = rejection(l, secret);
                    if (why == null) reportable.add(secret); else rejected.add(why);
                }
                if (reportable.size() != 1) {
                    failures.add(r.id() + ": positive gives " + reportable.size() + " reportable secrets "
                            + (rejected.isEmpty() ? "" : rejected) + ": " + raw);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyNegativeGivesNoReportableSecret() {
        List<String> failures = new ArrayList<>();
        for (Loaded l : ALL) {
            Rule r = l.rule();
            for (String raw : r.tests().negatives()) {
                String text = expand(raw);
                Matcher m = l.pattern().matcher(text);
                while (m.find()) {
                    String secret = m.group(r.secretGroup());
                    if (rejection(l, secret) == null) {
                        failures.add(r.id() + ": negative reports '" + secret + "': " + raw);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Why a match is not reported, or null when it is. */
    static String rejection(Loaded l, String secret) {
        Rule r = l.rule();
        if (secret == null || secret.isEmpty()) return "empty secret";
        for (Pattern a : l.allow()) if (a.matcher(secret).find()) return "allowlist " + a;
        if (r.allowlist() != null && r.allowlist().stopwords() != null) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (String s : r.allowlist().stopwords()) {
                if (lower.contains(s.toLowerCase(Locale.ROOT))) return "stopword " + s;
            }
        }
        if (r.entropy() != null) {
            double e = entropy(secret);
            if (e < r.entropy()) return String.format(Locale.ROOT, "entropy %.2f < %.2f", e, r.entropy());
        }
        if (r.validator() != null && !validate(r.validator(), secret)) return "validator " + r.validator();
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Adversarial input: no regex may do super-linear work on a long line.

    /**
     * Counts the characters the regex engine reads and stops it past a budget: a deterministic stand-in for "is not
     * catastrophically slow" that does not depend on the machine's speed. java.util.regex reads its input only through
     * {@link CharSequence#charAt}, so the count is the work done (a bounded quantifier {m,n} costs at most n reads per
     * start position; nested or unbounded quantifiers that backtrack cost the square or worse).
     */
    static final class Budgeted implements CharSequence {
        final String s;
        final long budget;
        long reads;

        Budgeted(String s, long budget) { this.s = s; this.budget = budget; }

        @Override public int length() { return s.length(); }
        @Override public char charAt(int i) {
            if (++reads > budget) throw new IllegalStateException("read budget exceeded");
            return s.charAt(i);
        }
        @Override public CharSequence subSequence(int a, int b) { return s.subSequence(a, b); }
        @Override public String toString() { return s; }
    }

    static final int LINE = 100 * 1024;
    /** Reads per character of input allowed: the longest bounded repetition in the catalogue is a few thousand. */
    static final long READS_PER_CHAR = 2_500;

    static String fill(String head, String unit) {
        if (unit.isEmpty()) unit = " ";
        StringBuilder b = new StringBuilder(LINE + unit.length() + head.length()).append(head);
        while (b.length() < LINE) b.append(unit);
        return b.toString();
    }

    static List<String> adversarialLines(Loaded l) {
        Rule r = l.rule();
        List<String> lines = new ArrayList<>();
        String[] units = {"a", "A1", "0", "aB3/+=", "-_.", ":@", " =\"", "\\n"};
        for (String k : r.keywords().subList(0, Math.min(3, r.keywords().size()))) {
            for (String u : units) lines.add(fill(k, u));
            lines.add(fill("", k + " "));
            lines.add(fill("", k + "="));
            lines.add(fill("", k));
        }
        String p = expand(r.tests().positives().get(0)).replace("\n", " ");
        lines.add(fill("", p + " "));
        Matcher m = l.pattern().matcher(p);
        if (m.find()) {
            int at = m.start(r.secretGroup());
            String s = m.group(r.secretGroup());
            // the context of the first positive followed by a secret that never ends, and one that ends too soon
            lines.add(fill(p.substring(0, at), s.isEmpty() ? "a" : s.substring(0, 1)));
            lines.add(fill(p.substring(0, at), s.isEmpty() ? "a" : s.substring(0, Math.min(s.length(), 8))));
            lines.add(fill("", p.substring(0, at)));
        }
        return lines;
    }

    @Test
    void noRegexDoesSuperLinearWorkOnAdversarialLines() {
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new HashMap<>();
        for (Loaded l : ALL) {
            for (String line : adversarialLines(l)) {
                Budgeted in = new Budgeted(line, READS_PER_CHAR * line.length());
                try {
                    Matcher m = l.pattern().matcher(in);
                    int found = 0;
                    while (m.find()) found++;
                    assertThat(found).isGreaterThanOrEqualTo(0);
                    worst.merge(l.rule().id(), (double) in.reads / line.length(), Math::max);
                } catch (IllegalStateException | StackOverflowError e) {
                    failures.add(l.rule().id() + ": " + e + " on a line starting "
                            + line.substring(0, Math.min(60, line.length())));
                }
            }
        }
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf(Locale.ROOT, "regex reads per input char: %-40s %8.1f%n",
                        e.getKey(), e.getValue()));
        assertThat(failures).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Placeholders for checksummed formats and the validators the negatives may rely on

    static final SecureRandom RANDOM = new SecureRandom();

    /** Replaces each {{checksummed:validator:prefix:length}} by a fresh token; length counts the characters after the prefix. */
    static String expand(String text) {
        Matcher m = CHECKSUMMED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String validator = m.group(1);
            if (!validator.equals("github-crc32") && !validator.equals("npm-crc32")) {
                fail("no generator for checksummed validator " + validator);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(crc32Token(m.group(2), Integer.parseInt(m.group(3)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** GitHub's and npm's scheme: prefix + random base62 + the CRC32 of the random part in 6 base62 digits. */
    static String crc32Token(String prefix, int length) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < length - 6; i++) random.append(BASE62.charAt(RANDOM.nextInt(62)));
        return prefix + random + base62Crc32(random.toString());
    }

    static String base62Crc32(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(digits);
    }

    static boolean crc32Valid(String token) {
        int underscore = token.lastIndexOf('_');
        String body = token.substring(underscore + 1);
        if (body.length() <= 6 || !body.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) return false;
        return base62Crc32(body.substring(0, body.length() - 6)).equals(body.substring(body.length() - 6));
    }

    static boolean validate(String validator, String secret) {
        return switch (validator) {
            case "github-crc32", "npm-crc32" -> crc32Valid(secret);
            case "jwt" -> jwtHeaderIsJson(secret);
            case "pem" -> secret.contains("-----BEGIN") || secret.contains("---- BEGIN");
            default -> throw new AssertionError("unknown validator " + validator);
        };
    }

    static boolean jwtHeaderIsJson(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8).strip();
            return header.startsWith("{") && header.endsWith("}") && header.contains("\"alg\"");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    @Test
    void checksumGeneratorFollowsTheGitHubScheme() {
        // Public test vector with a zero-padded checksum (from open-source validators of GitHub's format; its prefix is
        // not a GitHub one, so it is no credential): the last six characters are the base62 CRC32 of the rest.
        assertThat(crc32Valid("b62_" + "QdwULL38u41vs1OcAjhKqcaSZ9W63r" + "0Zu4ln")).isTrue();
        assertThat(crc32Valid("b62_" + "QdwULL38u41vs1OcAjhKqcaSZ9W63r" + "0Zu4lm")).isFalse();
        // The CRC32 check value of "123456789" is 0xCBF43926; its six base62 digits, computed here by hand, must agree.
        long v = 0xCBF43926L;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) { b.insert(0, BASE62.charAt((int) (v % 62))); v /= 62; }
        assertThat(base62Crc32("123456789")).isEqualTo(b.toString());
        for (int i = 0; i < 100; i++) {
            String t = expand("{{checksummed:github-crc32:ghp_:36}}");
            assertThat(t).hasSize(40).startsWith("ghp_");
            assertThat(crc32Valid(t)).as(t).isTrue();
        }
    }

    static double entropy(String s) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < s.length(); i++) counts.merge(s.charAt(i), 1, Integer::sum);
        double e = 0;
        for (int c : counts.values()) {
            double p = (double) c / s.length();
            e -= p * (Math.log(p) / Math.log(2));
        }
        return e;
    }
}

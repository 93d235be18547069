package dev.plimsoll.check.dockerfile.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PLM-DF-001 tells a credential from configuration: secret keywords in variable and label names, the value
 * shapes that are never secrets (references, paths, booleans, versions, placeholders), known token formats and
 * Shannon entropy. Masks values for messages.
 */
final class SecretWords {
    /** Keywords a name may end with, inside its last word too ({@code DBPASSWORD}, {@code apiToken}). */
    static final List<String> SUFFIX_KEYWORDS = List.of("password", "passwd", "secret", "token", "apikey",
            "accesskey", "privatekey", "secretkey", "credential", "credentials", "passwords", "secrets", "tokens");
    /** Keywords that must be a whole last word ({@code DB_PASS}, {@code BASIC_AUTH}; not {@code OAUTH}). */
    static final Set<String> WORD_KEYWORDS = Set.of("pass", "auth");
    /** Two-word keywords at the end of a name ({@code API_KEY}, {@code AWS_SECRET_ACCESS_KEY}). */
    static final Set<String> PAIR_KEYWORDS = Set.of("api key", "access key", "private key", "secret key",
            "auth key", "client secret", "encryption key", "master key");

    private static final Set<String> NON_SECRET_VALUES = Set.of("true", "false", "yes", "no", "on", "off",
            "enabled", "disabled", "enable", "disable", "none", "null", "nil", "undefined", "unset", "empty", "n/a",
            "na", "0", "1", "-", "_", "''", "\"\"");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^x{3,}$|^\\*+$|^\\.+$|^<[^>]*>$|^\\[[^]]*]$|^%[^%]+%$|^\\{\\{.*}}$|example|placeholder|dummy|fake"
                    + "|redacted|replace[_-]?(me|this)|your[_-]|insert[_-]|^todo$|^fixme$|^tbd$|^sample");
    private static final Pattern VERSION = Pattern.compile("^v?\\d+(\\.\\d+)+([-+.~][0-9A-Za-z.+~-]*)?$");
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\{?[A-Za-z_]|\\()|%[A-Za-z_]+%");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

    /** Credential formats that are secrets whatever the name: label, pattern, and whether to mask the whole match. */
    private record Format(String label, Pattern pattern) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b")),
            new Format("GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})")),
            new Format("GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new Format("npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Format("Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Format("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Format("Stripe secret key", Pattern.compile("\\b[sr]k_live_[0-9A-Za-z]{20,}")),
            new Format("private key block", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
            new Format("JSON web token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")),
            new Format("password in a URL",
                    Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@$]+:([^/\\s@]+)@[A-Za-z0-9]")));
    private static final Pattern ENTROPY_ALPHABET = Pattern.compile("^[A-Za-z0-9+/=_-]{20,}$");

    private SecretWords() {
    }

    /** The lower-case words of a name: {@code MYSQL_ROOT_PASSWORD} → mysql, root, password; {@code apiKey} → api, key. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : SEPARATORS.split(name)) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    /**
     * The secret keyword the name ends with, if any. Only the end of the name counts: {@code DB_PASSWORD} is a
     * password, {@code PASSWORD_MIN_LENGTH} and {@code TOKEN_URL} are settings about one.
     */
    static Optional<String> keyword(String name, List<String> extraKeywords) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        if (words.size() >= 2) {
            String pair = words.get(words.size() - 2) + " " + last;
            if (PAIR_KEYWORDS.contains(pair)) {
                return Optional.of(pair.replace(' ', '_'));
            }
        }
        if (WORD_KEYWORDS.contains(last)) {
            return Optional.of(last);
        }
        for (String keyword : SUFFIX_KEYWORDS) {
            if (last.endsWith(keyword)) {
                return Optional.of(keyword);
            }
        }
        String joined = String.join("", words);
        for (String extra : extraKeywords) {
            String k = SEPARATORS.matcher(extra.toLowerCase(Locale.ROOT)).replaceAll("");
            if (!k.isEmpty() && joined.endsWith(k)) {
                return Optional.of(extra);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a value under a secret-keyword name is not a credential, or empty when it may be one: references to
     * variables, paths, URLs without credentials, booleans, numbers-as-settings, versions, placeholders, prose.
     */
    static Optional<String> notASecret(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.of("empty");
        }
        if (REFERENCE.matcher(v).find()) {
            return Optional.of("variable reference");
        }
        if (v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")
                || (v.length() > 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':' && v.charAt(2) == '\\')) {
            return Optional.of("path");
        }
        if (v.contains("://")) {
            return Optional.of("URL");
        }
        if (NON_SECRET_VALUES.contains(v.toLowerCase(Locale.ROOT))) {
            return Optional.of("boolean or empty marker");
        }
        if (VERSION.matcher(v).matches()) {
            return Optional.of("version");
        }
        if (PLACEHOLDER.matcher(v).find()) {
            return Optional.of("placeholder");
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("prose");
        }
        if (v.chars().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("no letters or digits");
        }
        return Optional.empty();
    }

    /** A known credential format in the value: its label and the matched text. */
    record FormatMatch(String label, String text) {
    }

    static Optional<FormatMatch> knownFormat(String value) {
        for (Format format : FORMATS) {
            Matcher m = format.pattern().matcher(value);
            while (m.find()) {
                String text = m.group();
                if (format.label().equals("AWS access key id") && text.endsWith("EXAMPLE")) {
                    continue; // AWS's documentation key AKIAIOSFODNN7EXAMPLE
                }
                if (format.label().equals("password in a URL") && notASecret(m.group(1)).isPresent()) {
                    continue;
                }
                return Optional.of(new FormatMatch(format.label(), text));
            }
        }
        return Optional.empty();
    }

    /** Shannon entropy in bits per character; 0 for values outside the token alphabet or shorter than 20. */
    static double entropy(String value) {
        if (!ENTROPY_ALPHABET.matcher(value).matches()) {
            return 0;
        }
        int[] counts = new int[128];
        for (int i = 0; i < value.length(); i++) {
            counts[value.charAt(i)]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
    }

    /**
     * The value with all but its first few characters replaced by {@code *} (at most 12 stars), so that a message
     * or a report never carries the secret: {@code changeme} → {@code ch******}.
     */
    static String mask(String value) {
        int keep = Math.min(4, value.length() / 4);
        int stars = Math.min(12, Math.max(1, value.length() - keep));
        return value.substring(0, keep) + "*".repeat(stars);
    }
}

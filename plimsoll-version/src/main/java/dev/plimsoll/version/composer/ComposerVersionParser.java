package dev.plimsoll.version.composer;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Trim;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * composer/semver's version normalisation ({@code VersionParser::normalize}, {@code normalizeBranch},
 * {@code parseStability}), reimplemented from its documented grammar and checked against the library itself by
 * the differential test (Debian's php-composer-semver 3.3.2).
 *
 * <p>"1.0" becomes "1.0.0.0", "v2.1-beta.2" "2.1.0.0-beta2", "1.0-p1" "1.0.0.0-patch1", "1.x-dev"
 * "1.9999999.9999999.9999999-dev", a date "20100102" stays "20100102", "dev-main" and branch names stay
 * "dev-&lt;name&gt;". A stability flag ("@dev"), an alias ("1.0.x-dev as 1.0.0") and build metadata ("+sha") are
 * dropped.
 *
 * <p>Regular expressions run with {@link Pattern#UNIX_LINES} so that {@code .} and {@code $} treat line ends the
 * way PCRE does by default (only LF), and ASCII-only case folding as PCRE without the {@code u} flag.
 */
public final class ComposerVersionParser {
    /** Bounds the work one hostile string can cause; real versions and constraints are far shorter. */
    public static final int MAX_LENGTH = 1024;

    static final String STABILITY_WORDS = "stable|beta|b|RC|alpha|a|patch|pl|p";
    /**
     * The optional pre-release part after major.minor.patch: a separator, a stability word with its numbers, and
     * a dev marker. Group 1 is the word, 2 its numbers, 3 the dev marker.
     */
    static final String MODIFIER =
        "[._-]?(?:(" + STABILITY_WORDS + ")((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    static final String FLAG_STABILITIES = "stable|RC|beta|alpha|dev";

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES;
    private static final int CS = Pattern.UNIX_LINES;

    static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$", CS);
    private static final Pattern STABILITY_FLAG = Pattern.compile("@(?:" + FLAG_STABILITIES + ")$", CI);
    private static final Pattern BUILD_METADATA = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$", CS);
    private static final Pattern CLASSICAL =
        Pattern.compile("^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$", CI);
    private static final Pattern DATE =
        Pattern.compile("^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$", CI);
    private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev$", CI);
    private static final String BRANCH_PART = "(\\.(?:\\d++|[xX*]))?";
    private static final Pattern NUMERIC_BRANCH =
        Pattern.compile("^v?(\\d++)" + BRANCH_PART + BRANCH_PART + BRANCH_PART + "$", CI);
    private static final Pattern REFERENCE = Pattern.compile("#.+$", CS);
    private static final Pattern STABILITY_SUFFIX = Pattern.compile(MODIFIER + "(?:\\+.*)?$", CI);
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");

    private ComposerVersionParser() {
    }

    /** {@code VersionParser::normalize}. Branch names come back as "dev-&lt;name&gt;". */
    public static String normalize(String version) throws InvalidVersionException {
        checkLength(version);
        String text = phpTrim(version);
        Matcher alias = ALIAS.matcher(text);
        if (alias.find()) {
            text = alias.group(1);
        }
        Matcher flag = STABILITY_FLAG.matcher(text);
        if (flag.find()) {
            text = text.substring(0, text.length() - flag.group().length());
        }
        if (text.equals("master") || text.equals("trunk") || text.equals("default")) {
            text = "dev-" + text;
        }
        if (startsWithIgnoreCaseAscii(text, "dev-")) {
            return "dev-" + text.substring(4);
        }
        Matcher build = BUILD_METADATA.matcher(text);
        if (build.find()) {
            text = build.group(1);
        }
        Matcher m = CLASSICAL.matcher(text);
        String normalized = null;
        int index = 0;
        if (m.find()) {
            normalized = m.group(1) + orDefault(m.group(2), ".0") + orDefault(m.group(3), ".0")
                + orDefault(m.group(4), ".0");
            index = 5;
        } else {
            m = DATE.matcher(text);
            if (m.find()) {
                normalized = NON_DIGIT.matcher(m.group(1)).replaceAll(".");
                index = 2;
            }
        }
        if (normalized != null) {
            String stability = m.group(index);
            if (!phpEmpty(stability)) {
                if (stability.equals("stable")) {
                    return normalized;
                }
                String numbers = m.group(index + 1);
                normalized += "-" + expandStability(stability)
                    + (numbers != null && !numbers.isEmpty() ? ltrim(numbers, ".-") : "");
            }
            if (!phpEmpty(m.group(index + 2))) {
                normalized += "-dev";
            }
            return normalized;
        }
        Matcher dev = DEV_SUFFIX.matcher(text);
        if (dev.find()) {
            String branch = normalizeBranch(dev.group(1));
            // A name ending in -dev is a version only when it is numeric ("2.1.x-dev"); "foo-dev" is not.
            if (!branch.contains("dev-")) {
                return branch;
            }
        }
        throw new InvalidVersionException("invalid composer version \"" + version + "\"");
    }

    /** {@code VersionParser::normalizeBranch}: "2.1.x" gives "2.1.9999999.9999999-dev", "main" "dev-main". */
    public static String normalizeBranch(String name) {
        String text = phpTrim(name);
        Matcher m = NUMERIC_BRANCH.matcher(text);
        if (m.find()) {
            StringBuilder version = new StringBuilder();
            for (int i = 1; i < 5; i++) {
                String part = m.group(i);
                version.append(part != null ? part.replace('*', 'x').replace('X', 'x') : ".x");
            }
            return version.toString().replace("x", "9999999") + "-dev";
        }
        return "dev-" + text;
    }

    /** {@code VersionParser::parseStability}: "stable", "RC", "beta", "alpha" or "dev". */
    public static String parseStability(String version) {
        String text = REFERENCE.matcher(version).replaceAll("");
        if (text.startsWith("dev-") || text.endsWith("-dev")) {
            return "dev";
        }
        Matcher m = STABILITY_SUFFIX.matcher(asciiLower(text));
        if (!m.find()) {
            return "stable";
        }
        if (!phpEmpty(m.group(3))) {
            return "dev";
        }
        String word = m.group(1);
        if (!phpEmpty(word)) {
            switch (word) {
                case "beta", "b" -> {
                    return "beta";
                }
                case "alpha", "a" -> {
                    return "alpha";
                }
                case "rc" -> {
                    return "RC";
                }
                default -> {
                    // stable, patch, pl, p are all stable
                }
            }
        }
        return "stable";
    }

    static String expandStability(String stability) {
        String lower = asciiLower(stability);
        return switch (lower) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> lower;
        };
    }

    static void checkLength(String text) throws InvalidVersionException {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException("composer version or constraint longer than " + MAX_LENGTH
                + " characters: \"" + text.substring(0, 40) + "...\"");
        }
    }

    /** PHP's {@code trim()}: space, tab, LF, CR, NUL and vertical tab, but not form feed. */
    static String phpTrim(String text) {
        return Trim.trim(text, ComposerVersionParser::isPhpTrimmed);
    }

    private static boolean isPhpTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
    }

    /** PHP's {@code empty()} on a regex group: unmatched, "" and "0" are empty. */
    static boolean phpEmpty(String group) {
        return group == null || group.isEmpty() || group.equals("0");
    }

    static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    static boolean startsWithIgnoreCaseAscii(String text, String prefix) {
        return text.length() >= prefix.length() && asciiLower(text.substring(0, prefix.length())).equals(prefix);
    }

    private static String ltrim(String text, String characters) {
        int start = 0;
        while (start < text.length() && characters.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }

    private static String orDefault(String group, String fallback) {
        return phpEmpty(group) ? fallback : group;
    }
}

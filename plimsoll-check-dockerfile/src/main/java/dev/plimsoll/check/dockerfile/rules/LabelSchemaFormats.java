package dev.plimsoll.check.dockerfile.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value formats of the label-schema types, checked without network or heavy libraries:
 * <ul>
 * <li>url: an absolute URI of RFC 3986: a scheme, only the characters RFC 3986 allows (percent-escapes well
 * formed, no spaces, no non-ASCII), and a structure {@link URI java.net.URI} accepts;</li>
 * <li>rfc3339: an RFC 3339 date-time ({@code 2024-01-31T12:00:00Z}, fraction optional, offset {@code Z} or
 * {@code ±HH:MM}, {@code T}/{@code Z} in either case) read strictly by java.time, so the date must exist;</li>
 * <li>spdx: one identifier of the SPDX license list (bundled resource {@code spdx-license-ids.txt}, 3.27.0),
 * case-sensitive as hadolint matches them; expressions are not identifiers;</li>
 * <li>semver: SemVer 2.0.0 (the specification's own grammar);</li>
 * <li>hash: 7 or 40 lower-case hexadecimal characters;</li>
 * <li>email: an RFC 5322 addr-spec: a dot-atom or quoted local part, {@code @}, a host name (letters, digits,
 * hyphens, dot-separated) or a bracketed domain literal; display names ({@code Jane <jane@x>}) are refused.</li>
 * </ul>
 */
final class LabelSchemaFormats {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
            + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?");
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern EMAIL_LOCAL = Pattern.compile(ATEXT + "(?:\\." + ATEXT + ")*"
            + "|\"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*\"");
    private static final Pattern EMAIL_DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]");
    private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private LabelSchemaFormats() {
    }

    static boolean isUrl(String value) {
        if (!SCHEME.matcher(value).matches()) {
            return false;
        }
        int n = value.length();
        boolean fragment = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !hex(value.charAt(i + 1)) || !hex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (!uriChar(c)) {
                return false;
            }
        }
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isRfc3339(String value) {
        try {
            RFC3339.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isSpdxId(String value) {
        return value.equals(SpdxIds.IDS.get(value.toLowerCase(Locale.ROOT)));
    }

    /** The listed identifier written in another case ({@code mit} gives {@code MIT}). */
    static Optional<String> spdxIdIgnoringCase(String value) {
        return Optional.ofNullable(SpdxIds.IDS.get(value.toLowerCase(Locale.ROOT)));
    }

    static boolean isSemver(String value) {
        return SEMVER.matcher(value).matches();
    }

    static boolean isGitHash(String value) {
        if (value.length() != 7 && value.length() != 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmail(String value) {
        int at = value.lastIndexOf('@');
        return at > 0 && at < value.length() - 1 && EMAIL_LOCAL.matcher(value.substring(0, at)).matches()
                && EMAIL_DOMAIN.matcher(value.substring(at + 1)).matches();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986 unreserved, gen-delims (but '#', handled apart) and sub-delims. */
    private static boolean uriChar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "-._~:/?[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    /** The SPDX list, read once: identifiers by their lower-case form (values in canonical case). Immutable. */
    private static final class SpdxIds {
        static final Map<String, String> IDS = load();

        private static Map<String, String> load() {
            String resource = "spdx-license-ids.txt";
            try (InputStream in = LabelSchemaFormats.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                Map<String, String> ids = new HashMap<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        ids.put(id.toLowerCase(Locale.ROOT), id);
                    }
                }
                return Map.copyOf(ids);
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
    }
}

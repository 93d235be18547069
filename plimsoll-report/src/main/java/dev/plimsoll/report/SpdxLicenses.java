package dev.plimsoll.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX license list, and a parser that turns a declared license into a valid SPDX license expression when it is
 * one. Packages declare licenses as their authors wrote them ("GPL-2+", "MIT", "GPL-2.0-or-later AND LGPL-2.1-only");
 * only those made entirely of listed identifiers may appear as SPDX ids or expressions, the rest are kept as names.
 *
 * <p>The list comes from cyclonedx-core-java's jar, which ships the SPDX list it validates against
 * ({@code licenses/licenses.json}: licenses; {@code spdx.schema.json}: licenses and exceptions). Using its copy keeps
 * Plimsoll's SBOMs valid against the CycloneDX schema, whose license-id enum is that same list; these two files are
 * why the library stays a runtime dependency although no reporter uses its classes.
 */
final class SpdxLicenses {
    private static final String LICENSES = "licenses/licenses.json";
    private static final String IDS_AND_EXCEPTIONS = "spdx.schema.json";

    /** A valid SPDX expression with identifiers in their canonical case. */
    record Expression(String text, boolean singleId) {
    }

    private final String listVersion;
    private final Map<String, String> licenses;
    private final Map<String, String> exceptions;

    private SpdxLicenses(String listVersion, Map<String, String> licenses, Map<String, String> exceptions) {
        this.listVersion = listVersion;
        this.licenses = Map.copyOf(licenses);
        this.exceptions = Map.copyOf(exceptions);
    }

    /** The list bundled with cyclonedx-core-java, read once per JVM; the result is immutable. */
    static SpdxLicenses bundled() {
        return Holder.INSTANCE;
    }

    /** The version of the list, "MAJOR.MINOR" as SPDX creationInfo.licenseListVersion wants it. */
    String listVersion() {
        return listVersion;
    }

    /** Listed license ids by their lower-case form, as the parser matches them. */
    Map<String, String> licenseIds() {
        return licenses;
    }

    /** Listed exception ids (those that may follow WITH) by their lower-case form. */
    Map<String, String> exceptionIds() {
        return exceptions;
    }

    boolean isLicenseId(String id) {
        return licenses.containsKey(id.toLowerCase(Locale.ROOT));
    }

    /**
     * The declared license as a valid SPDX expression, or empty when it is not one: an unknown identifier, an
     * exception outside WITH, a lower-case operator ("GPL-2 or later"), unbalanced parentheses. LicenseRef- tokens
     * count as unknown, since this document would have to define them.
     */
    Optional<Expression> parse(String declared) {
        List<String> tokens = tokenize(declared);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Parser parser = new Parser(tokens);
        if (!parser.expression() || parser.pos != tokens.size()) {
            return Optional.empty();
        }
        boolean single = parser.out.size() == 1 && !parser.out.get(0).endsWith("+");
        return Optional.of(new Expression(join(parser.out), single));
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        String previous = "(";
        for (String t : tokens) {
            if (!previous.equals("(") && !t.equals(")")) {
                sb.append(' ');
            }
            sb.append(t);
            previous = t;
        }
        return sb.toString();
    }

    /**
     * Recursive descent over Annex D of SPDX 2.3: or-expr = and-expr *("OR" and-expr); and-expr = term *("AND"
     * term); term = "(" or-expr ")" / simple ["WITH" exception]; simple = license-id ["+"]. Operators are upper case
     * (D.2: matched case-sensitively); identifiers are matched case-insensitively and written in canonical case.
     */
    private final class Parser {
        private final List<String> tokens;
        private final List<String> out = new ArrayList<>();
        private int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean expression() {
            if (!and()) {
                return false;
            }
            while (accept("OR")) {
                if (!and()) {
                    return false;
                }
            }
            return true;
        }

        private boolean and() {
            if (!term()) {
                return false;
            }
            while (accept("AND")) {
                if (!term()) {
                    return false;
                }
            }
            return true;
        }

        private boolean term() {
            if (accept("(")) {
                return expression() && accept(")");
            }
            if (pos >= tokens.size()) {
                return false;
            }
            String token = tokens.get(pos);
            boolean plus = token.endsWith("+") && token.length() > 1;
            String canonical = licenses.get((plus ? token.substring(0, token.length() - 1) : token)
                    .toLowerCase(Locale.ROOT));
            if (canonical == null) {
                return false;
            }
            pos++;
            out.add(plus ? canonical + "+" : canonical);
            if (accept("WITH")) {
                if (pos >= tokens.size()) {
                    return false;
                }
                String exception = exceptions.get(tokens.get(pos).toLowerCase(Locale.ROOT));
                if (exception == null) {
                    return false;
                }
                pos++;
                out.add(exception);
            }
            return true;
        }

        private boolean accept(String symbol) {
            if (pos < tokens.size() && tokens.get(pos).equals(symbol)) {
                out.add(symbol);
                pos++;
                return true;
            }
            return false;
        }
    }

    /** Loaded on first use: most reports (table, json) never need the list. */
    private static final class Holder {
        static final SpdxLicenses INSTANCE = load();
    }

    /**
     * Finds the few values it keeps with {@link String#indexOf} rather than a JSON parser: the license list is over
     * 300 KB, and in a fresh JVM, as every CLI run is, tokenising all of it takes twice as long as these searches
     * (building it as a tree took ten times as long), a real share of an SBOM's budget. Only the files' fixed shape
     * is read: the string values of "licenseListVersion" and "licenseId", and the "enum" array of plain strings.
     * Anything else fails loudly, and SpdxLicensesTest checks the result against a full parse, so a library upgrade
     * that reshapes the files cannot go unnoticed.
     */
    private static SpdxLicenses load() {
        String list = resource(LICENSES);
        Map<String, String> licenses = new HashMap<>();
        for (String id : stringValues(list, LICENSES, "licenseId", Integer.MAX_VALUE)) {
            licenses.put(id.toLowerCase(Locale.ROOT), id);
        }
        // The version is the list's first member: stop there rather than search the rest of the file for more.
        List<String> versions = stringValues(list, LICENSES, "licenseListVersion", 1);
        String version = versions.isEmpty() ? "" : versions.get(0);
        Map<String, String> exceptions = new HashMap<>();
        for (String id : enumValues(resource(IDS_AND_EXCEPTIONS))) {
            String key = id.toLowerCase(Locale.ROOT);
            if (!licenses.containsKey(key)) {
                exceptions.put(key, id);
            }
        }
        if (licenses.isEmpty() || exceptions.isEmpty()) {
            throw new IllegalStateException("the SPDX license list bundled with cyclonedx-core-java is missing");
        }
        String[] parts = version.split("\\.");
        String majorMinor = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        return new SpdxLicenses(majorMinor, licenses, exceptions);
    }

    /** The string values of the first {@code limit} members named {@code key}, in document order. */
    private static List<String> stringValues(String json, String resource, String key, int limit) {
        String quotedKey = '"' + key + '"';
        List<String> values = new ArrayList<>();
        for (int at = json.indexOf(quotedKey); at >= 0 && values.size() < limit; at = json.indexOf(quotedKey, at + 1)) {
            int value = memberValue(json, at, quotedKey);
            if (value >= 0) {
                values.add(string(json, resource, value));
            }
        }
        return values;
    }

    /** The plain strings of the first member named "enum", which must be an array of them. */
    private static List<String> enumValues(String json) {
        String quotedKey = "\"enum\"";
        int open = -1;
        for (int at = json.indexOf(quotedKey); at >= 0 && open < 0; at = json.indexOf(quotedKey, at + 1)) {
            open = memberValue(json, at, quotedKey);
        }
        if (open < 0 || json.charAt(open) != '[') {
            throw new IllegalStateException(IDS_AND_EXCEPTIONS + " has no \"enum\" array");
        }
        List<String> values = new ArrayList<>();
        int i = skipWhitespace(json, open + 1);
        if (i < json.length() && json.charAt(i) == ']') {
            return values;
        }
        while (true) {
            String value = string(json, IDS_AND_EXCEPTIONS, i);
            values.add(value);
            i = skipWhitespace(json, i + value.length() + 2);
            char next = i < json.length() ? json.charAt(i) : 0;
            if (next == ']') {
                return values;
            }
            if (next != ',') {
                throw new IllegalStateException(IDS_AND_EXCEPTIONS + ": expected ',' or ']' at offset " + i);
            }
            i = skipWhitespace(json, i + 1);
        }
    }

    /**
     * Where the value of the member whose quoted name starts at {@code at} begins, or -1 when the text found there
     * is not followed by ':' and so was a value rather than a member name.
     */
    private static int memberValue(String json, int at, String quotedKey) {
        int colon = skipWhitespace(json, at + quotedKey.length());
        if (colon >= json.length() || json.charAt(colon) != ':') {
            return -1;
        }
        return skipWhitespace(json, colon + 1);
    }

    /** The string literal opening at {@code open}: printable ASCII without escapes, as SPDX ids are. */
    private static String string(String json, String resource, int open) {
        int close = open < json.length() && json.charAt(open) == '"' ? json.indexOf('"', open + 1) : -1;
        if (close < 0) {
            throw new IllegalStateException(resource + ": expected a string at offset " + open);
        }
        String value = json.substring(open + 1, close);
        for (int i = 0; i < value.length(); i++) {
            // SPDX ids are ASCII; an escape or a non-ASCII byte means the file is not what this reader expects.
            if (value.charAt(i) == '\\' || value.charAt(i) > 0x7e) {
                throw new IllegalStateException(resource + ": unexpected text in \"" + value + "\"");
            }
        }
        return value;
    }

    private static int skipWhitespace(String json, int from) {
        int i = from;
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == '\n' || json.charAt(i) == '\r'
                || json.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String resource(String name) {
        // The files sit in cyclonedx-core-java's jar, on this class's class path (the CLI's single jar, or Maven's).
        try (InputStream in = SpdxLicenses.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " not found beside cyclonedx-core-java");
            }
            // Latin-1 maps each byte to one char, which Java does with a plain copy; UTF-8 would decode the many
            // non-ASCII license names char by char. Only ASCII is searched for and kept (see string), and no byte
            // of a multi-byte UTF-8 sequence is ASCII, so the search finds the same text either way.
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}

package dev.plimsoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.Bom;

/**
 * The SPDX license list, and a parser that turns a declared license into a valid SPDX license expression when it is
 * one. Packages declare licenses as their authors wrote them ("GPL-2+", "MIT", "GPL-2.0-or-later AND LGPL-2.1-only");
 * only those made entirely of listed identifiers may appear as SPDX ids or expressions, the rest are kept as names.
 *
 * <p>The list comes from cyclonedx-core-java, which this module already needs and which ships the SPDX list it
 * validates against ({@code licenses/licenses.json}: licenses; {@code spdx.schema.json}: licenses and exceptions).
 * Using its copy keeps Plimsoll's SBOMs valid against the CycloneDX schema, whose license-id enum is that same list.
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
        static final SpdxLicenses INSTANCE = load(ReportJson.newMapper());
    }

    private static SpdxLicenses load(JsonMapper mapper) {
        JsonNode licenseList = read(mapper, LICENSES);
        Map<String, String> licenses = new HashMap<>();
        for (JsonNode l : licenseList.path("licenses")) {
            String id = l.path("licenseId").asText();
            licenses.put(id.toLowerCase(Locale.ROOT), id);
        }
        Map<String, String> exceptions = new HashMap<>();
        for (JsonNode id : read(mapper, IDS_AND_EXCEPTIONS).path("enum")) {
            String key = id.asText().toLowerCase(Locale.ROOT);
            if (!licenses.containsKey(key)) {
                exceptions.put(key, id.asText());
            }
        }
        if (licenses.isEmpty() || exceptions.isEmpty()) {
            throw new IllegalStateException("the SPDX license list bundled with cyclonedx-core-java is missing");
        }
        String version = licenseList.path("licenseListVersion").asText();
        String[] parts = version.split("\\.");
        String majorMinor = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        return new SpdxLicenses(majorMinor, licenses, exceptions);
    }

    private static JsonNode read(JsonMapper mapper, String resource) {
        try (InputStream in = Bom.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " not found beside cyclonedx-core-java");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

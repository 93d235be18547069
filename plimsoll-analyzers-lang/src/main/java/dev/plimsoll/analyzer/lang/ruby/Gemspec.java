package dev.plimsoll.analyzer.lang.ruby;

import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An installed gem's specification, {@code specifications/NAME-VERSION[-PLATFORM].gemspec}. RubyGems writes it as
 * Ruby source ({@code Gem::Specification#to_ruby}); it is never evaluated here. Only the assignments RubyGems
 * writes on lines of their own are read, with string literals only:
 *
 * <pre>
 * Gem::Specification.new do |s|
 *   s.name = "nokogiri".freeze          (RubyGems 1.x: s.name = %q{nokogiri})
 *   s.version = "1.13.10"
 *   s.platform = "x86_64-linux".freeze
 *   s.licenses = ["MIT".freeze]
 * </pre>
 *
 * A value in any other form (an expression, interpolation, escapes) is not read: for the name and version that makes
 * the file a parse error, for licenses an empty list.
 *
 * @param platform empty for pure-Ruby gems ("ruby")
 */
record Gemspec(String name, String version, Optional<String> platform, List<String> licenses) {

    /** A plain Ruby string literal: "..." without escapes or interpolation, or %q{...}; .freeze optional. */
    private static final String STRING = "(?:\"([^\"\\\\#]*)\"|%q\\{([^{}\\\\]*)\\})(?:\\.freeze)?";
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "\\s*s\\.(name|version|platform|licenses|license)\\s*=(.*)");
    private static final Pattern ONE_STRING = Pattern.compile(STRING);
    private static final Pattern STRING_LIST = Pattern.compile("\\[\\s*(?:" + STRING + "(?:\\s*,\\s*" + STRING
            + ")*)?\\s*]");
    private static final Pattern LIST_ITEM = Pattern.compile(STRING);
    /** RubyGems' name rule. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Gem::Version's form. */
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9A-Za-z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern PLATFORM = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String SPEC_BLOCK = "Gem::Specification.new do |s|";

    static Gemspec parse(String text) throws FormatException {
        if (!text.contains(SPEC_BLOCK)) {
            throw new FormatException("no \"" + SPEC_BLOCK + "\": not a specification written by RubyGems", 0);
        }
        String name = null;
        String version = null;
        String platform = null;
        List<String> licenses = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ASSIGNMENT.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2).strip();
            int number = i + 1;
            switch (m.group(1)) {
                case "name" -> name = name != null ? name : checked(value, NAME, "name", number);
                case "version" -> version = version != null ? version : checked(value, VERSION, "version", number);
                case "platform" -> platform = platform != null ? platform
                        : checked(value, PLATFORM, "platform", number);
                case "licenses", "license" -> licenses = licenses != null ? licenses : licenses(value);
            }
        }
        if (name == null || version == null) {
            throw new FormatException("no s." + (name == null ? "name" : "version")
                    + " line: not a specification written by RubyGems", 0);
        }
        return new Gemspec(name, version, Optional.ofNullable(platform).filter(p -> !p.equals("ruby")),
                licenses == null ? List.of() : licenses);
    }

    private static String checked(String value, Pattern form, String field, int line) throws FormatException {
        Matcher m = ONE_STRING.matcher(value);
        String literal = m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        if (literal == null || !form.matcher(literal).matches()) {
            throw new FormatException("s." + field + " is not a plain " + field + ": "
                    + UntrustedText.excerpt(value), line);
        }
        return literal;
    }

    /** ["MIT".freeze, "Ruby".freeze] or a single string; anything else gives no licenses. */
    private static List<String> licenses(String value) {
        if (!ONE_STRING.matcher(value).matches() && !STRING_LIST.matcher(value).matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher item = LIST_ITEM.matcher(value);
        while (item.find()) {
            String license = (item.group(1) != null ? item.group(1) : item.group(2)).strip();
            if (!license.isEmpty() && !out.contains(license)) {
                out.add(license);
            }
        }
        return List.copyOf(out);
    }
}

package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The main section of a JAR manifest (META-INF/MANIFEST.MF, JAR File Specification): "Name: value" lines, a line
 * starting with one space continuing the previous value (lines are wrapped at 72 bytes, mid-word, so the pieces join
 * without a space), the main section ending at the first empty line. Names are case-insensitive.
 */
record JarManifest(Map<String, String> attributes) {

    static JarManifest parse(byte[] bytes) {
        String text = UntrustedText.decode(bytes);
        Map<String, String> attributes = new HashMap<>();
        String name = null;
        StringBuilder value = null;
        int pos = 0;
        while (pos < text.length()) {
            int end = pos;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            pos = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ') {
                if (value != null) {
                    value.append(line, 1, line.length());
                }
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                colon = line.endsWith(":") ? line.length() - 1 : -1;
                if (colon <= 0) {
                    continue; // not an attribute; the JDK would refuse the manifest, a scanner reads on
                }
            }
            if (name != null) {
                attributes.putIfAbsent(name, value.toString().strip());
            }
            name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(Math.min(line.length(), colon + 2)));
        }
        if (name != null) {
            attributes.putIfAbsent(name, value.toString().strip());
        }
        return new JarManifest(Map.copyOf(attributes));
    }

    static JarManifest empty() {
        return new JarManifest(Map.of());
    }

    Optional<String> get(String attribute) {
        return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT))).filter(v -> !v.isEmpty());
    }

    /**
     * The licences of the OSGi {@code Bundle-License} header, each as written: "Apache-2.0",
     * "https://www.apache.org/licenses/LICENSE-2.0.txt". The header is a comma-separated list of names, each with
     * optional ";description=..." or ";link=..." attributes (quoted values may hold commas); "&lt;&lt;EXTERNAL&gt;&gt;"
     * means the licence is stated elsewhere. A value whose pieces hold spaces is prose that happens to contain a
     * comma ("Apache License, Version 2.0") and is one licence.
     */
    List<String> licenses() {
        Optional<String> header = get("Bundle-License");
        if (header.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header.get(), ',')) {
            names.add(unquote(splitOutsideQuotes(clause, ';').get(0).strip()));
        }
        if (names.stream().anyMatch(n -> n.chars().anyMatch(Character::isWhitespace))) {
            names = List.of(unquote(splitOutsideQuotes(header.get(), ';').get(0).strip()));
        }
        return names.stream().filter(n -> !n.isEmpty() && !n.equals("<<EXTERNAL>>")).distinct().toList();
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String unquote(String s) {
        boolean quoted = s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"");
        return quoted ? s.substring(1, s.length() - 1).strip() : s;
    }

    /** An OSGi header's first clause without its parameters: "org.foo.bar;singleton:=true" gives "org.foo.bar". */
    Optional<String> clause(String attribute) {
        return get(attribute).map(v -> {
            int semicolon = v.indexOf(';');
            return (semicolon < 0 ? v : v.substring(0, semicolon)).strip();
        }).filter(v -> !v.isEmpty());
    }
}

package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.core.analysis.UntrustedText;
import java.util.HashMap;
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

    /** An OSGi header's first clause without its parameters: "org.foo.bar;singleton:=true" gives "org.foo.bar". */
    Optional<String> clause(String attribute) {
        return get(attribute).map(v -> {
            int semicolon = v.indexOf(';');
            return (semicolon < 0 ? v : v.substring(0, semicolon)).strip();
        }).filter(v -> !v.isEmpty());
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --mount=type=cache,target=/root/.cache,sharing=locked}: CSV fields (double quotes protect commas). */
final class MountParser {
    private MountParser() {
    }

    static List<Mount> mounts(Flags flags) {
        return flags.all("mount").stream().map(flag -> new Mount(fields(flag.valueOrEmpty()), flag)).toList();
    }

    private static Map<String, String> fields(String csv) {
        Map<String, String> options = new LinkedHashMap<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= csv.length(); i++) {
            char c = i < csv.length() ? csv.charAt(i) : ',';
            if (c == '"') {
                if (quoted && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && (!quoted || i == csv.length())) {
                add(options, field.toString());
                field.setLength(0);
                quoted = false;
            } else {
                field.append(c);
            }
        }
        return options;
    }

    private static void add(Map<String, String> options, String field) {
        String trimmed = field.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        int equals = trimmed.indexOf('=');
        String key = (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        options.put(key, equals < 0 ? "" : trimmed.substring(equals + 1));
    }
}

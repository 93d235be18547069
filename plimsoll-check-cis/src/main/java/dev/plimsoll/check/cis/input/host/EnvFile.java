package dev.plimsoll.check.cis.input.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of {@code NAME=value} assignments as systemd's EnvironmentFile= and the init scripts that source
 * /etc/default/docker and /etc/sysconfig/docker read them: comments, an optional {@code export}, quotes stripped.
 * Read as data: nothing in it is executed.
 */
public final class EnvFile {
    private EnvFile() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : SystemdUnits.logicalLines(text)) {
            String l = line.startsWith("export ") ? line.substring(7).strip() : line;
            int eq = l.indexOf('=');
            if (eq <= 0 || !l.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            List<String> words = ExecWords.split(l.substring(eq + 1).strip());
            out.put(l.substring(0, eq).strip(), String.join(" ", words.isEmpty() ? List.of("") : words));
        }
        return out;
    }
}

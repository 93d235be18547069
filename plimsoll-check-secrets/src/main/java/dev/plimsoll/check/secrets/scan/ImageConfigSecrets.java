package dev.plimsoll.check.secrets.scan;

import dev.plimsoll.check.secrets.SecretFindings;
import dev.plimsoll.check.secrets.SecretMatch;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.HistoryEntry;
import dev.plimsoll.core.image.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets in an image's configuration, where {@code docker inspect} and every registry show them to anyone who can
 * pull: the {@code Env} entries ({@code ENV} lines and {@code --build-arg}s promoted to it), the labels, and each
 * history entry's {@code created_by} (BuildKit records {@code ARG} values there as {@code RUN |2 NAME=value ...}, and
 * {@code ENV} lines in full). Each finding is located at the entry, "image config: Env[3] API_TOKEN",
 * "image config: Labels[org.example.token]", "image config: history[5]", not at a line of some JSON rendering.
 */
public final class ImageConfigSecrets {
    private ImageConfigSecrets() {
    }

    public static List<SecretFinding> scan(SecretScanner scanner, Target target, ImageConfig config) {
        List<SecretFinding> out = new ArrayList<>();
        List<String> env = config.env();
        for (int i = 0; i < env.size(); i++) {
            String entry = env.get(i);
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq);
            add(out, scanner, target, "image config: Env[" + i + "] " + name, "Env", entry);
        }
        for (Map.Entry<String, String> label : new TreeMap<>(config.labels()).entrySet()) {
            add(out, scanner, target, "image config: Labels[" + label.getKey() + "]", "Labels",
                    label.getKey() + "=" + label.getValue());
        }
        List<HistoryEntry> history = config.history();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).createdBy().isPresent()) {
                add(out, scanner, target, "image config: history[" + i + "]", "history",
                        history.get(i).createdBy().get());
            }
        }
        return out;
    }

    private static void add(List<SecretFinding> out, SecretScanner scanner, Target target, String where,
                            String source, String text) {
        for (SecretMatch m : scanner.scanText("image config " + source, text)) {
            out.add(SecretFindings.toFinding(m, target, where));
        }
    }
}

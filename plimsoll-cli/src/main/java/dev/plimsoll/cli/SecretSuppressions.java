package dev.plimsoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.policy.Baseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accepted secrets of other tools, as a {@link Baseline} of the findings they name: detect-secrets'
 * {@code .secrets.baseline} (JSON: {@code results} by file, each entry with {@code line_number}; its
 * {@code hashed_secret} is a plain SHA-1 of the secret, which Plimsoll never computes, so entries match by file and
 * line) and gitleaks' {@code .gitleaksignore} (one fingerprint a line, {@code commit:file:rule:line} for history
 * scans, {@code file:rule:line} for directories; the rule is not compared, since the two catalogues name rules
 * differently). The entries are matched once, against this scan's findings, and the result is an ordinary
 * fingerprint baseline: write it with {@code --write-baseline} and later line moves no longer matter.
 */
final class SecretSuppressions {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    /** One imported entry: a file, a 1-based line, and for history scans the commit. */
    record Entry(String path, int line, Optional<String> commit) {
        boolean matches(Finding f) {
            if (!(f instanceof SecretFinding s)) {
                return false;
            }
            String p = s.where().path();
            boolean samePath = p.equals(path) || p.equals("/" + path);
            if (!samePath || s.where().line().orElse(-1) != line) {
                return false;
            }
            return commit.isEmpty() || s.commit().isEmpty() || s.commit().get().id().startsWith(commit.get());
        }
    }

    private SecretSuppressions() {
    }

    /** Whether the file is a Plimsoll baseline (else one of the imported formats). */
    static boolean isPlimsollBaseline(Path file) throws IOException {
        String head = new String(readHead(file), StandardCharsets.UTF_8);
        return head.contains("\"plimsollBaseline\"");
    }

    private static byte[] readHead(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    static List<Entry> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file + ": no such baseline file");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("{")) {
                return detectSecrets(file, new ObjectMapper().readTree(text));
            }
            return gitleaksIgnore(file, text);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Entry> detectSecrets(Path file, JsonNode root) {
        JsonNode results = root.path("results");
        if (!results.isObject()) {
            throw new ConfigException(file + ": neither a Plimsoll baseline nor a detect-secrets baseline (no"
                    + " \"results\" object)");
        }
        List<Entry> out = new ArrayList<>();
        results.properties().forEach(e -> {
            for (JsonNode r : e.getValue()) {
                String name = r.path("filename").asText(e.getKey());
                int line = r.path("line_number").asInt(-1);
                if (line > 0) {
                    out.add(new Entry(name, line, Optional.empty()));
                }
            }
        });
        return out;
    }

    private static List<Entry> gitleaksIgnore(Path file, String text) {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\r?\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int last = line.lastIndexOf(':');
            int rule = last < 0 ? -1 : line.lastIndexOf(':', last - 1);
            if (rule <= 0) {
                throw new ConfigException(file + ":" + n + ": not a gitleaks fingerprint (file:rule:line or"
                        + " commit:file:rule:line)");
            }
            int lineNo;
            try {
                lineNo = Integer.parseInt(line.substring(last + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException(file + ":" + n + ": the line number of the fingerprint is not a number");
            }
            String rest = line.substring(0, rule);
            int colon = rest.indexOf(':');
            Optional<String> commit = Optional.empty();
            if (colon > 0 && COMMIT.matcher(rest.substring(0, colon)).matches()) {
                commit = Optional.of(rest.substring(0, colon));
                rest = rest.substring(colon + 1);
            }
            out.add(new Entry(rest, lineNo, commit));
        }
        return out;
    }

    /** The fingerprints of the findings the entries name. */
    static Baseline toBaseline(List<Entry> entries, List<Finding> findings, String origin) {
        Set<String> fingerprints = new HashSet<>();
        for (Finding f : findings) {
            if (entries.stream().anyMatch(e -> e.matches(f))) {
                fingerprints.add(f.fingerprint().value());
            }
        }
        return new Baseline(fingerprints, origin);
    }
}

package dev.plimsoll.policy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The findings a team accepted as they stood on a day, by fingerprint, so that later runs report only what is new.
 * Fingerprints identify a finding by rule, target, package or file and content, never by line number alone or a raw
 * secret (see {@link dev.plimsoll.core.finding.Fingerprint}), so moved lines and rebuilt images keep their entries.
 * The file is JSON: {@code {"plimsollBaseline": 1, "created": ..., "findings": [{"fingerprint", "id", "target",
 * "where"}...]}}; the ids and places are for people reading a diff of it, only fingerprints count. Secrets add their
 * masked form ("secret") and, from git history, the commit; {@code plimsoll secrets audit} adds a "verdict"
 * (true-positive or false-positive). Readers ignore what they do not know.
 *
 * @param fingerprints the accepted findings' fingerprints
 * @param origin       the file, for messages
 */
public record Baseline(Set<String> fingerprints, String origin) {
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build();

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
        Objects.requireNonNull(origin);
    }

    public static Baseline read(Path path) {
        String name = path.toString();
        try {
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(name + ": no such baseline file (write one with 'plimsoll baseline create')");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(name + ": larger than " + MAX_BYTES + " bytes; not a baseline");
            }
            JsonNode root;
            try (InputStream in = Files.newInputStream(path)) {
                root = new ObjectMapper(JSON).readTree(in);
            }
            if (root == null || root.path("plimsollBaseline").asInt() != 1 || !root.path("findings").isArray()) {
                throw new ConfigException(name + ": not a Plimsoll baseline (version 1)");
            }
            Set<String> fingerprints = new TreeSet<>();
            int i = 0;
            for (JsonNode f : root.path("findings")) {
                String fp = f.path("fingerprint").asText("");
                if (!fp.matches("[0-9a-f]{64}")) {
                    throw new ConfigException(name + ": findings[" + i + "]: not a fingerprint: '" + fp + "'");
                }
                fingerprints.add(fp);
                i++;
            }
            return new Baseline(fingerprints, name);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw Errors.at(name, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes the baseline of {@code findings}: sorted and one finding a line, so that diffs of it read well. */
    public static void write(List<Finding> findings, Instant created, OutputStream out) throws IOException {
        TreeMap<String, Finding> byFingerprint = new TreeMap<>();
        findings.forEach(f -> byFingerprint.putIfAbsent(f.fingerprint().value(), f));
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeRaw("{\n  \"plimsollBaseline\": 1,\n  \"created\": \"" + created + "\",\n  \"findings\": [");
            boolean first = true;
            for (Finding f : byFingerprint.values()) {
                g.writeRaw(first ? "\n    " : ",\n    ");
                first = false;
                try (JsonGenerator one = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
                    g.flush();
                    one.writeStartObject();
                    one.writeStringField("fingerprint", f.fingerprint().value());
                    one.writeStringField("id", f.ruleId().value());
                    one.writeStringField("target", f.target().name());
                    one.writeStringField("where", where(f));
                    if (f instanceof dev.plimsoll.core.finding.SecretFinding s) {
                        // the masked form only, for the person auditing the baseline ('plimsoll secrets audit')
                        one.writeStringField("secret", s.maskedMatch());
                        if (s.commit().isPresent()) {
                            one.writeStringField("commit", s.commit().get().id());
                        }
                    }
                    one.writeEndObject();
                }
            }
            g.writeRaw(first ? "]\n}\n" : "\n  ]\n}\n");
        }
    }

    private static String where(Finding f) {
        return switch (f) {
            case dev.plimsoll.core.finding.VulnerabilityFinding v -> v.pkg().name() + " " + v.pkg().version();
            case dev.plimsoll.core.finding.SecretFinding s -> s.where().path()
                    + (s.where().line().isPresent() ? ":" + s.where().line().getAsInt() : "");
            default -> f.location().map(l -> l.path()).orElse("");
        };
    }

    /** Lets a nested generator write into the shared stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    Path write(List<Finding> findings) throws IOException {
        Path file = dir.resolve("baseline.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            Baseline.write(findings, Instant.parse("2026-11-23T10:00:00Z"), out);
        }
        return file;
    }

    @Test
    void onlyNewFindingsRemainAndMovedOnesStaySuppressed() throws IOException {
        Path file = write(List.of(Findings.log4shell(), Findings.rootUser(3)));
        Baseline baseline = Baseline.read(file);
        Policy failOnHigh = Policy.DEFAULT.withThreshold(Severity.HIGH);

        // Later: the Dockerfile line moved, lodash is new.
        PolicyResult r = new PolicyEvaluator(failOnHigh, Optional.of(baseline)).apply(
                List.of(Findings.log4shell(), Findings.rootUser(17), Findings.lodash()), v -> false,
                PolicyEvaluatorTest.TODAY);

        assertThat(r.reported()).singleElement().satisfies(f -> assertThat(f.ruleId().value())
                .isEqualTo("CVE-2021-23337"));
        assertThat(r.failed()).isTrue();
        assertThat(r.count(PolicyResult.Suppressed.Why.BASELINE)).isEqualTo(2);
    }

    @Test
    void theFileIsSortedReadableJsonWithoutDuplicates() throws IOException {
        Path file = write(List.of(Findings.lodash(), Findings.log4shell(), Findings.lodash()));
        String text = Files.readString(file);

        assertThat(text).startsWith("{\n  \"plimsollBaseline\": 1,\n  \"created\": \"2026-11-23T10:00:00Z\"");
        assertThat(text.lines().filter(l -> l.contains("\"fingerprint\""))).hasSize(2);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("findings")).hasSize(2);
        assertThat(Baseline.read(file).fingerprints()).containsExactlyInAnyOrder(
                Findings.lodash().fingerprint().value(), Findings.log4shell().fingerprint().value());
        assertThat(Files.readString(write(List.of()))).contains("\"findings\": []");
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"plimsollBaseline\": 1, \"findings\": [{\"fingerprint\": \"abc\"}]}");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("b.json: findings[0]: not a fingerprint");
        Files.writeString(file, "{\"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("not a Plimsoll baseline");
        Files.writeString(file, "{\n  \"plimsollBaseline\": 1,\n  \"findings\": [\n");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("b.json:");
        assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json"))).hasMessageContaining("no such baseline");
    }
}

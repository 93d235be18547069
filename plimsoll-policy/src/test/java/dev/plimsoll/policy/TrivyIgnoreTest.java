package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two forms Trivy documents (docs: "Filtering" → .trivyignore and .trivyignore.yaml). */
class TrivyIgnoreTest {
    @TempDir
    Path dir;

    @Test
    void plainFormWithCommentsAsReasonsAndExpiry() throws IOException {
        Path f = dir.resolve(".trivyignore");
        Files.writeString(f, """
                # Accept the risk
                CVE-2018-14618

                # Accept the risk until 2023-01-01
                CVE-2019-14697 exp:2023-01-01

                # No impact in our settings
                CVE-2019-1543
                AVD-DS-0002
                """);

        List<IgnoreEntry> entries = TrivyIgnore.read(f);

        assertThat(entries).extracting(e -> e.id().orElseThrow()).containsExactly("CVE-2018-14618",
                "CVE-2019-14697", "CVE-2019-1543", "AVD-DS-0002");
        assertThat(entries.get(0).reason()).isEqualTo("Accept the risk");
        assertThat(entries.get(1).expires()).contains(LocalDate.of(2023, 1, 1));
        assertThat(entries.get(2).reason()).isEqualTo("No impact in our settings");
        assertThat(entries.get(3).reason()).isEqualTo("listed in " + f);
        assertThat(entries.get(1).origin()).endsWith(".trivyignore:5");
    }

    @Test
    void plainFormRejectsWhatItCannotRead() throws IOException {
        Path f = dir.resolve(".trivyignore");
        Files.writeString(f, "CVE-1\nCVE-2 until:2023\n");
        assertThatThrownBy(() -> TrivyIgnore.read(f)).hasMessageContaining(".trivyignore:2: unexpected 'until:2023'");
        Files.writeString(f, "CVE-2 exp:soon\n");
        assertThatThrownBy(() -> TrivyIgnore.read(f)).hasMessageContaining(".trivyignore:1: 'soon' is not a date");
    }

    @Test
    void yamlFormWithPathsPurlsStatementsAndExpiry() throws IOException {
        Path f = dir.resolve(".trivyignore.yaml");
        Files.writeString(f, """
                vulnerabilities:
                  - id: CVE-2022-40897
                    paths:
                      - "usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA"
                    statement: Accept the risk
                  - id: CVE-2023-2650
                  - id: CVE-2023-3446
                    statement: Accept the risk
                    expired_at: 2023-09-01
                    purls:
                      - "pkg:npm/lodash@4.17.15"
                      - "pkg:maven/org.apache.logging.log4j/log4j-core"
                misconfigurations:
                  - id: AVD-DS-0001
                secrets:
                  - id: aws-access-key-id
                    paths: ["foo/bar/aws.secret"]
                """);

        List<IgnoreEntry> entries = TrivyIgnore.read(f);

        assertThat(entries).hasSize(6);
        assertThat(entries.get(0).path()).contains(
                "usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA");
        assertThat(entries.get(0).reason()).isEqualTo("Accept the risk");
        assertThat(entries.get(2).pkg()).contains(new PackageSelector("lodash", Optional.of(Ecosystem.NPM),
                Optional.of("=4.17.15")));
        assertThat(entries.get(3).pkg()).contains(new PackageSelector("org.apache.logging.log4j:log4j-core",
                Optional.of(Ecosystem.MAVEN), Optional.empty()));
        assertThat(entries.get(3).expires()).contains(LocalDate.of(2023, 9, 1));

        // A purl with a version selects that version only, compared by the ecosystem's scheme.
        assertThat(entries.get(2).pkg().orElseThrow().matches(Findings.lodash().pkg())).isTrue();
        assertThat(entries.get(2).pkg().orElseThrow().matches(Findings.vuln("CVE-x", Severity.LOW, "lodash",
                "4.17.21", Ecosystem.NPM, "/p", FixStatus.FIXED).pkg())).isFalse();
        // A relative path in the file matches the absolute paths findings carry.
        assertThat(entries.get(5).matches(Findings.vuln("aws-access-key-id", Severity.LOW, "x", "1",
                Ecosystem.NPM, "/foo/bar/aws.secret", FixStatus.FIXED))).isTrue();
    }

    @Test
    void yamlMistakesNameTheirLine() throws IOException {
        Path f = dir.resolve(".trivyignore.yaml");
        Files.writeString(f, "vulnerabilities:\n  - id: CVE-1\n    purls: [\"not a purl\"]\n");
        assertThatThrownBy(() -> TrivyIgnore.read(f)).hasMessageContaining(".trivyignore.yaml:3: not a package URL");
        Files.writeString(f, "vulns:\n  - id: CVE-1\n");
        assertThatThrownBy(() -> TrivyIgnore.read(f)).hasMessageContaining(".trivyignore.yaml:1: unknown section");
    }
}

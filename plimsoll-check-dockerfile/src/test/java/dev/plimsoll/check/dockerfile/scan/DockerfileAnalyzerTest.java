package dev.plimsoll.check.dockerfile.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileAnalyzerTest {
    @Test
    void lintsEveryDockerfileNameInAnyCaseAndRecordsWhatCannotBeParsed() {
        AnalyzerHarness.Run run = AnalyzerHarness.of(new DockerfileAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/app/Dockerfile", "FROM debian\n")
                .file("/app/.dockerignore", "node_modules\n")
                .file("/svc/containerfile.prod", "FROM debian:12\nMAINTAINER me\n")
                .file("/svc/API.DockerFile", "FROM alpine\n")
                .file("/svc/Dockerfile.dockerignore", "*\n")
                .file("/broken/Dockerfile", "FROM debian:12\nRUN <<EOF\nnever ends\n")
                .file("/docs/Dockerfile.md/readme", "FROM debian\n")
                .file("/notes.txt", "FROM debian\n")).runInEveryOrder();
        AnalyzerOutput out = run.output();

        // The tag and MAINTAINER rules stand for all: which files were linted is what this test is about.
        List<String> findings = out.findings().stream().map(DockerfileAnalyzerTest::describe)
                .filter(f -> f.startsWith("DL3006 ") || f.startsWith("DL4000 ")).toList();
        assertThat(findings).containsExactlyInAnyOrder("DL3006 /app/Dockerfile:1", "DL4000 /svc/containerfile.prod:2",
                "DL3006 /svc/API.DockerFile:1");
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.component()).isEqualTo("source/dockerfile");
            assertThat(p.path()).contains("/broken/Dockerfile");
            assertThat(p.message()).contains("cannot parse the Dockerfile: line");
        });
        assertThat(run.deliveredPaths()).doesNotContain("/notes.txt", "/docs/Dockerfile.md/readme");
    }

    private static String describe(Finding f) {
        Location l = f.location().orElseThrow();
        return f.ruleId().value() + " " + l.path() + ":" + l.line().getAsInt();
    }

    @Test
    void recognisesDockerfileNames() {
        assertThat(List.of("Dockerfile", "dockerfile", "Containerfile", "Dockerfile.dev", "CONTAINERFILE.x",
                "web.Dockerfile", "web.dockerfile")).allMatch(DockerfileAnalyzer::isDockerfileName);
        assertThat(List.of("Dockerfile.dockerignore", ".dockerignore", "Dockerfiles", "my-dockerfile", "README"))
                .noneMatch(DockerfileAnalyzer::isDockerfileName);
    }
}

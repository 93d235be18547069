package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plimsoll fs} lints the Dockerfiles of the tree in the same scan as its lockfiles. */
class FsDockerfilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun fs(String... args) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> all = new ArrayList<>(List.of("fs", "--db", CliRun.sampleDb().toString()));
        all.addAll(List.of(args));
        return CliRun.in(new Console.Host(new ByteArrayInputStream(new byte[0]), Map.of(), work,
                Files.createDirectories(dir.resolve("home")), "Linux"), all.toArray(String[]::new));
    }

    private Path tree() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("web"));
        Files.copy(Path.of(FsDockerfilesTest.class.getResource("/fs-project/web/package-lock.json").toURI()),
                tree.resolve("web/package-lock.json"));
        Files.writeString(tree.resolve("web/Dockerfile"), DockerfileCommandTest.BAD);
        Files.writeString(tree.resolve("web/.dockerignore"), "node_modules\n");
        Files.createDirectories(tree.resolve("api"));
        Files.writeString(tree.resolve("api/API.DockerFile"), DockerfileCommandTest.WARNING_ONLY);
        Files.writeString(tree.resolve("api/Dockerfile.dockerignore"), "*.md\n");
        Files.writeString(tree.resolve("api/notes.md"), "FROM debian\n");
        return tree;
    }

    private static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("id").asText() + " "
                + f.path("location").path("path").asText()
                + (f.path("location").has("line") ? ":" + f.path("location").path("line").asInt() : "")));
        return out;
    }

    @Test
    void lintsEveryDockerfileBesideThePackagesVulnerabilities() throws Exception {
        CliRun run = fs("-f", "json", tree().toString());
        JsonNode report = JSON.readTree(run.out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.path("target").path("kind").asText()).isEqualTo("FILESYSTEM");
        assertThat(findings(report)).contains("CVE-2021-23337 /web/package-lock.json:54", "DL3006 /web/Dockerfile:1",
                "DL4000 /web/Dockerfile:2", "DL3000 /web/Dockerfile:3", "DL3006 /api/API.DockerFile:1");
        assertThat(findings(report)).noneMatch(f -> f.contains("notes.md") || f.contains("dockerignore"));
        assertThat(report.path("complete").asBoolean()).isTrue();
    }

    @Test
    void aDockerfileThatCannotBeParsedIsAProblemAndStrictFailsOnIt() throws Exception {
        Path tree = tree();
        Files.writeString(tree.resolve("Containerfile"), "FROM debian:12\nRUN <<EOF\nnever ends\n");
        CliRun run = fs("-f", "json", tree.toString());
        JsonNode report = JSON.readTree(run.out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.path("complete").asBoolean(true)).isFalse();
        assertThat(report.toString()).contains("/Containerfile").contains("cannot parse the Dockerfile");
        assertThat(findings(report)).contains("DL4000 /web/Dockerfile:2");
        assertThat(fs("--strict", "-f", "json", tree.toString()).exitCode()).isEqualTo(ExitCode.INCOMPLETE);
    }

    @Test
    void thePolicyJudgesDockerfileFindingsAsAnyOther() throws Exception {
        Path tree = tree();
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                fail-on:
                  misconfiguration: HIGH
                rules:
                  DL4000: {enabled: false}
                  DL3000: {enabled: false}
                """);
        CliRun run = fs("-f", "json", "--policy", dir.resolve("policy.yaml").toString(), tree.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(findings(JSON.readTree(run.out()))).contains("DL3006 /web/Dockerfile:1")
                .noneMatch(f -> f.startsWith("DL4000") || f.startsWith("DL3000"));
        CliRun failing = fs("-f", "json", "--policy", dir.resolve("policy.yaml").toString().replace("policy.yaml",
                "none.yaml"), tree.toString());
        assertThat(failing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
    }

    @Test
    void rootFilesystemAndImageScansDoNotLintDockerfiles() throws Exception {
        Path tree = tree();
        CliRun rootfs = CliRun.withDb("rootfs", "-f", "json", tree.toString());
        assertThat(findings(JSON.readTree(rootfs.out()))).as(rootfs.err()).isNotEmpty()
                .noneMatch(f -> f.startsWith("DL"));
        assertThat(dev.plimsoll.engine.Builtins.standard().withoutSourceChecks().analyzers())
                .noneMatch(a -> a.id().group().equals("source"));
        assertThat(dev.plimsoll.engine.Builtins.standard().withoutOsPackages().analyzers())
                .anyMatch(a -> a.id().value().equals("source/dockerfile"));
    }
}

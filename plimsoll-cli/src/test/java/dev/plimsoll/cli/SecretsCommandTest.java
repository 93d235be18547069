package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.check.secrets.validate.Base62Crc32;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll secrets} on trees and on git histories built here with JGit, secrets in images (a file deleted by
 * a later layer, ENV, a build argument in history), baselines (native, imported, audited), and the promise that no
 * output holds a secret in clear. Every token is generated at test time (format-valid, CRC-valid GitHub tokens);
 * none is stored in the repository.
 */
class SecretsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Random random = new Random(20261123L);

    @TempDir
    Path dir;

    /** A GitHub classic token: ghp_, 30 random base62 characters, and their CRC32 in 6 base62 characters. */
    private String githubToken() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return "ghp_" + sb + Base62Crc32.checksum(sb.toString());
    }

    private String npmToken() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return "npm_" + sb + Base62Crc32.checksum(sb.toString());
    }

    private static List<JsonNode> secrets(CliRun run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            if (f.path("kind").asText().equals("SECRET")) {
                out.add(f);
            }
        }
        return out;
    }

    private static RevCommit commit(Git git, String message, int day) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Ann Dev", "ann@example.com",
                java.time.Instant.parse("2025-03-0" + day + "T10:00:00Z"), java.time.ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void treeScanFindsSecretsAndFailsByDefault() throws IOException {
        String token = githubToken();
        Files.writeString(dir.resolve(".env"), "DEBUG=1\nGITHUB_TOKEN=" + token + "\n");
        Files.writeString(dir.resolve("README.md"), "nothing to see\n");
        CliRun run = CliRun.of("secrets", "-f", "json", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(secrets(run)).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo("github-pat");
            assertThat(f.path("location").path("path").asText()).isEqualTo("/.env");
            assertThat(f.path("location").path("line").asInt()).isEqualTo(2);
            assertThat(f.path("location").path("column").asInt()).isEqualTo(14);
        });
        assertThat(CliRun.of("secrets", "--exit-code", "0", dir.toString()).exitCode()).isZero();
    }

    @Test
    void gitHistoryBaselineAndMoves() throws Exception {
        Path repo = dir.resolve("repo");
        String old = githubToken();
        String removed = githubToken();
        String fresh = githubToken();
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("config.py"), "import os\nTOKEN = \"" + old + "\"\n");
            RevCommit first = commit(git, "config", 1);
            Files.writeString(repo.resolve("deploy.sh"), "curl -H 'Authorization: token " + removed + "' x\n");
            RevCommit leak = commit(git, "deploy script", 2);
            Files.delete(repo.resolve("deploy.sh"));
            commit(git, "oops, remove the script", 3);

            CliRun all = CliRun.of("secrets", "--git", "-f", "json", repo.toString());
            assertThat(all.exitCode()).as(all.err()).isEqualTo(1);
            List<JsonNode> found = secrets(all);
            assertThat(found).extracting(f -> f.path("location").path("path").asText())
                    .containsExactlyInAnyOrder("/config.py", "/deploy.sh");
            JsonNode gone = found.stream().filter(f -> f.path("location").path("path").asText()
                    .equals("/deploy.sh")).findFirst().orElseThrow();
            assertThat(gone.path("commit").path("id").asText()).isEqualTo(leak.name());
            assertThat(gone.path("commit").path("author").asText()).isEqualTo("Ann Dev <ann@example.com>");
            assertThat(gone.path("commit").path("date").asText()).isEqualTo("2025-03-02T10:00:00Z");
            assertThat(gone.path("location").path("line").asInt()).isEqualTo(1);

            CliRun since = CliRun.of("secrets", "--git", "--since", first.name(), "-f", "json", repo.toString());
            assertThat(secrets(since)).extracting(f -> f.path("location").path("path").asText())
                    .containsExactly("/deploy.sh");

            Path baseline = dir.resolve("secrets-baseline.json");
            CliRun write = CliRun.of("secrets", "--git", "--write-baseline", baseline.toString(), repo.toString());
            assertThat(write.exitCode()).as(write.err()).isZero();
            assertThat(Files.readString(baseline)).contains("\"secret\":\"ghp_").doesNotContain(old, removed);

            // the old secret moves three lines down: not new
            Files.writeString(repo.resolve("config.py"), "import os\nimport sys\n\n\nTOKEN = \"" + old + "\"\n");
            commit(git, "move", 4);
            CliRun moved = CliRun.of("secrets", "--git", "--baseline", baseline.toString(), repo.toString());
            assertThat(moved.exitCode()).as(moved.out() + moved.err()).isZero();
            // the same baseline serves a scan of the tree
            CliRun tree = CliRun.of("secrets", "--baseline", baseline.toString(), "--skip-dirs", ".git",
                    repo.toString());
            assertThat(tree.exitCode()).as(tree.out() + tree.err()).isZero();

            // a new secret fails the build, and only it is reported
            Files.writeString(repo.resolve("new.py"), "API = \"" + fresh + "\"\n");
            RevCommit added = commit(git, "new client", 5);
            CliRun gate = CliRun.of("secrets", "--git", "--baseline", baseline.toString(), "-f", "json",
                    repo.toString());
            assertThat(gate.exitCode()).as(gate.err()).isEqualTo(1);
            assertThat(secrets(gate)).singleElement().satisfies(f -> {
                assertThat(f.path("location").path("path").asText()).isEqualTo("/new.py");
                assertThat(f.path("commit").path("id").asText()).isEqualTo(added.name());
            });
            // and with a policy threshold instead of the default exit code
            Path policy = dir.resolve("plimsoll.yaml");
            Files.writeString(policy, "fail-on:\n  secret: LOW\n");
            CliRun withPolicy = CliRun.of("secrets", "--git", "--exit-code", "0", "--policy", policy.toString(),
                    "--baseline", baseline.toString(), repo.toString());
            assertThat(withPolicy.exitCode()).as(withPolicy.err()).isEqualTo(ExitCode.POLICY_FAILED);
        }
    }

    @Test
    void gitleaksIgnoreAndDetectSecretsBaselinesSuppress() throws Exception {
        String a = githubToken();
        String b = githubToken();
        Files.writeString(dir.resolve("a.py"), "X = 1\nTOKEN = \"" + a + "\"\n");
        Files.writeString(dir.resolve("b.py"), "TOKEN = \"" + b + "\"\n");
        Path gitleaks = dir.resolve(".gitleaksignore");
        Files.writeString(gitleaks, "# accepted\na.py:github-pat:2\n");
        CliRun one = CliRun.of("secrets", "-f", "json", "--baseline", gitleaks.toString(), dir.toString());
        assertThat(secrets(one)).extracting(f -> f.path("location").path("path").asText())
                .containsExactly("/b.py");
        Path detect = dir.resolve(".secrets.baseline");
        Files.writeString(detect, """
                {"version": "1.5.0", "plugins_used": [], "filters_used": [],
                 "results": {"a.py": [{"type": "GitHub Token", "filename": "a.py", "hashed_secret": "00",
                   "is_verified": false, "line_number": 2}],
                  "b.py": [{"type": "GitHub Token", "filename": "b.py", "hashed_secret": "00",
                   "is_verified": false, "line_number": 1}]},
                 "generated_at": "2025-01-01T00:00:00Z"}
                """);
        CliRun none = CliRun.of("secrets", "--baseline", detect.toString(), "--skip-files", "**/.gitleaksignore",
                dir.toString());
        assertThat(none.exitCode()).as(none.out() + none.err()).isZero();
        assertThat(none.err()).contains("2 entries imported");
    }

    @Test
    void auditStoresVerdicts() throws IOException {
        Files.writeString(dir.resolve("a.env"), "GITHUB_TOKEN=" + githubToken() + "\nNPM_TOKEN=" + npmToken() + "\n");
        Path baseline = dir.resolve("out").resolve("b.json");
        Files.createDirectories(baseline.getParent());
        assertThat(CliRun.of("secrets", "--write-baseline", baseline.toString(), dir.toString()).exitCode())
                .isZero();
        CliRun audit = CliRun.in(new Console.Host(new ByteArrayInputStream("y\nmaybe\nn\n".getBytes(
                StandardCharsets.UTF_8)), Map.of(), dir, dir, "Linux"), "secrets", "audit", baseline.toString());
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("[1/2]", "[2/2]", "a real secret?");
        JsonNode written = JSON.readTree(baseline.toFile());
        assertThat(written.path("findings")).extracting(f -> f.path("verdict").asText())
                .containsExactly("true-positive", "false-positive");
        dev.plimsoll.policy.Baseline.read(baseline); // still a baseline
        CliRun again = CliRun.in(new Console.Host(new ByteArrayInputStream(new byte[0]), Map.of(), dir, dir,
                "Linux"), "secrets", "audit", baseline.toString());
        assertThat(again.out()).doesNotContain("[1/2]");
        assertThat(again.err()).contains("1 true positive");
    }

    @Test
    void imageLayersEnvAndHistory() throws IOException {
        String deleted = githubToken();
        String env = npmToken();
        String arg = githubToken();
        Path image = dir.resolve("img.tar");
        ImageBuilder.image()
                .layer(TarBuilder.tar().dir("app").file("app/.env", "GITHUB_TOKEN=" + deleted + "\n").build(),
                        ImageBuilder.Compression.GZIP, "COPY .env /app/")
                .layer(TarBuilder.tar().whiteout("app/.env").file("app/run.sh", "echo hi\n").build(),
                        ImageBuilder.Compression.GZIP, "RUN rm /app/.env")
                .emptyLayerHistory("RUN |1 GH_TOKEN=" + arg + " /bin/sh -c ./fetch-deps")
                .env("PATH=/usr/bin", "NPM_TOKEN=" + env)
                .writeOciArchive(image, ImageBuilder.Compression.NONE);
        CliRun run = CliRun.image("-f", "json", image.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
        List<JsonNode> found = secrets(run);
        JsonNode layerSecret = found.stream().filter(f -> f.path("location").path("path").asText()
                .equals("/app/.env")).findFirst().orElseThrow();
        assertThat(layerSecret.path("visibility").asText()).isEqualTo("WHITED_OUT");
        assertThat(layerSecret.path("location").path("layer").path("index").asInt()).isZero();
        assertThat(layerSecret.path("location").path("layer").path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(layerSecret.path("location").path("line").asInt()).isEqualTo(1);
        assertThat(found).extracting(f -> f.path("location").path("path").asText())
                .contains("image config: Env[1] NPM_TOKEN")
                .anyMatch(p -> p.startsWith("image config: history[") && !p.contains(arg));
        assertThat(run.out()).doesNotContain(deleted, env, arg);

        CliRun skipped = CliRun.image("-f", "json", "--no-secrets", image.toString());
        assertThat(secrets(skipped)).isEmpty();
    }

    /** Every report format, the baseline file and stderr, for a tree and an image: masked forms only. */
    @Test
    void noOutputHoldsAPlantedSecret() throws IOException {
        List<String> planted = List.of(githubToken(), npmToken(), githubToken());
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("src"));
        Files.writeString(tree.resolve(".env"), "GITHUB_TOKEN=" + planted.get(0) + "\nDB_PASSWORD=Zq8#mv!2pLr9xTq\n");
        Files.writeString(tree.resolve("src/npmrc"), "//registry.npmjs.org/:_authToken=" + planted.get(1) + "\n");
        List<String> all = new ArrayList<>(planted);
        all.add("Zq8#mv!2pLr9xTq");
        Path image = dir.resolve("img.tar");
        ImageBuilder.image().layer(TarBuilder.tar().file("etc/app.conf", "token=" + planted.get(0) + "\n").build())
                .env("GITHUB_TOKEN=" + planted.get(2)).writeDockerArchive(image, ImageBuilder.Compression.NONE);
        List<String> formats = List.of("table", "json", "sarif", "junit", "markdown", "html", "cyclonedx",
                "spdx-json");
        int reports = 0;
        for (String format : formats) {
            Path treeOut = dir.resolve("tree." + format);
            CliRun t = CliRun.of("secrets", "-f", format, "-o", treeOut.toString(), tree.toString());
            assertThat(t.exitCode()).as(format + ": " + t.err()).isEqualTo(1);
            Path imageOut = dir.resolve("image." + format);
            CliRun i = CliRun.image("-f", format, "-o", imageOut.toString(), image.toString());
            assertThat(i.exitCode()).as(format + ": " + i.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
            for (Path out : List.of(treeOut, imageOut)) {
                String text = Files.readString(out);
                assertThat(text).as(out.toString()).isNotEmpty();
                for (String secret : all) {
                    assertThat(text).as(out + " holds a planted secret").doesNotContain(secret);
                }
                reports++;
            }
            for (String secret : all) {
                assertThat(t.err() + i.err() + t.out() + i.out()).doesNotContain(secret);
            }
        }
        assertThat(Files.readString(dir.resolve("tree.json"))).contains("ghp_***");
        Path baseline = dir.resolve("baseline.json");
        CliRun b = CliRun.of("secrets", "--write-baseline", baseline.toString(), tree.toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        String text = Files.readString(baseline);
        assertThat(text).contains("\"secret\"");
        for (String secret : all) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(reports).isEqualTo(2 * formats.size());
    }
}

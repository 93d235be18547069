package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * The policy's {@code secrets:} section end to end: a team's own rule, its allowlist (paths, stopwords, commits),
 * an imported gitleaks configuration, and the fingerprint key taken from the environment.
 */
class SecretPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random = new Random(42);

    @TempDir
    Path dir;

    /** An ACME key: "acme_" and 32 random lower-case letters and digits (high entropy, generated per test). */
    private String acmeKey() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("acme_");
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
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

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(new Console.Host(new ByteArrayInputStream(new byte[0]), env, dir, dir, "Linux"), args);
    }

    private Path policy(String yaml) throws IOException {
        Path p = dir.resolve("team-policy.yaml"); // not plimsoll.yaml, which every run here would find
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void aTeamRuleFindsItsSecretAndTheAllowlistKeepsFixturesOut() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("src"));
        String key = acmeKey();
        Files.writeString(tree.resolve("client.py"), "import os\nKEY = '" + key + "'\n");
        Files.createDirectories(tree.resolve("fixtures"));
        Files.writeString(tree.resolve("fixtures/sample.py"), "KEY = '" + acmeKey() + "'\n");
        Files.writeString(tree.resolve("doc.py"), "KEY = 'acme_sampleabcdefghijklmnopqrstuvwxyz12'\n");
        Path policy = policy("""
                secrets:
                  rules:
                    - id: acme-api-key
                      title: ACME API key
                      regex: '\\b(acme_[a-z0-9]{32})\\b'
                      keywords: [acme_]
                      entropy: 3
                      severity: critical
                  allowlist:
                    paths: ['(^|/)fixtures/']
                    stopwords: [sample]
                """);
        CliRun without = run(Map.of(), "secrets", "-f", "json", tree.toString());
        assertThat(secrets(without)).as("no built-in rule knows the format").isEmpty();

        CliRun with = run(Map.of(), "secrets", "-f", "json", "--policy", policy.toString(), tree.toString());
        assertThat(with.exitCode()).as(with.err()).isEqualTo(1);
        assertThat(secrets(with)).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo("acme-api-key");
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.path("location").path("path").asText()).isEqualTo("/client.py");
            assertThat(f.path("location").path("line").asInt()).isEqualTo(2);
        });
        assertThat(with.out() + with.err()).doesNotContain(key);

        // the same policy reaches the secret scan inside plimsoll fs
        CliRun fs = run(Map.of(), "fs", "--db", CliRun.sampleDb().toString(), "-f", "json", "--policy",
                policy.toString(), tree.toString());
        assertThat(secrets(fs)).extracting(f -> f.path("id").asText()).containsExactly("acme-api-key");
    }

    @Test
    void theFingerprintKeyComesFromTheEnvironmentAndANamedMissingKeyIsAnError() throws IOException {
        Files.writeString(dir.resolve("app.env"), "ACME=" + acmeKey() + "\n");
        String rule = """
                  rules:
                    - id: acme-api-key
                      regex: 'acme_[a-z0-9]{32}'
                """;
        Path plain = policy("secrets:\n" + rule);
        String byDefault = secrets(run(Map.of(), "secrets", "-f", "json", "--policy", plain.toString(),
                dir.toString())).get(0).path("secretSha256").asText();
        String keyed = secrets(run(Map.of("PLIMSOLL_SECRET_HASH_KEY", "team-key-1"), "secrets", "-f", "json",
                "--policy", plain.toString(), dir.toString())).get(0).path("secretSha256").asText();
        assertThat(keyed).hasSize(byDefault.length()).isNotEqualTo(byDefault);

        Path named = policy("secrets:\n  hash-key-env: TEAM_KEY\n" + rule);
        String teamKeyed = secrets(run(Map.of("TEAM_KEY", "team-key-1"), "secrets", "-f", "json", "--policy",
                named.toString(), dir.toString())).get(0).path("secretSha256").asText();
        assertThat(teamKeyed).isEqualTo(keyed);

        CliRun missing = run(Map.of(), "secrets", "--policy", named.toString(), dir.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(missing.err()).contains("TEAM_KEY").contains("not set");
    }

    @Test
    void aRuleIdTakenByABuiltInRuleIsRefused() throws IOException {
        Path policy = policy("""
                secrets:
                  rules:
                    - id: github-pat
                      regex: 'x{40}'
                """);
        CliRun run = run(Map.of(), "secrets", "--policy", policy.toString(), dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains("github-pat").contains("defined twice");
    }

    @Test
    void gitleaksConfigAndAllowedCommitsApplyToHistoryScans() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.cfg"), "token = " + acmeKey() + "\n");
            RevCommit accepted = commit(git, "accepted long ago", 1);
            Files.writeString(repo.resolve("b.cfg"), "token = " + acmeKey() + "\n");
            RevCommit fresh = commit(git, "new", 2);
            Files.writeString(dir.resolve("gitleaks.toml"), """
                    title = "team rules"
                    [[rules]]
                    id = "acme_key"
                    description = "ACME key"
                    regex = '''acme_[a-z0-9]{32}'''
                    keywords = ["acme_"]
                    [allowlist]
                    commits = ["%s"]
                    """.formatted(accepted.name()));
            Path policy = policy("secrets:\n  gitleaks-config: gitleaks.toml\n");
            CliRun run = run(Map.of(), "secrets", "--git", "-f", "json", "--policy", policy.toString(),
                    repo.toString());
            assertThat(secrets(run)).singleElement().satisfies(f -> {
                assertThat(f.path("id").asText()).isEqualTo("acme-key");
                assertThat(f.path("commit").path("id").asText()).isEqualTo(fresh.name());
            });

            Path both = policy("secrets:\n  gitleaks-config: gitleaks.toml\n  allowlist:\n    commits: ["
                    + fresh.name().substring(0, 10) + "]\n");
            CliRun none = run(Map.of(), "secrets", "--git", "-f", "json", "--policy", both.toString(),
                    repo.toString());
            assertThat(none.exitCode()).as(none.err()).isZero();
            assertThat(secrets(none)).isEmpty();
        }
    }

    private static RevCommit commit(Git git, String message, int day) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Ann Dev", "ann@example.com",
                java.time.Instant.parse("2025-04-0" + day + "T10:00:00Z"), java.time.ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}

package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.cli.registry.Pusher;
import dev.plimsoll.cli.registry.TestRegistry;
import dev.plimsoll.testkit.engine.EnginePki;
import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll image REF} from a local engine (a fake Engine API on a unix socket serving the sample image's
 * docker-save stream), falling through to the real distribution registry; and {@code audit container} against a
 * TLS engine with docker's flags.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineImageSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "bench/demo";

    @TempDir
    static Path work;

    private TestRegistry registry;
    private Path socket;
    private byte[] demoTar;

    @BeforeAll
    void start() throws Exception {
        registry = TestRegistry.plain(Files.createDirectories(work.resolve("storage")), work);
        new Pusher(registry.host()).push(DEMO, "1", Pusher.fromDockerArchive(CliRun.DEMO));
        socket = work.resolve("docker.sock");
        demoTar = Files.readAllBytes(CliRun.DEMO);
    }

    @AfterAll
    void stop() throws InterruptedException {
        registry.close();
    }

    private CliRun run(Map<String, String> env, String... args) throws IOException {
        Path home = Files.createDirectories(work.resolve("home"));
        Map<String, String> all = new HashMap<>();
        all.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        all.put("XDG_RUNTIME_DIR", work.resolve("runtime").toString());
        all.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        all.putAll(env);
        return CliRun.in(new Console.Host(new ByteArrayInputStream(new byte[0]), all, work, home, "Linux"), args);
    }

    private CliRun scan(String... args) throws IOException {
        List<String> full = new ArrayList<>(List.of("image", "--db", CliRun.sampleDb().toString(), "-f", "json"));
        full.addAll(List.of(args));
        return run(Map.of("DOCKER_HOST", "unix://" + socket), full.toArray(String[]::new));
    }

    private FakeEngine engineHolding(String name, Framing framing) throws IOException {
        return new FakeEngine(socket)
                .route("/images/" + name + "/json", 200, "{\"Id\":\"sha256:" + "0".repeat(64) + "\","
                        + "\"RepoTags\":[\"" + name + "\"],\"RepoDigests\":[]}", Framing.CONTENT_LENGTH)
                .route("/images/" + name + "/get", 200, demoTar, framing);
    }

    @Test
    void anImageTheEngineHoldsGivesTheSameFindingsAsItsArchive() throws IOException {
        CliRun fromTar = CliRun.image("-f", "json", CliRun.DEMO.toString());
        try (FakeEngine engine = engineHolding(DEMO + ":1", Framing.CHUNKED)) {
            CliRun fromEngine = scan("--no-cache", DEMO + ":1");
            assertThat(fromEngine.exitCode()).as(fromEngine.err()).isEqualTo(fromTar.exitCode());
            assertThat(RegistryScanTest.findings(fromTar.out())).isNotEmpty();
            assertThat(RegistryScanTest.findings(fromEngine.out())).isEqualTo(RegistryScanTest.findings(fromTar.out()));
            assertThat(RegistryScanTest.packages(fromEngine.out())).isEqualTo(RegistryScanTest.packages(fromTar.out()));
            JsonNode image = JSON.readTree(fromEngine.out()).path("image");
            assertThat(image.path("name").asText()).isEqualTo(DEMO + ":1");
            assertThat(image.path("sourceKind").asText()).isEqualTo("docker");
            assertThat(engine.paths()).containsExactly("/images/bench/demo:1/json", "/images/bench/demo:1/get");
        }
    }

    @Test
    void auditImageReadsFromTheEngineToo() throws IOException {
        CliRun fromTar = run(Map.of(), "audit", "image", "-f", "json", CliRun.DEMO.toString());
        try (FakeEngine engine = engineHolding(DEMO + ":1", Framing.CHUNKED)) {
            CliRun fromEngine = run(Map.of("DOCKER_HOST", "unix://" + socket), "audit", "image", "-f", "json",
                    DEMO + ":1");
            assertThat(fromEngine.exitCode()).as(fromEngine.err()).isEqualTo(fromTar.exitCode());
            assertThat(RegistryScanTest.findings(fromTar.out())).isNotEmpty();
            // the evidence names the image: as given, the path or the reference
            assertThat(RegistryScanTest.findings(fromEngine.out())).isEqualTo(RegistryScanTest.findings(
                    fromTar.out().replace(CliRun.DEMO.toString(), DEMO + ":1")));
            assertThat(engine.paths()).containsExactly("/images/bench/demo:1/json", "/images/bench/demo:1/get");
        }
    }

    @Test
    void theLayerCacheAppliesToImagesFromAnEngine() throws IOException {
        try (FakeEngine engine = engineHolding(DEMO + ":cached", Framing.CHUNKED)) {
            CliRun first = scan("--debug", DEMO + ":cached");
            assertThat(first.exitCode()).as(first.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            CliRun second = scan("--debug", DEMO + ":cached");
            assertThat(second.exitCode()).as(second.err()).isEqualTo(first.exitCode());
            assertThat(second.err()).contains("analysis cache: this image's analysis reused");
            assertThat(RegistryScanTest.findings(second.out())).isEqualTo(RegistryScanTest.findings(first.out()));
        }
    }

    @Test
    void anImageTheEngineLacksComesFromTheRegistry() throws IOException {
        String ref = registry.host() + "/" + DEMO + ":1";
        try (FakeEngine engine = new FakeEngine(socket)) {
            CliRun run = scan("--debug", "--insecure-registry", registry.host(), "--no-cache", ref);
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(JSON.readTree(run.out()).path("image").path("sourceKind").asText()).isEqualTo("registry");
            assertThat(RegistryScanTest.findings(run.out())).isNotEmpty();
            assertThat(engine.paths()).containsExactly("/images/" + ref + "/json");
            assertThat(run.err()).contains("image source docker at unix://" + socket + " does not hold " + ref)
                    .contains("image source podman: no socket at " + work.resolve("runtime/podman/podman.sock"));
        }
    }

    @Test
    void imageSrcRemoteNeverAsksTheEngine() throws IOException {
        String ref = registry.host() + "/" + DEMO + ":1";
        try (FakeEngine engine = engineHolding(ref, Framing.CHUNKED)) {
            CliRun run = scan("--image-src", "remote", "--insecure-registry", registry.host(), "--no-cache", ref);
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(JSON.readTree(run.out()).path("image").path("sourceKind").asText()).isEqualTo("registry");
            assertThat(engine.requests).isEmpty();
        }
    }

    @Test
    void imageSrcOrdersTheSourcesAndEnginesOnlyNeedNotHaveIt() throws IOException {
        try (FakeEngine engine = new FakeEngine(socket)) {
            CliRun run = scan("--image-src", "podman,docker", DEMO + ":absent");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("no such image in podman, docker");
            assertThat(engine.paths()).containsExactly("/images/bench/demo:absent/json");
        }
        // a DOCKER_HOST this client cannot use (docker's ssh://) leaves docker out; in --docker-host it is a mistake
        CliRun ssh = run(Map.of("DOCKER_HOST", "ssh://me@build-host"), "image", "--db",
                CliRun.sampleDb().toString(), "--image-src", "docker,podman", "--debug", DEMO + ":1");
        assertThat(ssh.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(ssh.err()).contains("image source docker: $DOCKER_HOST skipped").contains("no such image in podman");
        CliRun sshFlag = scan("--docker-host", "ssh://me@build-host", DEMO + ":1");
        assertThat(sshFlag.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sshFlag.err()).contains("--docker-host: docker host ssh://me@build-host: expected unix://");
        CliRun bad = scan("--image-src", "docker,containerd", DEMO + ":1");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--image-src: unknown source 'containerd' (expected docker, podman, remote)");
    }

    /** An engine holds one platform per name: asked for another with --platform, the next source is asked. */
    @Test
    void anEnginesImageOfAnotherPlatformThanAskedIsPassedOver() throws IOException {
        String ref = registry.host() + "/" + DEMO + ":1";
        try (FakeEngine engine = new FakeEngine(socket)
                .route("/images/" + ref + "/json", 200, "{\"Id\":\"sha256:" + "0".repeat(64) + "\",\"Os\":\"linux\","
                        + "\"Architecture\":\"amd64\",\"RepoTags\":[\"" + ref + "\"]}", Framing.CONTENT_LENGTH)
                .route("/images/" + ref + "/get", 200, demoTar, Framing.CONTENT_LENGTH)) {
            CliRun asked = scan("--debug", "--platform", "linux/arm64", "--insecure-registry", registry.host(),
                    "--no-cache", ref);
            assertThat(asked.err()).contains("image source docker at unix://" + socket + " holds " + ref
                    + " for linux/amd64, not linux/arm64 as asked");
            // the registry was asked next (its image is a single manifest, taken whatever its platform, as the
            // resolver takes one from a layout)
            assertThat(asked.exitCode()).as(asked.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(JSON.readTree(asked.out()).path("image").path("sourceKind").asText()).isEqualTo("registry");
            assertThat(engine.paths()).containsExactly("/images/" + ref + "/json");

            engine.requests.clear();
            for (String[] args : List.of(new String[] {"--platform", "linux/amd64"}, new String[0])) {
                List<String> line = new ArrayList<>(List.of(args));
                line.addAll(List.of("--no-cache", ref));
                CliRun run = scan(line.toArray(String[]::new));
                assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
                assertThat(JSON.readTree(run.out()).path("image").path("sourceKind").asText()).isEqualTo("docker");
            }
        }
    }

    @Test
    void aStreamCutShortIsAClearError() throws IOException {
        try (FakeEngine engine = engineHolding(DEMO + ":1", Framing.TRUNCATED)) {
            CliRun run = scan("--no-cache", DEMO + ":1");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("docker engine: GET /images/bench/demo:1/get: connection closed before the"
                    + " end of the response");
        }
    }

    @Test
    void auditContainerReachesATlsEngineWithDockersFlags() throws Exception {
        EnginePki pki = EnginePki.create(Files.createDirectories(work.resolve("pki")));
        Path[] client = pki.client("client", EnginePki.KeyForm.PKCS1_RSA);
        try (FakeEngine engine = FakeEngine.tls(pki.serverContext(), true)) {
            engine.route("/containers/json", 200, "[]", Framing.CHUNKED);
            String host = "tcp://localhost:" + engine.port();
            CliRun verified = run(Map.of(), "audit", "container", "-f", "json", "--docker-host", host, "--tlsverify",
                    "--tlscacert", pki.dir().resolve("ca.pem").toString(), "--tlscert", client[0].toString(),
                    "--tlskey", client[1].toString());
            assertThat(verified.exitCode()).as(verified.err()).isEqualTo(ExitCode.OK);
            assertThat(engine.paths()).containsExactly("/containers/json");

            // the same through docker's environment: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
            Path certPath = Files.createDirectories(work.resolve("docker-certs"));
            Files.copy(pki.dir().resolve("ca.pem"), certPath.resolve("ca.pem"));
            Files.copy(client[0], certPath.resolve("cert.pem"));
            Files.copy(client[1], certPath.resolve("key.pem"));
            CliRun fromEnv = run(Map.of("DOCKER_HOST", host, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH",
                    certPath.toString()), "audit", "container", "-f", "json");
            assertThat(fromEnv.exitCode()).as(fromEnv.err()).isEqualTo(ExitCode.OK);
            assertThat(engine.paths()).hasSize(2);

            Path otherCa = pki.otherCa("other-ca");
            CliRun wrongCa = run(Map.of(), "audit", "container", "-f", "json", "--docker-host", host, "--tlsverify",
                    "--tlscacert", otherCa.toString(), "--tlscert", client[0].toString(), "--tlskey",
                    client[1].toString());
            assertThat(wrongCa.out() + wrongCa.err()).contains("the engine's certificate is not signed by the CA in "
                    + otherCa);
            assertThat(engine.paths()).hasSize(2);

            CliRun missingKey = run(Map.of(), "audit", "container", "--docker-host", host, "--tlsverify",
                    "--tlscacert", pki.dir().resolve("ca.pem").toString(), "--tlscert", client[0].toString(),
                    "--tlskey", work.resolve("nope.pem").toString());
            assertThat(missingKey.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(missingKey.err()).contains(work.resolve("nope.pem") + " (--tlskey): no such file");
            String keyText = Files.readString(client[1]);
            String keyBody = keyText.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
            for (CliRun any : List.of(verified, fromEnv, wrongCa, missingKey)) {
                assertThat(any.out() + any.err()).doesNotContain(keyBody);
            }
        }
    }
}

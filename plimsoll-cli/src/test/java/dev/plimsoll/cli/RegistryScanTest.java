package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.cli.registry.CountingProxy;
import dev.plimsoll.cli.registry.Pusher;
import dev.plimsoll.cli.registry.TestCerts;
import dev.plimsoll.cli.registry.TestRegistry;
import dev.plimsoll.cli.registry.TokenServer;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageIndexBuilder;
import dev.plimsoll.testkit.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll image} straight from the real distribution registry (Debian's docker-registry), started by the
 * test on 127.0.0.1: plain, basic auth, TLS and token auth instances over one storage holding the sample demo image
 * (Docker schema 2, gzip layers), a copy with one more layer, and a two-platform OCI index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "scanner";
    private static final String PASSWORD = "s3cret-Pa55word-planted";
    private static final String DEMO = "bench/demo";

    @TempDir
    static Path work;

    private Path storage;
    private TestRegistry plain;
    private Pusher.Image demo;
    private Pusher.Image demoPlus;

    @BeforeAll
    void pushImages() throws Exception {
        storage = Files.createDirectories(work.resolve("storage"));
        plain = TestRegistry.plain(storage, work);
        Pusher pusher = new Pusher(plain.host());
        demo = Pusher.fromDockerArchive(CliRun.DEMO);
        pusher.push(DEMO, "1", demo);
        demoPlus = demo.plus(TarBuilder.tar().dir("opt/").file("opt/extra.txt", "one more layer\n").build());
        pusher.push("bench/demo-plus", "1", demoPlus);
        Path layout = work.resolve("multi");
        ImageIndexBuilder.index()
                .add(ImageBuilder.image().platform("linux/amd64")
                        .layer(TarBuilder.tar().file("etc/arch", "amd64\n").build()))
                .add(ImageBuilder.image().platform("linux/arm64/v8")
                        .layer(TarBuilder.tar().file("etc/arch", "arm64\n").build()))
                .writeOciLayout(layout);
        pusher.pushOciLayout("bench/multi", "1", layout);
    }

    @AfterAll
    void stop() throws InterruptedException {
        plain.close();
    }

    /** A run with its own home, cache and environment: nothing of the machine's docker config or cache. */
    private CliRun scan(Map<String, String> env, String stdin, String... args) throws IOException {
        Path home = Files.createDirectories(work.resolve("home"));
        Map<String, String> all = new HashMap<>();
        all.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        all.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        all.putAll(env);
        List<String> full = new ArrayList<>(List.of("image", "--db", CliRun.sampleDb().toString(), "-f", "json"));
        full.addAll(List.of(args));
        return CliRun.in(new Console.Host(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), all,
                work, home, "Linux"), full.toArray(String[]::new));
    }

    private CliRun scan(String... args) throws IOException {
        return scan(Map.of(), "", args);
    }

    /** The findings without what names the target or the stored (compressed) layer blob. */
    static List<String> findings(String report) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(report).path("findings")) {
            ObjectNode copy = f.deepCopy();
            copy.remove("fingerprint");
            copy.remove("target");
            if (copy.path("location").path("layer") instanceof ObjectNode layer) {
                layer.remove("digest");
            }
            out.add(copy.toString());
        }
        return out.stream().sorted().toList();
    }

    static List<String> packages(String report) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode p : JSON.readTree(report).path("packages")) {
            out.add(p.path("purl").asText() + " " + p.path("locations").toString().replaceAll(
                    "\"digest\":\"sha256:[0-9a-f]{64}\",?", ""));
        }
        return out.stream().sorted().toList();
    }

    private static void assertNoSecret(CliRun run, String... secrets) {
        for (String s : secrets) {
            assertThat(run.out()).doesNotContain(s);
            assertThat(run.err()).doesNotContain(s);
        }
    }

    @Test
    void anonymousPullGivesTheSameFindingsAsTheArchive() throws IOException {
        CliRun fromTar = CliRun.image("-f", "json", CliRun.DEMO.toString());
        CliRun fromRegistry = scan("--insecure-registry", plain.host(), "--no-cache", plain.host() + "/" + DEMO + ":1");
        assertThat(fromRegistry.exitCode()).as(fromRegistry.err()).isEqualTo(fromTar.exitCode());
        assertThat(findings(fromTar.out())).isNotEmpty();
        assertThat(findings(fromRegistry.out())).isEqualTo(findings(fromTar.out()));
        assertThat(packages(fromRegistry.out())).isEqualTo(packages(fromTar.out()));
        JsonNode image = JSON.readTree(fromRegistry.out()).path("image");
        assertThat(image.path("sourceKind").asText()).isEqualTo("registry");
        assertThat(image.path("repoTags").get(0).asText()).isEqualTo(plain.host() + "/" + DEMO + ":1");
    }

    @Test
    void aScanLeavesNoHttpClientThreadRunning() throws IOException {
        java.util.Set<String> before = selectorThreads(); // the tests' own clients (proxies, token server) aside
        CliRun run = scan("--insecure-registry", plain.host(), "--no-cache", plain.host() + "/" + DEMO + ":1");
        assertThat(run.exitCode()).as(run.err()).isLessThanOrEqualTo(1);
        // a selector thread left blocked in epoll_wait would hold the JVM's exit back by about 300 ms
        assertThat(selectorThreads()).isSubsetOf(before);
    }

    private static java.util.Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("SelectorManager"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void plainHttpNeedsInsecureRegistryForThatHost() throws IOException {
        CliRun run = scan("--no-cache", plain.host() + "/" + DEMO + ":1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains("registry " + plain.host()).contains("TLS").contains("--insecure-registry");
        CliRun otherHost = scan("--insecure-registry", "127.0.0.2", "--no-cache", plain.host() + "/" + DEMO + ":1");
        assertThat(otherHost.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
    }

    @Test
    void mirrorsAreAskedFirstAndSkippedWhenTheyFail() throws IOException {
        // the image's own registry does not exist: only the mirror can serve it
        CliRun viaMirror = scan("--insecure-registry", "127.0.0.1", "--no-cache", "--registry-mirror",
                "registry.invalid=" + plain.host(), "registry.invalid/" + DEMO + ":1");
        assertThat(viaMirror.exitCode()).as(viaMirror.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        assertThat(findings(viaMirror.out())).isNotEmpty();
        // a mirror that refuses connections is skipped for the registry itself
        int closed = dev.plimsoll.cli.registry.TestRegistry.freePort();
        CliRun pastMirror = scan(Map.of("PLIMSOLL_REGISTRY_MIRRORS", plain.host() + "=127.0.0.1:" + closed), "",
                "--insecure-registry", "127.0.0.1", "--no-cache", plain.host() + "/" + DEMO + ":1");
        assertThat(pastMirror.exitCode()).as(pastMirror.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        assertThat(findings(pastMirror.out())).isEqualTo(findings(viaMirror.out()));
    }

    @Test
    void aMissingTagIsAClearError() throws IOException {
        CliRun run = scan("--insecure-registry", plain.host(), plain.host() + "/" + DEMO + ":nope");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains("manifest bench/demo:nope").contains("not found (HTTP 404)");
    }

    @Test
    void pullByDigestChecksTheManifest() throws IOException {
        String digest = new Pusher(plain.host()).push(DEMO, "by-digest", demo);
        CliRun run = scan("--insecure-registry", plain.host(), "--no-cache", plain.host() + "/" + DEMO + "@" + digest);
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        assertThat(JSON.readTree(run.out()).path("image").path("manifestDigest").asText()).isEqualTo(digest);
    }

    @Test
    void aMultiPlatformIndexYieldsTheAskedPlatformOrListsThem() throws IOException {
        String ref = plain.host() + "/bench/multi:1";
        CliRun arm = scan("--insecure-registry", plain.host(), "--no-cache", "--platform", "linux/arm64", ref);
        assertThat(arm.exitCode()).as(arm.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        assertThat(JSON.readTree(arm.out()).path("image").path("platform").asText()).isEqualTo("linux/arm64/v8");
        CliRun amd = scan("--insecure-registry", plain.host(), "--no-cache", ref);
        assertThat(JSON.readTree(amd.out()).path("image").path("platform").asText()).isEqualTo("linux/amd64");
        CliRun none = scan("--insecure-registry", plain.host(), "--no-cache", "--platform", "linux/s390x", ref);
        assertThat(none.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(none.err()).contains("no image for platform linux/s390x").contains("linux/amd64")
                .contains("linux/arm64/v8");
    }

    @Test
    void aBlobThatDoesNotMatchItsDigestIsRefusedByName(@TempDir Path own) throws Exception {
        Path ownStorage = Files.createDirectories(own.resolve("storage"));
        try (TestRegistry registry = TestRegistry.plain(ownStorage, own)) {
            new Pusher(registry.host()).push(DEMO, "1", demo);
            String layer = Pusher.layerDigests(demo).get(1);
            Path file = registry.blobFile(layer);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(file, bytes);
            CliRun run = scan("--insecure-registry", registry.host(), "--no-cache", registry.host() + "/" + DEMO
                    + ":1");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("blob " + layer).contains("does not match its digest");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Downloads {
        private CountingProxy proxy;
        private String ca;

        @BeforeAll
        void startProxy() throws Exception {
            TestCerts certs = TestCerts.generate(work, "proxy-tls");
            ca = certs.certificate().toString();
            proxy = new CountingProxy(plain.host(), certs);
        }

        @AfterAll
        void stopProxy() {
            proxy.close();
        }

        @Test
        void anInterruptedDownloadIsRetriedAndOneThatKeepsFailingIsAnError() throws IOException {
            String layer = Pusher.layerDigests(demo).get(0);
            proxy.reset();
            proxy.cut(layer, 1);
            CliRun run = scan("--registry-ca", ca, "--no-cache", proxy.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(proxy.blobGets(List.of(layer))).isEqualTo(2);

            proxy.cut(layer, 100);
            CliRun broken = scan("--registry-ca", ca, "--no-cache", proxy.host() + "/" + DEMO + ":1");
            proxy.cut(layer, 0);
            assertThat(broken.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(broken.err()).contains("blob " + layer).contains("download failed after 4 attempts");
        }

        @Test
        void rateLimitedRequestsAreRetriedAfterTheTimeTheRegistryAsks() throws IOException {
            proxy.reset();
            proxy.throttle("/manifests/1", 2);
            CliRun run = scan("--registry-ca", ca, "--no-cache", proxy.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(proxy.paths()).filteredOn(p -> p.endsWith("/manifests/1")).hasSize(3);

            proxy.throttle("/manifests/1", 10);
            CliRun limited = scan("--registry-ca", ca, "--no-cache", proxy.host() + "/" + DEMO + ":1");
            proxy.throttle("/manifests/1", 0);
            assertThat(limited.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(limited.err()).contains("rate limited (HTTP 429), still after 4 attempts");
        }

        @Test
        void theSecondScanFetchesNoLayerAndASharedBaseIsNotFetchedAgain(@TempDir Path cache) throws IOException {
            List<String> demoLayers = Pusher.layerDigests(demo);
            List<String> plusLayers = Pusher.layerDigests(demoPlus);
            String[] common = {"--registry-ca", ca, "--cache-dir", cache.toString(), "--debug"};
            proxy.reset();
            CliRun cold = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            assertThat(cold.exitCode()).as(cold.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(proxy.blobGets(demoLayers)).isEqualTo(demoLayers.size());
            assertThat(cold.err()).contains("layer cache: 0 layers replayed, 4 layers read from the image");

            List<String> configGets = proxy.paths().stream()
                    .filter(p -> p.contains("/blobs/") && demoLayers.stream().noneMatch(p::endsWith)).toList();
            assertThat(configGets).as("the config").hasSize(1);

            proxy.reset();
            CliRun warm = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            assertThat(proxy.blobGets(demoLayers)).isZero();
            assertThat(proxy.paths()).as("the manifest by tag only: the config comes from the cache")
                    .noneMatch(p -> p.contains("/blobs/")).filteredOn(p -> p.contains("/manifests/")).hasSize(1);
            assertThat(warm.err()).contains("analysis cache: this image's analysis reused, none of its 4 layers read");
            assertThat(findings(warm.out())).isEqualTo(findings(cold.out()));
            assertThat(packages(warm.out())).isEqualTo(packages(cold.out()));

            proxy.reset();
            CliRun shared = scan(concat(common, proxy.host() + "/bench/demo-plus:1"));
            assertThat(shared.exitCode()).as(shared.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(proxy.blobGets(plusLayers)).isEqualTo(1);
            assertThat(proxy.blobGets(List.of(plusLayers.get(plusLayers.size() - 1)))).isEqualTo(1);
            assertThat(shared.err()).contains("layer cache: 4 layers replayed, 1 layers read from the image");
            assertThat(findings(shared.out())).isEqualTo(findings(cold.out()));
        }

        @Test
        void aDamagedCacheEntryIsIgnoredAndWrittenAgain(@TempDir Path cache) throws IOException {
            String[] common = {"--registry-ca", ca, "--cache-dir", cache.toString(), "--debug"};
            CliRun cold = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            List<Path> entries;
            try (Stream<Path> files = Files.list(cache.resolve("layers"))) {
                entries = files.sorted().toList();
            }
            assertThat(entries).filteredOn(p -> p.toString().endsWith(".layer")).hasSize(4);
            assertThat(entries).filteredOn(p -> p.toString().endsWith(".result")).hasSize(1);
            assertThat(entries).as("the config").filteredOn(p -> p.toString().endsWith(".document")).hasSize(1);
            for (Path e : entries) {
                byte[] b = Files.readAllBytes(e);
                b[b.length / 3] ^= 0x01;
                Files.write(e, b);
            }
            Files.write(entries.get(0), new byte[] {1, 2, 3});
            proxy.reset();
            CliRun again = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            assertThat(again.exitCode()).isEqualTo(cold.exitCode());
            assertThat(again.err()).contains("layer cache: 0 layers replayed, 4 layers read from the image");
            assertThat(findings(again.out())).isEqualTo(findings(cold.out()));
            CliRun third = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            assertThat(third.err()).contains("analysis cache: this image's analysis reused");
            assertThat(findings(third.out())).isEqualTo(findings(cold.out()));
            try (Stream<Path> files = Files.list(cache.resolve("layers"))) {
                files.filter(p -> p.toString().endsWith(".result")).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            CliRun replayed = scan(concat(common, proxy.host() + "/" + DEMO + ":1"));
            assertThat(replayed.err()).contains("layer cache: 4 layers replayed, 0 layers read from the image");
            assertThat(findings(replayed.out())).isEqualTo(findings(cold.out()));

            CliRun clean = CliRun.of("cache", "clean", "--cache-dir", cache.toString());
            assertThat(clean.exitCode()).isZero();
            assertThat(clean.err()).contains("removed 6 cache entries");
            try (Stream<Path> files = Files.list(cache.resolve("layers"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BasicAuth {
        private TestRegistry registry;

        @BeforeAll
        void start() throws Exception {
            Path htpasswd = work.resolve("htpasswd");
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            Files.writeString(htpasswd, USER + ":" + OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), salt, 5)
                    + "\n");
            registry = TestRegistry.basic(storage, work, htpasswd);
        }

        @AfterAll
        void stop() throws InterruptedException {
            registry.close();
        }

        private String ref() {
            return registry.host() + "/" + DEMO + ":1";
        }

        @Test
        void usernameAndPasswordFromStdin() throws IOException {
            CliRun run = scan(Map.of(), PASSWORD + "\n", "--insecure-registry", registry.host(), "--no-cache",
                    "--username", USER, "--password-stdin", ref());
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(findings(run.out())).isNotEmpty();
            assertNoSecret(run, PASSWORD);
        }

        @Test
        void credentialsFromTheEnvironment() throws IOException {
            CliRun run = scan(Map.of("PLIMSOLL_REGISTRY_USERNAME", USER, "PLIMSOLL_REGISTRY_PASSWORD", PASSWORD), "",
                    "--insecure-registry", registry.host(), "--no-cache", ref());
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        }

        @Test
        void credentialsFromDockerConfigAndFromACredentialHelper() throws IOException {
            Path dockerDir = Files.createDirectories(work.resolve("docker-auths"));
            String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Files.writeString(dockerDir.resolve("config.json"), "{\"auths\":{\"" + registry.host()
                    + "\":{\"auth\":\"" + auth + "\"}}}");
            CliRun fromAuths = scan(Map.of("DOCKER_CONFIG", dockerDir.toString()), "", "--insecure-registry",
                    registry.host(), "--no-cache", ref());
            assertThat(fromAuths.exitCode()).as(fromAuths.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);

            Path helperDir = Files.createDirectories(work.resolve("helpers"));
            Path helper = helperDir.resolve("docker-credential-plimtest");
            Files.writeString(helper, "#!/bin/sh\nread server\n[ \"$server\" = \"" + registry.host() + "\" ] || exit 1\n"
                    + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD
                    + "\"}' \"$server\"\n");
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
            Path helperConfig = Files.createDirectories(work.resolve("docker-helper"));
            Files.writeString(helperConfig.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host()
                    + "\":\"plimtest\"}}");
            CliRun fromHelper = scan(Map.of("DOCKER_CONFIG", helperConfig.toString(), "PATH", helperDir + ":"
                    + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), "", "--insecure-registry",
                    registry.host(), "--no-cache", ref());
            assertThat(fromHelper.exitCode()).as(fromHelper.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertNoSecret(fromHelper, PASSWORD, auth);
        }

        @Test
        void aWrongPasswordIsAClearErrorWithExitCode3AndNoSecret() throws IOException {
            String wrong = "wrong-Pa55word-planted";
            CliRun run = scan(Map.of(), wrong, "--insecure-registry", registry.host(), "--no-cache", "--debug",
                    "--username", USER, "--password-stdin", ref());
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("registry " + registry.host()).contains("wrong username or password");
            String basic = Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
            assertNoSecret(run, wrong, basic, PASSWORD);
        }

        @Test
        void withoutCredentialsTheErrorSaysHowToGiveThem() throws IOException {
            CliRun run = scan("--insecure-registry", registry.host(), "--no-cache", ref());
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("authentication required").contains("--password-stdin");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TokenAuth {
        private TokenServer tokens;
        private TestRegistry registry;

        @BeforeAll
        void start() throws Exception {
            TestCerts signer = TestCerts.generate(work, "token-signer");
            tokens = new TokenServer(signer, USER, PASSWORD);
            registry = TestRegistry.token(storage, work, tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER,
                    signer.certificate());
        }

        @AfterAll
        void stop() throws InterruptedException {
            registry.close();
            tokens.close();
        }

        @Test
        void aBearerTokenForThePullScopeOfTheRepository() throws IOException {
            CliRun run = scan(Map.of(), PASSWORD, "--insecure-registry", registry.host() + ",127.0.0.1",
                    "--insecure-registry", "127.0.0.1", "--no-cache", "--debug", "--username", USER,
                    "--password-stdin", registry.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(tokens.scopes()).contains("repository:" + DEMO + ":pull");
            assertThat(findings(run.out())).isNotEmpty();
            assertNoSecret(run, tokens.issued().toArray(String[]::new));
            assertNoSecret(run, PASSWORD);
        }

        @Test
        void anIdentityTokenFromDockerConfigIsExchangedForAnAccessToken() throws IOException {
            Path dockerDir = Files.createDirectories(work.resolve("docker-identity"));
            Files.writeString(dockerDir.resolve("config.json"), "{\"auths\":{\"" + registry.host()
                    + "\":{\"identitytoken\":\"" + TokenServer.IDENTITY_TOKEN + "\"}}}");
            CliRun run = scan(Map.of("DOCKER_CONFIG", dockerDir.toString()), "", "--insecure-registry", "127.0.0.1",
                    "--no-cache", "--debug", registry.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(findings(run.out())).isNotEmpty();
            assertNoSecret(run, TokenServer.IDENTITY_TOKEN);
            assertNoSecret(run, tokens.issued().toArray(String[]::new));
        }

        @Test
        void aWrongPasswordAtTheTokenServiceIsAClearErrorAndNoSecret() throws IOException {
            String wrong = "another-wrong-Pa55";
            CliRun run = scan(Map.of(), wrong, "--insecure-registry", registry.host(), "--insecure-registry",
                    "127.0.0.1", "--no-cache", "--username", USER, "--password-stdin",
                    registry.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("wrong username or password");
            assertNoSecret(run, wrong, PASSWORD);
        }

        @Test
        void aTokenRealmOverPlainHttpNeedsItsHostNamedInsecure() throws IOException {
            CliRun run = scan(Map.of(), PASSWORD, "--insecure-registry", registry.host(), "--no-cache",
                    "--username", USER, "--password-stdin", registry.host() + "/" + DEMO + ":1");
            assertThat(run.err()).contains("is not https");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tls {
        private TestCerts certs;
        private TestRegistry registry;

        @BeforeAll
        void start() throws Exception {
            certs = TestCerts.generate(work, "registry-tls");
            registry = TestRegistry.tls(storage, work, certs.certificate(), certs.key());
        }

        @AfterAll
        void stop() throws InterruptedException {
            registry.close();
        }

        @Test
        void verifiedWithTheGivenCa() throws IOException {
            CliRun run = scan("--registry-ca", certs.certificate().toString(), "--no-cache",
                    registry.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
            assertThat(findings(run.out())).isNotEmpty();
        }

        @Test
        void refusedWithoutTheCaUnlessNamedInsecure() throws IOException {
            CliRun run = scan("--no-cache", registry.host() + "/" + DEMO + ":1");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
            assertThat(run.err()).contains("TLS failed with " + registry.host()).contains("--registry-ca");
            CliRun insecure = scan("--insecure-registry", registry.host(), "--no-cache",
                    registry.host() + "/" + DEMO + ":1");
            assertThat(insecure.exitCode()).as(insecure.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED);
        }
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}

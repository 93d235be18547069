package dev.plimsoll.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.testkit.engine.EnginePki;
import dev.plimsoll.testkit.engine.EnginePki.KeyForm;
import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A TLS engine (dockerd --tlsverify: client certificates required) with certificates made by openssl. */
class EngineTlsTest {
    private static final String VERSION = "{\"Version\":\"27.3.1\"}";

    @TempDir
    static Path dir;
    static EnginePki pki;
    static SSLContext server;

    @BeforeAll
    static void pki() throws Exception {
        pki = EnginePki.create(dir);
        server = pki.serverContext();
    }

    private static EngineHttp.Response version(String host, EngineTls tls) throws EngineException {
        return new EngineHttp(EngineEndpoint.parse(host), Optional.of(tls.load()), Duration.ofSeconds(10))
                .get("/version", 1 << 16);
    }

    private static EngineTls verified(Path[] client) {
        return new EngineTls(true, dir.resolve("ca.pem"), Optional.of(client[0]), Optional.of(client[1]));
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void verifiedWithAClientCertificateInEveryKeyForm(KeyForm form) throws Exception {
        Path[] client = pki.client("client-" + form, form);
        try (FakeEngine engine = FakeEngine.tls(server, true)) {
            engine.route("/version", 200, VERSION, Framing.CHUNKED);
            for (String host : new String[]{"tcp://localhost:", "tcp://127.0.0.1:"}) {
                EngineHttp.Response response = version(host + engine.port(), verified(client));
                assertThat(response.status()).isEqualTo(200);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(VERSION);
            }
            assertThat(engine.requests.get(0)).contains("Host: localhost:" + engine.port() + "\r\n");
        }
    }

    @Test
    void anEngineSignedByAnotherCaIsRefused() throws Exception {
        Path[] client = pki.client("client-wrong-ca", KeyForm.PKCS8_RSA);
        Path otherCa = pki.otherCa("other-ca");
        try (FakeEngine engine = FakeEngine.tls(server, true)) {
            engine.route("/version", 200, VERSION, Framing.CHUNKED);
            EngineTls tls = new EngineTls(true, otherCa, Optional.of(client[0]), Optional.of(client[1]));
            assertThatThrownBy(() -> version("tcp://localhost:" + engine.port(), tls))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("TLS with the engine at tcp://localhost:" + engine.port() + " failed: the engine's"
                            + " certificate is not signed by the CA in " + otherCa)
                    .satisfies(e -> assertThat(((EngineException) e).unreachable()).isFalse());
            assertThat(engine.requests).isEmpty();
            // docker's --tls without --tlsverify encrypts without checking: the same engine then answers
            EngineTls unverified = new EngineTls(false, otherCa, Optional.of(client[0]), Optional.of(client[1]));
            assertThat(version("tcp://localhost:" + engine.port(), unverified).status()).isEqualTo(200);
        }
    }

    @Test
    void anEngineWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        Path[] client = pki.client("client-host", KeyForm.PKCS8_RSA);
        try (FakeEngine engine = FakeEngine.tls(pki.serverFor("elsewhere", "engine.example"), true)) {
            engine.route("/version", 200, VERSION, Framing.CHUNKED);
            assertThatThrownBy(() -> version("tcp://localhost:" + engine.port(), verified(client)))
                    .hasMessageContaining("failed: the engine's certificate is not for this host");
        }
    }

    @Test
    void withoutAClientCertificateTheEngineRefusesAndTheMessageSaysWhatIsMissing() throws Exception {
        try (FakeEngine engine = FakeEngine.tls(server, true)) {
            engine.route("/version", 200, VERSION, Framing.CHUNKED);
            EngineTls tls = new EngineTls(true, dir.resolve("ca.pem"), Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> version("tcp://localhost:" + engine.port(), tls))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("it may require a client certificate: --tlscert and --tlskey");
            assertThat(engine.requests).isEmpty();
        }
    }

    @Test
    void resolvesAsTheDockerCliDoes() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("docker-cert-path"));
        Path home = Files.createDirectories(dir.resolve("home"));
        assertThat(EngineTls.resolve(EngineTls.Flags.NONE, Map.of(), home)).isEmpty();
        assertThat(EngineTls.resolve(EngineTls.Flags.NONE, Map.of("DOCKER_TLS_VERIFY", ""), home)).isEmpty();

        // DOCKER_TLS_VERIFY and DOCKER_CERT_PATH: the default files there; absent client files are left out
        assertThat(EngineTls.resolve(EngineTls.Flags.NONE, Map.of("DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()), home))
                .contains(new EngineTls(true, certs.resolve("ca.pem"), Optional.empty(), Optional.empty()));
        Path[] client = pki.client("client-env", KeyForm.SEC1_EC);
        Files.copy(client[0], certs.resolve("cert.pem"));
        Files.copy(client[1], certs.resolve("key.pem"));
        Files.copy(dir.resolve("ca.pem"), certs.resolve("ca.pem"));
        Optional<EngineTls> fromEnv = EngineTls.resolve(EngineTls.Flags.NONE, Map.of("DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()), home);
        assertThat(fromEnv).contains(new EngineTls(true, certs.resolve("ca.pem"),
                Optional.of(certs.resolve("cert.pem")), Optional.of(certs.resolve("key.pem"))));
        try (FakeEngine engine = FakeEngine.tls(server, true)) {
            engine.route("/version", 200, VERSION, Framing.CONTENT_LENGTH);
            assertThat(version("tcp://localhost:" + engine.port(), fromEnv.orElseThrow()).status()).isEqualTo(200);
        }

        // without DOCKER_CERT_PATH: ~/.docker; --tls alone does not verify; --tlsverify implies --tls
        assertThat(EngineTls.resolve(new EngineTls.Flags(true, false, Optional.empty(), Optional.empty(),
                Optional.empty()), Map.of(), home))
                .contains(new EngineTls(false, home.resolve(".docker/ca.pem"), Optional.empty(), Optional.empty()));
        assertThat(EngineTls.resolve(new EngineTls.Flags(false, true, Optional.of(Path.of("/x/ca.pem")),
                Optional.of(Path.of("/x/c.pem")), Optional.of(Path.of("/x/k.pem"))), Map.of(), home))
                .contains(new EngineTls(true, Path.of("/x/ca.pem"), Optional.of(Path.of("/x/c.pem")),
                        Optional.of(Path.of("/x/k.pem"))));
        assertThat(EngineTls.resolve(EngineTls.Flags.NONE, Map.of("DOCKER_TLS", "1"), home))
                .hasValueSatisfying(t -> assertThat(t.verifyServer()).isFalse());
    }

    @Test
    void badFilesAreNamedWithTheReasonAndNeverQuoted() throws Exception {
        Path[] client = pki.client("client-bad", KeyForm.PKCS1_RSA);
        Path ca = dir.resolve("ca.pem");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> new EngineTls(true, missing, Optional.empty(), Optional.empty()).load())
                .hasMessage(missing + " (--tlscacert): no such file");

        Path notAKey = dir.resolve("not-a-key.pem");
        String secretish = "-----BEGIN RSA PRIVATE KEY-----\nTUlJRXBBSUJBQUtDQVFFQXNlY3JldHNlY3JldA==\n"
                + "-----END RSA PRIVATE KEY-----\n";
        Files.writeString(notAKey, secretish);
        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.of(notAKey)).load())
                .hasMessage(notAKey + " (--tlskey): not a readable PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TUlJ"));

        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.of(ca)).load())
                .hasMessageStartingWith(ca + " (--tlskey): no PEM private key in it");
        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[1]), Optional.of(client[1])).load())
                .hasMessage(client[1] + " (--tlscert): not a PEM certificate");

        Path[] other = pki.client("client-other", KeyForm.PKCS8_RSA);
        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.of(other[1])).load())
                .hasMessage(other[1] + " (--tlskey): not the key of the certificate in " + client[0]);
        Path[] ec = pki.client("client-ec-mismatch", KeyForm.PKCS8_EC);
        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.of(ec[1])).load())
                .hasMessageContaining("a EC key, but the certificate in " + client[0] + " holds a RSA key");

        Path encrypted = dir.resolve("encrypted.pem");
        Process p = new ProcessBuilder("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                "-aes256", "-pass", "pass:secret", "-out", encrypted.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.of(encrypted)).load())
                .hasMessage(encrypted + " (--tlskey): the key is encrypted; docker needs it unencrypted too");

        assertThatThrownBy(() -> new EngineTls(true, ca, Optional.of(client[0]), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

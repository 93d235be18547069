package dev.plimsoll.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineHttpTest {
    @TempDir
    Path dir;

    private EngineHttp http(Path socket, Duration timeout) {
        return new EngineHttp(EngineEndpoint.parse("unix://" + socket), Optional.empty(), timeout);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void readsBodiesInEveryFraming() throws Exception {
        Path socket = dir.resolve("docker.sock");
        byte[] binary = randomBytes(300_000);
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/length", 200, binary, Framing.CONTENT_LENGTH)
                    .route("/chunked", 200, binary, Framing.CHUNKED)
                    .route("/close", 201, binary, Framing.UNTIL_CLOSE)
                    .route("/empty", 204, new byte[0], Framing.CONTENT_LENGTH);
            EngineHttp http = http(socket, Duration.ofSeconds(5));
            assertThat(http.get("/length", 1 << 20).body()).isEqualTo(binary);
            assertThat(http.get("/chunked", 1 << 20).body()).isEqualTo(binary);
            EngineHttp.Response close = http.get("/close", 1 << 20);
            assertThat(close.status()).isEqualTo(201);
            assertThat(close.body()).isEqualTo(binary);
            assertThat(http.get("/empty", 10).body()).isEmpty();
            assertThat(http.get("/nope", 1000).status()).isEqualTo(404);
            assertThat(engine.requests.get(0)).startsWith("GET /length HTTP/1.1\r\n").contains("Host: docker\r\n")
                    .contains("Connection: close\r\n");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/big", 200, randomBytes(2000), Framing.CONTENT_LENGTH)
                    .route("/bigchunks", 200, randomBytes(2000), Framing.CHUNKED);
            EngineHttp http = http(socket, Duration.ofSeconds(5));
            assertThatThrownBy(() -> http.get("/big", 1999)).hasMessage("GET /big: response body larger than 1999"
                    + " bytes");
            assertThatThrownBy(() -> http.get("/bigchunks", 1999)).hasMessageContaining("larger than 1999 bytes");
            assertThat(http.get("/big", 2000).body()).hasSize(2000);
        }
    }

    @Test
    void aStreamedBodyCutShortIsAnErrorNotAnEnd() throws Exception {
        Path socket = dir.resolve("docker.sock");
        byte[] binary = randomBytes(200_000);
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/whole", 200, binary, Framing.CHUNKED).route("/cut", 200, binary, Framing.TRUNCATED);
            EngineHttp http = http(socket, Duration.ofSeconds(5));
            try (EngineHttp.Streamed whole = http.stream("/whole")) {
                assertThat(whole.status()).isEqualTo(200);
                assertThat(whole.body().readAllBytes()).isEqualTo(binary);
            }
            try (EngineHttp.Streamed cut = http.stream("/cut")) {
                InputStream body = cut.body();
                assertThatThrownBy(body::readAllBytes).isInstanceOf(java.io.EOFException.class)
                        .hasMessage("connection closed before the end of the response");
            }
            assertThatThrownBy(() -> http.get("/cut", 1 << 20))
                    .hasMessage("GET /cut: connection closed before the end of the response");
        }
    }

    @Test
    void aSilentEngineTimesOut() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/info", 200, "{}", Framing.NEVER_ANSWER);
            EngineHttp http = http(socket, Duration.ofMillis(300));
            assertThatThrownBy(() -> http.get("/info", 1024)).isInstanceOf(EngineException.class)
                    .hasMessageContaining("GET /info: timed out after 300 ms")
                    .satisfies(e -> assertThat(((EngineException) e).unreachable()).isFalse());
        }
    }

    @Test
    void noEngineIsUnreachableNamingTheSocket() {
        Path absent = dir.resolve("absent.sock");
        assertThatThrownBy(() -> http(absent, Duration.ofSeconds(1)).get("/info", 10))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot reach the engine at unix://" + absent)
                .satisfies(e -> assertThat(((EngineException) e).unreachable()).isTrue());
    }

    @Test
    void somethingThatIsNotHttpIsExplained() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = server.accept()) {
                    // what a TLS engine sends to a plain request: an alert record
                    s.getOutputStream().write(new byte[]{0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46, '\r', '\n'});
                } catch (IOException ignored) {
                    // the test fails on the client side if this does
                }
            });
            EngineHttp http = new EngineHttp(EngineEndpoint.parse("tcp://127.0.0.1:" + server.getLocalPort()),
                    Optional.empty(), Duration.ofSeconds(5));
            assertThatThrownBy(() -> http.get("/version", 1000)).hasMessageContaining("not an HTTP response")
                    .hasMessageContaining("--tlsverify");
        }
    }

    @Test
    void requestPathsAreChecked() {
        EngineHttp http = http(dir.resolve("docker.sock"), Duration.ofSeconds(1));
        assertThatThrownBy(() -> http.get("/images/a b/json", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.get("/x\r\nHost: evil", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.get("relative", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlsIsForTcpEnginesOnly() {
        EngineTls tls = new EngineTls(true, dir.resolve("ca.pem"), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> new EngineHttp(EngineEndpoint.parse("unix:///var/run/docker.sock"),
                Optional.of(new EngineTls.Context(tls, javax.net.ssl.SSLContext.getDefault())), Duration.ofSeconds(1)))
                .hasMessageContaining("TLS applies to tcp:// engines only");
    }

    @Test
    void parsesDockerHostValues() {
        assertThat(EngineEndpoint.parse("tcp://10.0.0.5:2375").address())
                .isEqualTo(InetSocketAddress.createUnresolved("10.0.0.5", 2375));
        assertThat(EngineEndpoint.parse("tcp://[::1]:2375").address())
                .isEqualTo(InetSocketAddress.createUnresolved("::1", 2375));
        assertThat(EngineEndpoint.parse("tcp://[::1]").address())
                .isEqualTo(InetSocketAddress.createUnresolved("::1", 2375));
        assertThat(EngineEndpoint.parse("tcp://docker").address())
                .isEqualTo(InetSocketAddress.createUnresolved("docker", 2375));
        assertThat(EngineEndpoint.parse("tcp://docker:2376").tcpHost()).contains("docker");
        assertThat(EngineEndpoint.parse("unix:///run/podman/podman.sock").tcpHost()).isEmpty();
        assertThatThrownBy(() -> EngineEndpoint.parse("tcp://1.2.3.4:5:6")).hasMessageContaining("bad port");
        assertThatThrownBy(() -> EngineEndpoint.parse("ssh://me@host")).hasMessageContaining("expected unix://");
        assertThatThrownBy(() -> EngineEndpoint.parse("unix://relative.sock")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> EngineEndpoint.parse("tcp://h:port")).hasMessageContaining("bad port");
    }
}

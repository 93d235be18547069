package dev.plimsoll.check.cis.input.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.Fixtures;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineClientTest {
    private static final String WEB = "8f2c1a9e4b7d3c6e5f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd";
    private static final String DB = "5e0b7c3d2a1f5e0b7c3d2a1f";
    private static final String BROKEN = "0123456789ab";
    private static final String FAILING = "ba9876543210";

    @TempDir
    Path dir;

    private EngineClient client(Path socket) {
        return new EngineClient(EngineEndpoint.parse("unix://" + socket), Duration.ofSeconds(5), 1024 * 1024);
    }

    private static String inspectObject(String fixture, int index) throws IOException {
        String array = Files.readString(Fixtures.path("inspect/" + fixture));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(array).get(index).toString();
    }

    @Test
    void readsEveryRunningContainerAndReportsTheOnesItCannot() throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/containers/json", 200, "[{\"Id\":\"" + WEB + "\"},{\"Id\":\"" + DB + "\"},{\"Id\":\""
                            + BROKEN + "\"},{\"Id\":\"" + FAILING + "\"},{\"Id\":\"../../etc\"}]", Framing.CHUNKED)
                    .route("/containers/" + WEB + "/json", 200, inspectObject("two-containers.json", 0),
                            Framing.CONTENT_LENGTH)
                    .route("/containers/" + DB + "/json", 200,
                            Files.readString(Fixtures.path("inspect/engine-api-object.json")), Framing.UNTIL_CLOSE)
                    .route("/containers/" + BROKEN + "/json", 200, "{\"Name\": \"/half\", \"HostConfig\": {",
                            Framing.CONTENT_LENGTH)
                    .route("/containers/" + FAILING + "/json", 500,
                            "{\"message\":\"container " + FAILING + ": driver failed\"}", Framing.CONTENT_LENGTH);

            Loaded<RunConfig> loaded = client(socket).containers();

            assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("web", "db");
            assertThat(loaded.items().get(0).capDrop()).containsExactly("ALL");
            assertThat(loaded.items().get(0).origin()).isEqualTo("Docker Engine API /containers/" + WEB + "/json");
            assertThat(loaded.problems()).extracting(InputProblem::where).containsExactly(
                    "GET /containers/" + BROKEN + "/json", "GET /containers/" + FAILING + "/json",
                    "GET /containers/json");
            assertThat(loaded.problems().get(2).reason()).contains("invalid id \"../../etc\"");
            assertThat(loaded.problems().get(0).reason()).contains("not valid JSON");
            assertThat(loaded.problems().get(1).reason())
                    .isEqualTo("GET /containers/" + FAILING + "/json: HTTP 500: container " + FAILING
                            + ": driver failed");
            // the invalid id was never requested
            assertThat(engine.requests).noneMatch(r -> r.contains(".."));
            assertThat(engine.requests.get(0)).startsWith("GET /containers/json HTTP/1.1\r\n").contains("Host: ");
        }
    }

    @Test
    void infoAndVersion() throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/info", 200, "{\"SecurityOptions\":[\"name=seccomp,profile=builtin\",\"name=userns\"],"
                            + "\"LiveRestoreEnabled\":true}", Framing.CHUNKED)
                    .route("/version", 200, "{\"Version\":\"27.3.1\",\"ApiVersion\":\"1.47\"}",
                            Framing.CONTENT_LENGTH);
            EngineClient client = client(socket);
            assertThat(client.info()).hasValueSatisfying(info -> {
                assertThat(info.path("LiveRestoreEnabled").asBoolean()).isTrue();
                assertThat(info.path("SecurityOptions")).hasSize(2);
            });
            assertThat(client.version()).hasValueSatisfying(v -> assertThat(v.path("Version").asText())
                    .isEqualTo("27.3.1"));
        }
    }

    @Test
    void errorsAreExplained() throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/containers/json", 500, "{\"message\":\"Internal Server Error\"}", Framing.CHUNKED)
                    .route("/info", 200, "not json", Framing.CONTENT_LENGTH)
                    .route("/big", 200, "[" + "1,".repeat(600_000) + "1]", Framing.CONTENT_LENGTH)
                    .route("/bigchunks", 200, "[" + "1,".repeat(600_000) + "1]", Framing.CHUNKED);
            EngineClient client = client(socket);
            Loaded<RunConfig> loaded = client.containers();
            assertThat(loaded.items()).isEmpty();
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("Docker Engine API (unix://" + socket + ")");
                assertThat(p.reason()).isEqualTo("GET /containers/json: HTTP 500: Internal Server Error");
            });
            assertThat(client.info()).isEmpty();
            assertThatThrownBy(() -> client.getJson("/info")).hasMessageContaining("not valid JSON (line 1");
            assertThatThrownBy(() -> client.getJson("/big")).hasMessageContaining("larger than 1048576 bytes");
            assertThatThrownBy(() -> client.getJson("/bigchunks")).hasMessageContaining("larger than 1048576 bytes");
            assertThatThrownBy(() -> client.getJson("/nope")).hasMessage("GET /nope: HTTP 404: page not found");
        }
    }

    @Test
    void noEngineIsAProblemNamingTheSocket() {
        Loaded<RunConfig> loaded = client(dir.resolve("absent.sock")).containers();
        assertThat(loaded.problems()).singleElement().satisfies(p ->
                assertThat(p.reason()).startsWith("cannot reach the engine at unix://" + dir.resolve("absent.sock")));
    }

    @Test
    void stoppedContainersOnRequest() throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/containers/json", 200, "[]", Framing.CONTENT_LENGTH)
                    .route("/containers/json?all=1", 200, "[{\"Id\":\"" + DB + "\"}]", Framing.CONTENT_LENGTH)
                    .route("/containers/" + DB + "/json", 200,
                            Files.readString(Fixtures.path("inspect/engine-api-object.json")), Framing.CHUNKED);
            assertThat(client(socket).containers().items()).isEmpty();
            assertThat(client(socket).containers(true).items()).extracting(RunConfig::name).containsExactly("db");
        }
    }
}

package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.testkit.engine.FakeEngine;
import dev.plimsoll.testkit.engine.FakeEngine.Framing;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll image bench/java-app:1} from a local engine: a fake Engine API streams the bench docker-archive as
 * {@code GET /images/bench/java-app:1/get} would. The same packages and findings as the archive, and a warm second
 * scan that reuses the analysis from the layer cache. Runs with -Pbench (bin/test).
 */
class EngineBenchIT {
    @TempDir
    Path work;

    @Test
    void javaAppFromAnEngineGivesWhatTheArchiveGives() throws Exception {
        Path archive = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/java-app.tar");
        assertThat(archive).as("the bench images (bin/test builds them)").isRegularFile();
        Path socket = work.resolve("docker.sock");
        try (FakeEngine engine = new FakeEngine(socket)) {
            engine.route("/images/bench/java-app:1/json", 200, "{\"Id\":\"sha256:" + "1".repeat(64) + "\"}",
                            Framing.CONTENT_LENGTH)
                    .route("/images/bench/java-app:1/get", 200, archive, Framing.CHUNKED);
            CliRun fromTar = CliRun.image("-f", "json", archive.toString());
            Console.Host host = new Console.Host(new ByteArrayInputStream(new byte[0]),
                    Map.of("XDG_CACHE_HOME", work.resolve("cache").toString(), "DOCKER_HOST", "unix://" + socket),
                    work, work, "Linux");
            List<String> args = List.of("image", "--db", CliRun.sampleDb().toString(), "-f", "json", "--debug",
                    "--image-src", "docker", "bench/java-app:1");
            CliRun cold = CliRun.in(host, args.toArray(String[]::new));
            assertThat(cold.exitCode()).as(cold.err()).isEqualTo(fromTar.exitCode());
            assertThat(RegistryScanTest.packages(cold.out())).isNotEmpty()
                    .isEqualTo(RegistryScanTest.packages(fromTar.out()));
            assertThat(RegistryScanTest.findings(cold.out())).isEqualTo(RegistryScanTest.findings(fromTar.out()));
            assertThat(cold.err()).contains("layer cache: 0 layers replayed, 3 layers read from the image");

            CliRun warm = CliRun.in(host, args.toArray(String[]::new));
            assertThat(warm.err()).contains("analysis cache: this image's analysis reused, none of its 3 layers read");
            assertThat(RegistryScanTest.findings(warm.out())).isEqualTo(RegistryScanTest.findings(cold.out()));
            assertThat(engine.paths()).containsExactly("/images/bench/java-app:1/json", "/images/bench/java-app:1/get",
                    "/images/bench/java-app:1/json", "/images/bench/java-app:1/get");
        }
    }
}

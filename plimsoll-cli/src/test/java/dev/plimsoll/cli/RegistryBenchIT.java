package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cli.registry.TestRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll image 127.0.0.1:PORT/bench/java-app:1} from the real registry, the image pushed there by skopeo
 * from the bench docker-archive (skopeo compresses the layers): the same packages and findings as the archive,
 * and a warm second scan that reuses the analysis from the cache. Runs with -Pbench (bin/test).
 */
class RegistryBenchIT {
    @TempDir
    Path work;

    @Test
    void javaAppFromTheRegistryGivesWhatTheArchiveGives() throws Exception {
        Path archive = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/java-app.tar");
        assertThat(archive).as("the bench images (bin/test builds them)").isRegularFile();
        Path storage = Files.createDirectories(work.resolve("storage"));
        try (TestRegistry registry = TestRegistry.plain(storage, work)) {
            String ref = registry.host() + "/bench/java-app:1";
            Process skopeo = new ProcessBuilder("skopeo", "copy", "-q", "docker-archive:" + archive,
                    "docker://" + ref, "--dest-tls-verify=false").redirectErrorStream(true).start();
            String output = new String(skopeo.getInputStream().readAllBytes());
            assertThat(skopeo.waitFor()).as(output).isZero();

            CliRun fromTar = CliRun.image("-f", "json", archive.toString());
            Console.Host host = new Console.Host(new ByteArrayInputStream(new byte[0]),
                    Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), work, work, "Linux");
            List<String> args = List.of("image", "--db", CliRun.sampleDb().toString(), "-f", "json", "--debug",
                    "--insecure-registry", registry.host(), ref);
            CliRun cold = CliRun.in(host, args.toArray(String[]::new));
            assertThat(cold.exitCode()).as(cold.err()).isEqualTo(fromTar.exitCode());
            assertThat(RegistryScanTest.packages(cold.out())).isNotEmpty()
                    .isEqualTo(RegistryScanTest.packages(fromTar.out()));
            assertThat(RegistryScanTest.findings(cold.out())).isEqualTo(RegistryScanTest.findings(fromTar.out()));
            assertThat(cold.err()).contains("layer cache: 0 layers replayed, 3 layers read from the image");

            CliRun warm = CliRun.in(host, args.toArray(String[]::new));
            assertThat(warm.err()).contains("analysis cache: this image's analysis reused, none of its 3 layers read");
            assertThat(RegistryScanTest.findings(warm.out())).isEqualTo(RegistryScanTest.findings(cold.out()));
            assertThat(RegistryScanTest.packages(warm.out())).isEqualTo(RegistryScanTest.packages(cold.out()));
        } catch (IOException e) {
            throw new AssertionError("the registry test needs docker-registry and skopeo (.ci/run installs them)", e);
        }
    }
}

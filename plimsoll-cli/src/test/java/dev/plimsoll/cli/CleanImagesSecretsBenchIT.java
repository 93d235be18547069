package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bench images with nothing planted hold no secret: a secret scan of a stock Debian, Alpine-like, Rocky-like,
 * Go or Java image reports none (the image's distribution files, logs, licences and interpreters' libraries are full
 * of password-looking lines). Runs with -Pbench (bin/test passes -Dplimsoll.bench.dir).
 */
class CleanImagesSecretsBenchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"debian-bookworm", "good-practices", "java-app", "go-binaries", "alpine-like", "rpm-like",
        "rpm-like-bdb"})
    void noSecretInAStockImage(String name) throws IOException {
        Path image = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/" + name + ".tar");
        assertThat(image).as("the bench images (bin/test builds them)").isRegularFile();
        CliRun run = CliRun.of("image", "--scanners", "secret", "-f", "json", image.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
        List<String> secrets = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            if (f.path("kind").asText().equals("SECRET")) {
                secrets.add(f.path("id").asText() + " " + f.path("location").path("path").asText() + ":"
                        + f.path("location").path("line").asText());
            }
        }
        assertThat(secrets).isEmpty();
    }
}

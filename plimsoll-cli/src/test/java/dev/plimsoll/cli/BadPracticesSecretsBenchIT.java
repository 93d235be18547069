package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code plimsoll image} on the bad-practices bench image gives the ground truth of its planted fake secrets
 * (../shared/bench/images/truth/bad-practices.secrets.tsv: fixed seed, so the committed truth holds for every build):
 * the files of layer 3 (/app/.env, /app/.aws-*, /app/config.yaml, /root/.ssh/id_rsa), the file layer 4 copied and
 * layer 5 deleted (found, WHITED_OUT, in layer index 3), and the AWS pair in the config's Env. Each at its line, with
 * the planted value's length in the masked form. Runs with -Pbench (bin/test passes -Dplimsoll.bench.dir).
 */
class BadPracticesSecretsBenchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TRUTH = Path.of("..", "..", "shared", "bench", "images", "truth",
            "bad-practices.secrets.tsv");

    @Test
    void plantedSecretsAreFound() throws IOException {
        Path image = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/bad-practices.tar");
        assertThat(image).as("the bench images (bin/test builds them)").isRegularFile();
        Path truth = Path.of(System.getProperty("plimsoll.bench.truth", TRUTH.toString()));
        assertThat(truth).as("the committed truth of the bench images").isRegularFile();

        CliRun run = CliRun.image("-f", "json", image.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
        List<JsonNode> secrets = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            if (f.path("kind").asText().equals("SECRET")) {
                secrets.add(f);
            }
        }
        List<String> missing = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(truth)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            rows++;
            String[] c = line.split("\t");
            String where = c[0];
            int lineNo = Integer.parseInt(c[1]);
            String kind = c[2];
            int length = Integer.parseInt(c[4]);
            String squashed = c[5];
            boolean found = secrets.stream().anyMatch(f -> matches(f, where, lineNo, kind, length, squashed));
            if (!found) {
                missing.add(line);
            }
        }
        assertThat(rows).isEqualTo(10);
        assertThat(missing).as("truth rows without a finding, among " + secrets.size() + " secret findings")
                .isEmpty();
    }

    private static boolean matches(JsonNode f, String where, int line, String kind, int length, String squashed) {
        JsonNode loc = f.path("location");
        String path = loc.path("path").asText();
        String masked = f.path("maskedMatch").asText();
        boolean keyRow = kind.endsWith("private-key");
        boolean lengthOk = keyRow ? f.path("id").asText().contains("private-key") : masked.endsWith("(" + length
                + " chars)");
        if (where.startsWith("config:Env:")) {
            return path.startsWith("image config: Env[") && path.endsWith("] " + where.substring(11)) && lengthOk;
        }
        String file = where.contains("@layer") ? where.substring(0, where.indexOf("@layer")) : where;
        if (!path.equals(file) || loc.path("line").asInt() != line || !lengthOk) {
            return false;
        }
        if (squashed.equals("no")) {
            // "@layer4" counts from 1, as the README's layer list does; the report's index counts from 0
            int layer = Integer.parseInt(where.substring(where.indexOf("@layer") + 6)) - 1;
            return !f.path("visibility").asText().equals("VISIBLE") && loc.path("layer").path("index").asInt() == layer;
        }
        return f.path("visibility").asText().equals("VISIBLE");
    }
}

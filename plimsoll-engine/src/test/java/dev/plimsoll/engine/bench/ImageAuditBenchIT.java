package dev.plimsoll.engine.bench;

import static dev.plimsoll.check.cis.CheckStatus.FAIL;
import static dev.plimsoll.check.cis.CheckStatus.INFO;
import static dev.plimsoll.check.cis.CheckStatus.NOTE;
import static dev.plimsoll.check.cis.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.AuditResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.image.ImageAudit;
import dev.plimsoll.check.cis.image.ImageAuditFacts;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.engine.audit.ImageAuditCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CIS section 4 on the bad-practices and good-practices bench images (../shared/bench/images/README.md), from the
 * docker-archive and the OCI layout: the verdict of every check, the setuid/setgid files of the truth
 * (truth/NAME.setuid.tsv), the ADD in bad-practices' history and its AWS keys in Env, masked. Runs with -Pbench;
 * bin/test builds the images and passes -Dplimsoll.bench.dir.
 */
class ImageAuditBenchIT {
    private static final Map<String, CheckStatus> MANUAL = Map.of("4.2", NOTE, "4.3", NOTE, "4.4", NOTE,
            "4.5", NOTE, "4.11", NOTE, "4.12", NOTE);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bad-practices.tar", "bad-practices.oci"})
    void badPracticesFail(String file) throws IOException {
        Map<String, AuditResult> results = audit(file);
        Map<String, CheckStatus> expected = new TreeMap<>(MANUAL);
        expected.putAll(Map.of("4.1", FAIL, "4.6", FAIL, "4.7", PASS, "4.8", INFO, "4.9", FAIL, "4.10", FAIL));
        assertThat(statuses(results)).isEqualTo(expected);

        assertThat(results.get("4.1").result().evidence()).extracting(Evidence::value).containsExactly("root");
        assertThat(results.get("4.9").result().evidence()).extracting(Evidence::value)
                .containsExactly("ADD https://example.com/app.tar.gz /app");
        assertThat(setuidPaths(results)).isEqualTo(truthSetuid("bad-practices"));

        List<Evidence> secrets = results.get("4.10").result().evidence();
        assertThat(secrets).extracting(Evidence::source).anyMatch(s -> s.contains("AWS_ACCESS_KEY_ID"))
                .anyMatch(s -> s.contains("AWS_SECRET_ACCESS_KEY"));
        Set<String> plantedHashes = plantedEnvHashes();
        assertThat(plantedHashes).hasSize(2);
        for (Evidence e : secrets) {
            assertThat(plantedHashes).as("evidence shows a planted value in clear").doesNotContain(sha256(e.value()));
            for (String word : e.toString().split("[\\s=:\"]+")) {
                assertThat(plantedHashes).doesNotContain(sha256(word));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"good-practices.tar", "good-practices.oci"})
    void goodPracticesPass(String file) throws IOException {
        Map<String, AuditResult> results = audit(file);
        Map<String, CheckStatus> expected = new TreeMap<>(MANUAL);
        // the Debian base keeps its setuid files (passwd, su...): INFO for review, not a failure
        expected.putAll(Map.of("4.1", PASS, "4.6", PASS, "4.7", PASS, "4.8", INFO, "4.9", PASS, "4.10", PASS));
        assertThat(statuses(results)).isEqualTo(expected);

        assertThat(results.get("4.1").result().evidence()).extracting(Evidence::value).containsExactly("10001:10001");
        assertThat(results.get("4.6").result().evidence()).extracting(Evidence::value)
                .containsExactly("CMD-SHELL test -x /app/start.sh");
        assertThat(setuidPaths(results)).isEqualTo(truthSetuid("good-practices"));
    }

    private static Map<String, AuditResult> audit(String file) throws IOException {
        ImageSource source = ImageSource.parse(BenchDir.images().resolve(file).toString());
        Loaded<ImageAuditFacts> facts = ImageAuditCollector.standard().collect(source, Platform.LINUX_AMD64);
        assertThat(facts.problems()).isEmpty();
        TargetAudit audit = ImageAudit.audit(facts.items().get(0));
        Map<String, AuditResult> byId = new LinkedHashMap<>();
        audit.results().forEach(r -> byId.put(r.check().id(), r));
        return byId;
    }

    private static Map<String, CheckStatus> statuses(Map<String, AuditResult> results) {
        Map<String, CheckStatus> out = new TreeMap<>();
        results.forEach((id, r) -> out.put(id, r.result().status()));
        return out;
    }

    private static List<String> setuidPaths(Map<String, AuditResult> results) {
        return results.get("4.8").result().evidence().stream().map(Evidence::source).toList();
    }

    private static List<String> truthSetuid(String image) throws IOException {
        return BenchDir.truthRows(image + ".setuid").stream().map(r -> r.get(0)).sorted().toList();
    }

    /** The SHA-256 digests truth.sh wrote for the planted AWS values ("NAME=sha256:HEX" in the config truth). */
    private static Set<String> plantedEnvHashes() throws IOException {
        String config = java.nio.file.Files.readString(BenchDir.truth().resolve("bad-practices.config.json"));
        return java.util.regex.Pattern.compile("AWS_[A-Z_]+=sha256:([0-9a-f]{64})").matcher(config).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.plimsoll.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void isTheSha256OfTheUtf8PartsEachFollowedByANulByte() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("compliance\0CIS-DOCKER-5.4\0Deployment/ns/app/é (k8s.yaml)\0\0".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(md.digest());

        assertThat(Fingerprint.of("compliance", "CIS-DOCKER-5.4", "Deployment/ns/app/é (k8s.yaml)", "").value())
                .isEqualTo(expected);
    }

    @Test
    void aMissingPartCountsAsEmptyAndPartsKeepTheirBoundaries() {
        assertThat(Fingerprint.of("a", null, "b")).isEqualTo(Fingerprint.of("a", "", "b"));
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
    }

    @Test
    void consecutiveAndConcurrentFingerprintsDoNotShareDigestState() {
        Fingerprint first = Fingerprint.of("x", "y");
        Fingerprint.of("something", "else");
        assertThat(Fingerprint.of("x", "y")).isEqualTo(first);

        List<String> serial = IntStream.range(0, 2_000).mapToObj(i -> Fingerprint.of("rule", "t" + i).value()).toList();
        List<String> parallel = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> Fingerprint.of("rule", "t" + i).value()).toList();
        assertThat(parallel).isEqualTo(serial);
    }
}

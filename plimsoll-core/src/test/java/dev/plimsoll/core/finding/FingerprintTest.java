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

    /** The UTF-8 encoding the JDK gives, any text: non-ASCII, lone surrogates (as '?'), parts of every length. */
    @Test
    void agreesWithTheJdksEncodingAndHexForAnyText() throws Exception {
        java.util.Random random = new java.util.Random(9);
        char[] alphabet = {'a', 'Z', '0', '/', ' ', '\0', '\u007f', '\u0080', 'é', '\u20ac', '\ud83d', '\ude00', '\uffff'};
        for (int round = 0; round < 3_000; round++) {
            String[] parts = new String[random.nextInt(5)];
            StringBuilder joined = new StringBuilder();
            for (int p = 0; p < parts.length; p++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(300);
                StringBuilder sb = new StringBuilder(length);
                boolean ascii = random.nextBoolean();
                for (int i = 0; i < length; i++) {
                    sb.append(ascii ? (char) ('a' + random.nextInt(26)) : alphabet[random.nextInt(alphabet.length)]);
                }
                parts[p] = sb.toString();
                joined.append(parts[p]).append('\0');
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(joined.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(Fingerprint.of(parts).value()).isEqualTo(HexFormat.of().formatHex(md.digest()));
        }
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

package dev.plimsoll.check.secrets.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static String random(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(B62.charAt(r.nextInt(62)));
        }
        return sb.toString();
    }

    @Test
    void githubAndNpmTokensWithTheirChecksumPass() {
        Random r = new Random(7);
        for (String prefix : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"}) {
            String body = random(r, 30);
            String token = prefix + body + Base62Crc32.checksum(body);
            assertThat(token).hasSize(40);
            assertThat(Base62Crc32.valid(token)).as(prefix).isTrue();
        }
    }

    @Test
    void lookAlikesFailTheChecksum() {
        Random r = new Random(8);
        String body = random(r, 30);
        String good = "ghp_" + body + Base62Crc32.checksum(body);
        char last = good.charAt(39);
        String flipped = good.substring(0, 39) + (last == 'a' ? 'b' : 'a');
        assertThat(Base62Crc32.valid(flipped)).isFalse();
        assertThat(Base62Crc32.valid("ghp_" + "x".repeat(36))).isFalse();
        assertThat(Base62Crc32.valid("ghp_" + random(r, 36))).isFalse();
        assertThat(Base62Crc32.valid("no-underscore")).isFalse();
        assertThat(Base62Crc32.valid("ghp_abc")).isFalse();
        assertThat(Base62Crc32.valid("ghp_" + body + "!!!!!!")).isFalse();
    }

    @Test
    void checksumIsZeroPaddedBase62() {
        assertThat(Base62Crc32.checksum("")).isEqualTo("000000");   // CRC32 of nothing is 0
    }

    @Test
    void jwtNeedsAHeaderWithAlg() {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b.encodeToString("{\"sub\":\"42\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Jwt.valid(header + "." + payload + ".c2lnbmF0dXJl")).isTrue();
        String noAlg = b.encodeToString("{\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Jwt.valid(noAlg + "." + payload + ".c2ln")).isFalse();
        assertThat(Jwt.valid("eyJub3Rqc29u.eyJ4IjoxfQ.sig")).isFalse();
        assertThat(Jwt.valid("1.2.3")).isFalse();
        assertThat(Jwt.valid(header + "." + payload)).isFalse();
        assertThat(Jwt.valid("%%%.%%%.%%%")).isFalse();
    }

    @Test
    void pemNeedsMatchingLabelsAndAPlausibleBase64Body() {
        String body = random(new Random(9), 64 * 20);
        StringBuilder sb = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            sb.append(body, i, i + 64).append('\n');
        }
        String good = sb + "-----END RSA PRIVATE KEY-----";
        assertThat(Pem.valid(good)).isTrue();
        assertThat(Pem.valid(good.replace("END RSA", "END EC"))).isFalse();
        assertThat(Pem.valid("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----")).isFalse();
        assertThat(Pem.valid("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")).isFalse();
        assertThat(Pem.valid(good.replace('A', '!'))).isFalse();
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n"
                + body + "\n-----END RSA PRIVATE KEY-----";
        assertThat(Pem.valid(encrypted)).as("armor headers are skipped").isTrue();
        assertThat(Pem.valid(good.replace("\n", "\\n"))).as("escaped line breaks").isTrue();
    }

    @Test
    void registryIsImmutableAndExtensible() {
        Validators builtin = Validators.builtin();
        assertThat(builtin.names()).contains("github-crc32", "npm-crc32", "jwt", "pem");
        Validators more = builtin.with("even-length", s -> s.length() % 2 == 0);
        assertThat(more.get("even-length")).isPresent();
        assertThat(builtin.get("even-length")).isEmpty();
        assertThat(more.get("even-length").orElseThrow().valid("ab")).isTrue();
    }
}

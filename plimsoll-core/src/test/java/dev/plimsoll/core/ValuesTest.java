package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Platform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final String HEX = "a".repeat(64);

    @Test
    void digestsAreValidatedOnConstruction() {
        assertThat(Digest.parse("sha256:" + HEX).hex()).isEqualTo(HEX);
        assertThat(Digest.parse("sha256:" + HEX).shortHex()).hasSize(12);
        assertThatThrownBy(() -> Digest.parse("sha256:../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse("sha256:" + HEX.substring(1))).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Digest.parse("sha256:" + HEX.toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse(HEX)).hasMessageContaining("algorithm:hex");
        assertThatThrownBy(() -> Digest.parse("SHA256:" + HEX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformsParseAndMatchWithVariants() {
        assertThat(Platform.parse("linux/amd64")).isEqualTo(Platform.LINUX_AMD64);
        assertThat(Platform.parse("x86_64")).isEqualTo(Platform.LINUX_AMD64);
        Platform armV7 = Platform.parse("linux/arm/v7");
        assertThat(armV7.variant()).contains("v7");
        assertThat(Platform.parse("linux/arm").matches(armV7)).isTrue();
        assertThat(armV7.matches(Platform.parse("linux/arm/v6"))).isFalse();
        assertThat(Platform.parse("linux/arm64/v8").matches(new Platform("linux", "arm64", Optional.empty())))
                .isTrue();
        assertThat(Platform.LINUX_AMD64.matches(Platform.parse("linux/arm64"))).isFalse();
        assertThatThrownBy(() -> Platform.parse("a/b/c/d")).hasMessageContaining("os/arch");
    }

    @Test
    void severitiesParseTheUsualSpellingsAndOrder() {
        assertThat(Severity.parse("Moderate")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.parse("important")).isEqualTo(Severity.HIGH);
        assertThat(Severity.parse(null)).isEqualTo(Severity.UNKNOWN);
        assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
        assertThatThrownBy(() -> Severity.parse("urgent")).hasMessageContaining("urgent");
    }

    @Test
    void fingerprintsAreStableAndSeparatePartBoundaries() {
        assertThat(Fingerprint.of("a", "b")).isEqualTo(Fingerprint.of("a", "b"));
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
        assertThat(Fingerprint.of("x").value()).hasSize(64);
    }
}

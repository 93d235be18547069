package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoToolchainTest {
    @ParameterizedTest
    @CsvSource({"go1.19.8, v1.19.8", "go1.20, v1.20.0", "go1.21.0, v1.21.0", "go1.22rc1, v1.22.0-rc.1",
            "go1.9beta2, v1.9.0-beta.2", "go1.21.3 X:boringcrypto, v1.21.3", "go1.24.0-fips, v1.24.0",
            "'devel go1.23-4f8a1b2 Tue Jan 2', ''", "go1, ''", "1.19.8, ''", "go1.x, ''", "'', ''"})
    void semver(String toolchain, String expected) {
        assertThat(GoToolchain.semver(toolchain).orElse("")).isEqualTo(expected);
    }
}

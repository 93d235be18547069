package dev.plimsoll.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnalyzerIdTest {
    @Test
    void equalByValue() {
        AnalyzerId a = AnalyzerId.of("os/dpkg");
        assertThat(a).isEqualTo(new AnalyzerId(new String("os/dpkg"))).hasSameHashCodeAs(AnalyzerId.of("os/dpkg"))
                .isNotEqualTo(AnalyzerId.of("os/apk")).isNotEqualTo("os/dpkg");
        assertThat(a.group()).isEqualTo("os");
        assertThat(a).hasToString("os/dpkg");
    }

    @Test
    void rejectsOtherForms() {
        assertThatThrownBy(() -> AnalyzerId.of("dpkg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalyzerId.of("OS/dpkg")).isInstanceOf(IllegalArgumentException.class);
    }
}

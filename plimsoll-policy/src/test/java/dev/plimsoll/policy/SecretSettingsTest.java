package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SecretSettingsTest {
    private static final SecretSettings.CustomRule RULE = new SecretSettings.CustomRule("team-token", "Team token",
            Severity.HIGH, "tt_[a-z0-9]{32}", 0, List.of("tt_"), OptionalDouble.empty(), Optional.empty(), 3);

    @Test
    void anEmptySectionIsTheDefault() {
        assertThat(SecretSettings.NONE.isDefault()).isTrue();
        assertThat(new SecretSettings(List.of(), new SecretSettings.AllowlistSpec(List.of(), List.of(), List.of(),
                List.of()), Optional.empty(), Optional.empty()).isDefault()).isTrue();
    }

    @Test
    void anyOneSettingMakesItCustomised() {
        var none = SecretSettings.AllowlistSpec.NONE;
        assertThat(new SecretSettings(List.of(RULE), none, Optional.empty(), Optional.empty()).isDefault()).isFalse();
        assertThat(new SecretSettings(List.of(), none, Optional.of("KEY"), Optional.empty()).isDefault()).isFalse();
        assertThat(new SecretSettings(List.of(), none, Optional.empty(), Optional.of(Path.of("gitleaks.toml")))
                .isDefault()).isFalse();
        List<String> one = List.of("x");
        List<String> no = List.of();
        for (var allowlist : List.of(new SecretSettings.AllowlistSpec(one, no, no, no),
                new SecretSettings.AllowlistSpec(no, one, no, no), new SecretSettings.AllowlistSpec(no, no, one, no),
                new SecretSettings.AllowlistSpec(no, no, no, one))) {
            assertThat(allowlist.isEmpty()).isFalse();
            assertThat(new SecretSettings(List.of(), allowlist, Optional.empty(), Optional.empty()).isDefault())
                    .isFalse();
        }
    }
}

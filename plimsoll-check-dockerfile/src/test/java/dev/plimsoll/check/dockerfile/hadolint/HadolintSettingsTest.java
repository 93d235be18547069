package dev.plimsoll.check.dockerfile.hadolint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.check.dockerfile.HadolintLevel;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadolintSettingsTest {
    @TempDir
    Path dir;

    private static HadolintSettings yaml(String text) throws Exception {
        return HadolintSettings.of(new YAMLMapper().readTree(text), "test.yaml");
    }

    @Test
    void environmentThenFileThenCommandLineListsConcatenatedScalarsOverridden() throws Exception {
        HadolintSettings env = HadolintSettings.fromEnvironment(Map.of("HADOLINT_IGNORE", "DL3008, SC2086",
                "HADOLINT_NOFAIL", "yes", "HADOLINT_FAILURE_THRESHOLD", "error", "HADOLINT_STRICT_LABELS", "nope",
                "HADOLINT_TRUSTED_REGISTRIES", "docker.io", "HADOLINT_REQUIRE_LABELS", "maintainer:email,team:"));
        HadolintSettings file = yaml("""
                ignored: [DL3009]
                failure-threshold: warning
                no-fail: false
                trustedRegistries: ["*.gcr.io"]
                """);
        HadolintSettings cli = new HadolintSettings(List.of("DL3010"), Map.of(), List.of("quay.io"), Map.of(),
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty(),
                dev.plimsoll.check.dockerfile.RuleSettings.NONE);

        HadolintSettings merged = HadolintSettings.merge(List.of(env, file, cli));

        assertThat(merged.ignored()).containsExactly("DL3008", "SC2086", "DL3009", "DL3010");
        assertThat(merged.trustedRegistries()).containsExactly("docker.io", "*.gcr.io", "quay.io");
        assertThat(merged.threshold()).isEqualTo(HadolintLevel.WARNING);
        assertThat(merged.noFailSet()).as("the file's false wins over the environment's yes").isFalse();
        assertThat(merged.strictLabels()).contains(false);
        assertThat(merged.disableIgnorePragma()).contains(true);
        assertThat(merged.labelSchema()).containsEntry("maintainer", "email").containsEntry("team", "text");
        assertThat(HadolintSettings.NONE.threshold()).isEqualTo(HadolintLevel.INFO);
    }

    @Test
    void aRuleInSeveralOverrideListsReportsAtTheMostSevere() throws Exception {
        HadolintSettings file = yaml("override:\n  error: [DL3001]\n  style: [DL3001, DL3059]\n");
        HadolintSettings env = HadolintSettings.fromEnvironment(Map.of("HADOLINT_OVERRIDE_INFO", "DL3059"));

        LintConfig config = HadolintSettings.merge(List.of(env, file)).toLintConfig(List.of());

        assertThat(config.overrides()).containsEntry("DL3001", HadolintLevel.ERROR)
                .containsEntry("DL3059", HadolintLevel.INFO);
    }

    @Test
    void thePolicysTrustedRegistriesReachDl3026AndPlimsollsOwnSetting() throws Exception {
        HadolintSettings file = yaml("trustedRegistries: [docker.io]\nplimsoll:\n  trustedRegistries: [quay.io]\n"
                + "  requireDigest: true\n");

        LintConfig config = file.toLintConfig(List.of("registry.example.com", "docker.io"));

        assertThat(config.trustedRegistries()).containsExactly("docker.io", "registry.example.com");
        assertThat(config.settings().strings("trustedRegistries"))
                .containsExactly("quay.io", "registry.example.com", "docker.io");
        assertThat(config.settings().bool("requireDigest", false)).isTrue();
        assertThat(file.toLintConfig(List.of()).settings().strings("trustedRegistries")).containsExactly("quay.io");
    }

    @Test
    void noneIsHadolintsIgnoreThresholdAndMistakesNameTheirSource() throws Exception {
        assertThat(yaml("failure-threshold: none\n").threshold()).isEqualTo(HadolintLevel.IGNORE);
        assertThatThrownBy(() -> HadolintSettings.fromEnvironment(Map.of("HADOLINT_FAILURE_THRESHOLD", "loud")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HADOLINT_FAILURE_THRESHOLD");
        assertThatThrownBy(() -> yaml("no-fail: maybe\n")).hasMessageContaining("test.yaml: no-fail");
        Path empty = Files.writeString(dir.resolve(".hadolint.yaml"), "");
        assertThat(HadolintSettings.read(empty)).isEqualTo(HadolintSettings.NONE);
    }
}

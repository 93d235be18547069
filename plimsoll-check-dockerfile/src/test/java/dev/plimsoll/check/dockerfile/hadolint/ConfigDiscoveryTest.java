package dev.plimsoll.check.dockerfile.hadolint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void theFirstExistingFileOfHadolintsListWins() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = Map.of();

        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).isEmpty();
        Path dotfile = Files.writeString(home.resolve(".hadolint.yml"), "");
        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).contains(dotfile);
        Path legacy = Files.writeString(Files.createDirectories(home.resolve(".hadolint")).resolve("config.yaml"), "");
        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).contains(legacy);
        Path xdgDefault = Files.writeString(Files.createDirectories(home.resolve(".config"))
                .resolve("hadolint.yaml"), "");
        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).contains(xdgDefault);
        Path xdg = Files.createDirectories(dir.resolve("xdg"));
        Path xdgFile = Files.writeString(xdg.resolve("hadolint.yml"), "");
        assertThat(ConfigDiscovery.find(work, Map.of("XDG_CONFIG_HOME", xdg.toString()), home, "Linux"))
                .contains(xdgFile);
        Path yml = Files.writeString(work.resolve(".hadolint.yml"), "");
        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).contains(yml);
        Path yaml = Files.writeString(work.resolve(".hadolint.yaml"), "");
        assertThat(ConfigDiscovery.find(work, env, home, "Linux")).contains(yaml);
    }

    @Test
    void windowsLooksInLocalAppData() {
        Path home = dir.resolve("home");
        assertThat(ConfigDiscovery.candidates(dir, Map.of("LOCALAPPDATA", dir.resolve("local").toString()), home,
                "Windows 11")).contains(dir.resolve("local").resolve("hadolint.yaml"));
    }
}

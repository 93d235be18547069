package dev.plimsoll.check.dockerfile.hadolint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where hadolint looks for its configuration file when {@code -c/--config} is not given ({@code
 * Hadolint/Config/Configfile.hs}): the first existing file of {@code $PWD/.hadolint.yaml}, {@code .yml}; {@code
 * $XDG_CONFIG_HOME/hadolint.yaml}, {@code .yml} (XDG's default {@code ~/.config}; on Windows {@code
 * %LOCALAPPDATA%}); {@code ~/.hadolint/hadolint.yaml}, {@code .yml}, {@code ~/.hadolint/config.yaml}, {@code .yml};
 * {@code ~/.hadolint.yaml}, {@code .yml}.
 */
public final class ConfigDiscovery {
    private ConfigDiscovery() {
    }

    /** Every place looked at, in order. */
    public static List<Path> candidates(Path workingDir, Map<String, String> env, Path home, String osName) {
        List<Path> out = new ArrayList<>();
        out.add(workingDir.resolve(".hadolint.yaml"));
        out.add(workingDir.resolve(".hadolint.yml"));
        Path config;
        String xdg = env.get("XDG_CONFIG_HOME");
        String localAppData = env.get("LOCALAPPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && localAppData != null && !localAppData.isBlank()) {
            config = Path.of(localAppData);
        } else if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            config = Path.of(xdg);
        } else {
            config = home.resolve(".config");
        }
        out.add(config.resolve("hadolint.yaml"));
        out.add(config.resolve("hadolint.yml"));
        Path dir = home.resolve(".hadolint");
        out.add(dir.resolve("hadolint.yaml"));
        out.add(dir.resolve("hadolint.yml"));
        out.add(dir.resolve("config.yaml"));
        out.add(dir.resolve("config.yml"));
        out.add(home.resolve(".hadolint.yaml"));
        out.add(home.resolve(".hadolint.yml"));
        return out;
    }

    /** The first candidate that is a regular file. */
    public static Optional<Path> find(Path workingDir, Map<String, String> env, Path home, String osName) {
        return candidates(workingDir, env, home, osName).stream().filter(Files::isRegularFile).findFirst();
    }
}

package dev.plimsoll.check.cis.input.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How Compose would be run: which env files to read ({@code --env-file}; empty: the {@code .env} beside the Compose
 * file, if there is one), which profiles are active ({@code --profile}), and the process environment, which wins
 * over env files. The environment is passed in, never read by the reader, so tests and callers decide it.
 */
public record ComposeOptions(List<Path> envFiles, Set<String> profiles, Map<String, String> environment) {
    public ComposeOptions {
        envFiles = List.copyOf(envFiles);
        profiles = Set.copyOf(profiles);
        environment = Map.copyOf(environment);
    }

    public static ComposeOptions defaults(Map<String, String> environment) {
        return new ComposeOptions(List.of(), Set.of(), environment);
    }

    public ComposeOptions withProfiles(Set<String> active) {
        return new ComposeOptions(envFiles, Objects.requireNonNull(active), environment);
    }

    public ComposeOptions withEnvFiles(List<Path> files) {
        return new ComposeOptions(files, profiles, environment);
    }
}

package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule sees: the parsed Dockerfile, the configuration, and the {@code .dockerignore} beside it when there is
 * one. Shared by every rule of one run; holds caches (parsed RUN scripts) so that each is computed once.
 *
 * @param dockerignore the content of the .dockerignore of the build context, when known to exist; empty when the
 *                     file is absent or the context unknown (stdin): see {@link #contextKnown()}
 */
public record LintContext(Dockerfile dockerfile, LintConfig config, Optional<String> dockerignore,
                          boolean contextKnown) {
    public LintContext {
        Objects.requireNonNull(dockerfile);
        Objects.requireNonNull(config);
        Objects.requireNonNull(dockerignore);
    }

    public RuleSettings settings() {
        return config.settings();
    }
}

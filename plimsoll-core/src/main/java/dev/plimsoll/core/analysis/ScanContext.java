package dev.plimsoll.core.analysis;

import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageConfig;
import java.time.Clock;
import java.util.Objects;

/** What an analyzer session may know about the scan besides the files it receives. */
public record ScanContext(Target target, ImageConfig config, Clock clock) {
    public ScanContext {
        Objects.requireNonNull(target);
        Objects.requireNonNull(config);
        Objects.requireNonNull(clock);
    }
}

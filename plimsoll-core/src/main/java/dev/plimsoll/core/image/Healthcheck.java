package dev.plimsoll.core.image;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The image config's Healthcheck; {@code test} is e.g. ["CMD-SHELL", "curl -f http://localhost/"] or ["NONE"]. */
public record Healthcheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
                          Optional<Duration> startPeriod, Optional<Integer> retries) {
    public Healthcheck {
        test = List.copyOf(Objects.requireNonNull(test));
        Objects.requireNonNull(interval);
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(startPeriod);
        Objects.requireNonNull(retries);
    }

    /** A healthcheck that exists but was switched off with HEALTHCHECK NONE. */
    public boolean disabled() {
        return !test.isEmpty() && "NONE".equals(test.get(0));
    }
}

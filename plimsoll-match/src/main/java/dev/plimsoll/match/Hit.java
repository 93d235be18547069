package dev.plimsoll.match;

import dev.plimsoll.core.advisory.Advisory;
import java.util.Objects;

/** An advisory a lookup returned. */
record Hit(Lookup lookup, Advisory advisory) {
    Hit {
        Objects.requireNonNull(lookup);
        Objects.requireNonNull(advisory);
    }
}

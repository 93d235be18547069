package dev.plimsoll.match;

import dev.plimsoll.core.advisory.Distro;
import java.util.Optional;

/** The distribution-release key an OS package's data is stored under, or why there is none. */
public final class OsReleases {
    private OsReleases() {
    }

    /** The {@link Distro} key of the candidate's OS, or the reason it has none. */
    public static KeyOrReason distroKey(Candidate c) {
        if (c.os().isEmpty()) {
            return new KeyOrReason(Optional.empty(), c.ecosystem().purlType()
                    + " packages found but no OS release (os-release) was identified, so no distribution data applies");
        }
        return Distro.keyOf(c.os().get())
                .map(k -> new KeyOrReason(Optional.of(k), ""))
                .orElseGet(() -> new KeyOrReason(Optional.empty(), "no vulnerability data key for "
                        + c.os().get().prettyName() + " (ID " + c.os().get().id() + ", VERSION_ID \""
                        + c.os().get().versionId() + "\")"));
    }

    public record KeyOrReason(Optional<String> key, String reason) {
    }
}

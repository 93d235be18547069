package dev.plimsoll.check.cis.image;

/** CIS 4.2 (Manual): ensure that containers use only trusted base images. */
public final class TrustedBaseImage extends ManualImageCheck {
    public TrustedBaseImage() {
        super("4.2", "Ensure that containers use only trusted base images",
                "Use base images from trusted, verified sources; enable Docker Content Trust.",
                "review the base image's origin and history");
    }
}

package dev.plimsoll.check.cis.ops;

/** CIS 6.1 (Manual): image sprawl is avoided. */
public final class ImageSprawl extends ManualOperationsCheck {
    public ImageSprawl() {
        super("6.1", "Ensure that image sprawl is avoided",
                "Keep only the images in use; remove stale ones (docker image prune) and pull by digest.",
                "review the images on the host (docker images) against the ones containers use");
    }
}

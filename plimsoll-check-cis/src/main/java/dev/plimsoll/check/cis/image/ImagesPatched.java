package dev.plimsoll.check.cis.image;

/** CIS 4.4 (Manual): ensure images are scanned and rebuilt to include security patches. */
public final class ImagesPatched extends ManualImageCheck {
    public ImagesPatched() {
        super("4.4", "Ensure images are scanned and rebuilt to include security patches",
                "Rebuild images regularly on patched base images.",
                "scan the image for vulnerabilities (plimsoll image) and rebuild it on a patched base");
    }
}

package dev.plimsoll.check.cis.image;

/** CIS 4.5 (Manual): ensure Content trust for Docker is Enabled. */
public final class ContentTrust extends ManualImageCheck {
    public ContentTrust() {
        super("4.5", "Ensure Content trust for Docker is Enabled",
                "Set DOCKER_CONTENT_TRUST=1 where images are pulled.",
                "content trust is a client setting: check DOCKER_CONTENT_TRUST where this image is pulled");
    }
}

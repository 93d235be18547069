package dev.plimsoll.check.cis.image;

/** CIS 4.12 (Manual): ensure all signed artifacts are validated. */
public final class SignedArtifacts extends ManualImageCheck {
    public SignedArtifacts() {
        super("4.12", "Ensure all signed artifacts are validated",
                "Validate artifact signatures before use.",
                "check that the image and its artifacts are signed and the signatures validated");
    }
}

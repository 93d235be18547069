package dev.plimsoll.check.cis.image;

/** CIS 4.11 (Manual): ensure only verified packages are installed. */
public final class VerifiedPackages extends ManualImageCheck {
    public VerifiedPackages() {
        super("4.11", "Ensure only verified packages are installed",
                "Install packages from signed repositories and verify downloads.",
                "review how packages were fetched in the build (signed repositories, checksums)");
    }
}

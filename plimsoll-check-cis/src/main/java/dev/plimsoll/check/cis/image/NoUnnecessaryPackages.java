package dev.plimsoll.check.cis.image;

/** CIS 4.3 (Manual): ensure that unnecessary packages are not installed in the container. */
public final class NoUnnecessaryPackages extends ManualImageCheck {
    public NoUnnecessaryPackages() {
        super("4.3", "Ensure that unnecessary packages are not installed in the container",
                "Install only what the application needs; prefer minimal base images.",
                "review the installed packages (plimsoll image lists them)");
    }
}

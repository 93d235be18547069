package dev.plimsoll.check.cis.host;

/** CIS 1.2.2 (Manual): Docker is up to date. */
public final class DockerUpToDate extends ManualHostCheck {
    public DockerUpToDate() {
        super("1.2.2", "Ensure that the version of Docker is up to date",
                "Follow Docker's releases and update the engine.",
                "compare the engine version (docker version) with Docker's current releases");
    }
}

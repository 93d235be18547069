package dev.plimsoll.check.cis.ops;

/** CIS 6.2 (Manual): container sprawl is avoided. */
public final class ContainerSprawl extends ManualOperationsCheck {
    public ContainerSprawl() {
        super("6.2", "Ensure that container sprawl is avoided",
                "Remove containers not in use: docker container prune.",
                "review stopped containers on the host (docker ps -a)");
    }
}

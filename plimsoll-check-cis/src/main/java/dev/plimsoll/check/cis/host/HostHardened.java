package dev.plimsoll.check.cis.host;

/** CIS 1.2.1 (Manual): the host is hardened. */
public final class HostHardened extends ManualHostCheck {
    public HostHardened() {
        super("1.2.1", "Ensure the container host has been Hardened",
                "Apply a security benchmark for the host's operating system.",
                "judge the host against its operating system's benchmark");
    }
}

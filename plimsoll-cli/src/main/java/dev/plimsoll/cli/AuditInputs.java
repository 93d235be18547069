package dev.plimsoll.cli;

import java.util.List;

/**
 * The inputs {@code plimsoll audit} has, as an explicit list: each is one {@link AuditInput} class and one line here;
 * a test keeps their names unique.
 */
final class AuditInputs {
    private AuditInputs() {
    }

    /** Every built-in audit input, in the order help lists them. */
    static List<AuditInput> standard() {
        return List.of(
                new ContainerAuditInput(),
                new ComposeAuditInput(),
                new RunAuditInput(),
                new K8sAuditInput(),
                new HostAuditInput(),
                new DaemonAuditInput(),
                new ImageAuditInput());
    }
}

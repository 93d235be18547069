package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.k8s.Workload;

/** The verdict of a user-related control on a pod that runs in its own user namespace ({@code hostUsers: false}). */
final class UserNamespace {
    private UserNamespace() {
    }

    /** A pass: inside its own user namespace, the pod's root (UID 0) is not the host's root; {@code why} says more. */
    static CheckResult exempt(Workload workload, String why) {
        return CheckResult.pass("the pod runs in its own user namespace (" + workload.path("hostUsers")
                + " = false)" + why);
    }
}

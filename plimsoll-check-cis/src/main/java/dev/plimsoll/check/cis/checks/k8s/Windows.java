package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.input.k8s.Workload;

/** The verdict of a Linux-only control on a pod that declares {@code spec.os.name: windows}. */
final class Windows {
    private Windows() {
    }

    /**
     * Not applicable rather than a pass: the control does not exist on Windows, and the API server rejects a Windows
     * pod that sets it, which is why Pod Security Admission admits such pods without it.
     */
    static CheckResult exempt(Workload workload) {
        return CheckResult.notApplicable("Windows pod (" + workload.path("os.name")
                + " = windows): Pod Security Admission exempts it from this Linux-only control");
    }
}

package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.k8s.ServiceAccount;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * K8S-5: the pod does not mount a service-account API token unless it needs one. Decided as the ServiceAccount
 * admission plugin decides whether to add the token volume to every container: the pod's
 * {@code automountServiceAccountToken} when set, else its ServiceAccount's (found among the ServiceAccounts of the
 * same audit input, in the pod's namespace), else mounted. A ServiceAccount the input does not declare cannot be
 * judged, so the pod fails with a reason saying the account was not seen.
 */
public final class ServiceAccountTokenAutomount implements CisCheck<Workload> {
    private static final CheckMeta META = PssMeta.of("K8S-5", PssMeta.HARDENING,
            "Ensure service-account tokens are mounted only where needed", Severity.MEDIUM,
            "Set automountServiceAccountToken: false in the pod spec (or on its ServiceAccount) unless the "
                    + "workload calls the Kubernetes API.");
    private static final String FIELD = "automountServiceAccountToken";

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        JsonNode podValue = workload.podSpec().path(FIELD);
        Evidence pod = new Evidence(workload.file(), workload.path(FIELD), Violations.show(podValue));
        if (Violations.isSet(podValue)) {
            return Violations.isFalse(podValue)
                    ? CheckResult.pass("the pod does not mount a service-account token", pod)
                    : CheckResult.fail("the pod mounts a service-account token (1 field)", pod);
        }
        Optional<ServiceAccount> found = workload.serviceAccount();
        if (found.isEmpty()) {
            String account = ServiceAccount.reference(workload.namespace(), workload.serviceAccountName());
            return CheckResult.fail("the pod mounts a service-account token unless its ServiceAccount disables it",
                    new Evidence(workload.file(), workload.path(FIELD), Violations.NOT_SET + ": ServiceAccount "
                            + account + " not in the input; mounted unless it disables automounting"));
        }
        ServiceAccount account = found.get();
        JsonNode accountValue = account.automountServiceAccountToken();
        Evidence accountEvidence = new Evidence(account.file(), account.automountPath(),
                Violations.show(accountValue));
        if (Violations.isFalse(accountValue)) {
            return CheckResult.pass("the pod does not mount a service-account token: its ServiceAccount "
                    + account.reference() + " disables automounting", pod, accountEvidence);
        }
        return CheckResult.fail("the pod mounts a service-account token: "
                + (Violations.isSet(accountValue) ? "its ServiceAccount " + account.reference() + " allows it"
                        : "neither the pod nor its ServiceAccount " + account.reference() + " disables it"),
                pod, accountEvidence);
    }
}

package dev.plimsoll.check.cis.checks.k8s;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** Check identities for the Kubernetes section. */
final class PssMeta {
    static final String BASELINE = "baseline";
    static final String RESTRICTED = "restricted";
    /** Pod hardening checks outside the Pod Security Standards are at CIS profile level 1. */
    static final String HARDENING = "1";

    private PssMeta() {
    }

    static CheckMeta of(String id, String level, String title, Severity severity, String remediation) {
        return new CheckMeta(id, Section.KUBERNETES, title, severity, level, true, remediation, Optional.empty());
    }
}

package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** Builds the container checks' metadata and evidence the same way for all of them. */
final class ContainerMeta {
    private ContainerMeta() {
    }

    /** A control CIS marks Automated: scored. */
    static CheckMeta automated(String id, String title, Severity severity, String level, String remediation) {
        return new CheckMeta(id, Section.CONTAINER_RUNTIME, title, severity, level, true, remediation,
                Optional.empty());
    }

    /** A control CIS marks Manual: not scored. */
    static CheckMeta manual(String id, String title, Severity severity, String level, String remediation) {
        return new CheckMeta(id, Section.CONTAINER_RUNTIME, title, severity, level, false, remediation,
                Optional.empty());
    }

    /** The same metadata with the reason our verdict deliberately differs from docker-bench-security's. */
    static CheckMeta differing(CheckMeta meta, String why) {
        return new CheckMeta(meta.id(), meta.section(), meta.title(), meta.severity(), meta.level(), meta.scored(),
                meta.remediation(), Optional.of(why));
    }

    /** Evidence for {@code field} of {@code config}, read where the input says it was read. */
    static Evidence evidence(RunConfig config, RunField field, String value) {
        return new Evidence(config.origin(), config.sourceOf(field), value);
    }

    /**
     * The verdict on a confinement profile that --privileged and "unconfined" switch off and that the engine's own
     * default replaces when unset (AppArmor 5.1, seccomp 5.21).
     *
     * @param option     its --security-opt key ("apparmor", "seccomp")
     * @param name       its name in messages ("AppArmor")
     * @param profile    the profile set, if any
     * @param privileged why a privileged container fails
     * @param unset      why an unset profile passes
     */
    static CheckResult profile(RunConfig config, String option, String name, Optional<String> profile,
                               String privileged, String unset) {
        if (config.privileged()) {
            return CheckResult.fail(privileged, evidence(config, RunField.PRIVILEGED, "true"));
        }
        if (profile.isEmpty() || profile.get().isBlank()) {
            return CheckResult.pass(unset, evidence(config, RunField.SECURITY_OPT, option + " not set"));
        }
        Evidence ev = evidence(config, RunField.SECURITY_OPT, option + "=" + profile.get());
        return profile.get().trim().equals("unconfined") ? CheckResult.fail(name + " disabled for the container", ev)
                : CheckResult.pass(name + " profile " + profile.get(), ev);
    }
}

package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
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
}

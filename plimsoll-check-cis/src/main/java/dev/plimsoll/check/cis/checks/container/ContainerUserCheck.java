package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.check.cis.Section;
import java.util.Optional;

/**
 * CIS 4.1 as docker-bench-security runs it on containers: the container's user is not root. Unset means the image
 * decides, which the image audit judges.
 */
public final class ContainerUserCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = new CheckMeta("4.1", Section.IMAGES,
            "Ensure that a user for the container has been created", Severity.HIGH, "1", true,
            "Create a non-root user for the container in the Dockerfile (USER) or run it with --user UID:GID.",
            Optional.of("docker-bench-security treats only an empty user, \"root\" and \"0\" as root; \"0:0\", "
                    + "\"root:root\" and \"0:1000\" are root too, and an unset user is left to the image (NOTE)."));

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.user().isEmpty() || config.user().get().isBlank()) {
            return CheckResult.note("no user set for the container: the image's USER applies (check the image, "
                    + "section 4), root when the image sets none");
        }
        String user = config.user().get();
        var ev = ContainerMeta.evidence(config, RunField.USER, user);
        return Users.isRoot(user) ? CheckResult.fail("runs as root", ev)
                : CheckResult.pass("runs as a non-root user", ev);
    }
}

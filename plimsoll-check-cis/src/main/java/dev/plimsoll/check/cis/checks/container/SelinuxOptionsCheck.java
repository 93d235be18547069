package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.2: SELinux labelling is not disabled; explicit label options are set where SELinux is in use. */
public final class SelinuxOptionsCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.2",
            "Ensure that, if applicable, SELinux security options are set", Severity.MEDIUM, "2",
            "Run the daemon with --selinux-enabled and give containers label options "
                    + "(--security-opt label=type:..., label=level:...); never label=disable."),
            "docker-bench-security passes any security option, label=disable included, and fails a container "
                    + "with none; label=disable and privileged containers (unlabelled) fail, and no label options "
                    + "is INFO because the daemon's default labels apply when SELinux is enabled.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        if (config.privileged()) {
            return CheckResult.fail("privileged containers run without SELinux separation",
                    ContainerMeta.evidence(config, RunField.PRIVILEGED, "true"));
        }
        var options = config.security().selinuxOptions();
        var ev = ContainerMeta.evidence(config, RunField.SECURITY_OPT,
                options.stream().map(o -> "label=" + o).reduce((a, b) -> a + ", " + b).orElse("no label options"));
        if (options.stream().anyMatch(o -> o.trim().equals("disable"))) {
            return CheckResult.fail("SELinux labelling disabled (label=disable)", ev);
        }
        if (options.isEmpty()) {
            return CheckResult.info("no SELinux options: the daemon's default labels apply when it runs with "
                    + "--selinux-enabled", ev);
        }
        return CheckResult.pass("SELinux label options set", ev);
    }
}

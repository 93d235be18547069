package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;

/** CIS 5.25: the container cannot gain privileges through setuid/setgid binaries (no-new-privileges). */
public final class NoNewPrivilegesCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.25",
            "Ensure that the container is restricted from acquiring additional privileges", Severity.MEDIUM, "1",
            "Run the container with --security-opt=no-new-privileges (or set no-new-privileges in daemon.json)."),
            "docker-bench-security passes any security option containing \"no-new-privileges\", so "
                    + "no-new-privileges:false passes there; it fails here. The daemon-wide setting is judged by "
                    + "the daemon audit (2.x), not assumed here.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        var nnp = config.security().noNewPrivileges();
        if (nnp.isEmpty()) {
            return CheckResult.fail("no-new-privileges not set (passes only if the daemon sets it for every "
                    + "container)", ContainerMeta.evidence(config, RunField.SECURITY_OPT, "not set"));
        }
        var ev = ContainerMeta.evidence(config, RunField.SECURITY_OPT, "no-new-privileges:" + nnp.get());
        return nnp.get() ? CheckResult.pass("no-new-privileges set", ev)
                : CheckResult.fail("no-new-privileges explicitly disabled", ev);
    }
}

package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.Locale;

/**
 * CIS 5.14: a container restarted automatically is restarted "on-failure" at most 5 times; "always" and
 * "unless-stopped" restart it for ever. No restart policy is acceptable, as CIS says.
 */
public final class RestartPolicyCheck implements CisCheck<RunConfig> {
    static final int MAX_RETRIES = 5;
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.14",
            "Ensure that the 'on-failure' container restart policy is set to '5'", Severity.LOW, "1",
            "Use --restart=on-failure:5 (or no restart policy) rather than always or unless-stopped."),
            "docker-bench-security passes only a MaximumRetryCount of exactly 5, whatever the policy; CIS accepts no "
                    + "restart policy and on-failure with 1-5 retries, and fails always, unless-stopped and "
                    + "on-failure without a limit.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        String name = config.restart().name().trim().toLowerCase(Locale.ROOT);
        int retries = config.restart().maximumRetryCount();
        String shown = name.isEmpty() ? "not set (no)" : name.equals("on-failure") ? name + ":" + retries : name;
        var ev = ContainerMeta.evidence(config, RunField.RESTART, shown);
        return switch (name) {
            case "", "no" -> CheckResult.pass("never restarted automatically", ev);
            case "on-failure" -> retries > 0 && retries <= MAX_RETRIES
                    ? CheckResult.pass("restarted on failure at most " + retries + " times", ev)
                    : CheckResult.fail(retries <= 0 ? "restarted on failure without a limit"
                            : "restarted on failure up to " + retries + " times (more than " + MAX_RETRIES + ")", ev);
            default -> CheckResult.fail("restarted for ever (" + name + ")", ev);
        };
    }
}

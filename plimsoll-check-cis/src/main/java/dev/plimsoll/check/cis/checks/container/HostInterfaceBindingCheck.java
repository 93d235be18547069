package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import java.util.List;

/** CIS 5.13: published ports are bound to a specific host interface, not to every interface. */
public final class HostInterfaceBindingCheck implements CisCheck<RunConfig> {
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.13",
            "Ensure that incoming container traffic is bound to a specific host interface", Severity.MEDIUM, "1",
            "Publish ports on a specific host address, e.g. -p 10.2.3.4:49153:80."),
            "docker-bench-security only fails 0.0.0.0; the IPv6 wildcard (:: or [::]) and an empty host IP "
                    + "(every interface, as Compose and docker run write it) fail too.");

    /** Every interface: "", 0.0.0.0, "::" and the other spellings of the IPv6 unspecified address ("[0:0::0]"). */
    static boolean everyInterface(RunConfig.PortBinding port) {
        if (port.allInterfaces()) {
            return true;
        }
        String ip = port.hostIp().trim().replace("[", "").replace("]", "");
        return ip.contains(":") && ip.chars().allMatch(c -> c == '0' || c == ':');
    }

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<String> wildcard = config.ports().stream().filter(HostInterfaceBindingCheck::everyInterface)
                .map(Ports::describe).toList();
        if (!wildcard.isEmpty()) {
            return CheckResult.fail("published on every host interface",
                    ContainerMeta.evidence(config, RunField.PORTS, String.join(", ", wildcard)));
        }
        return CheckResult.pass(config.ports().isEmpty() ? "no published ports"
                        : "every published port bound to a specific host address",
                ContainerMeta.evidence(config, RunField.PORTS, Ports.describeAll(config.ports())));
    }
}

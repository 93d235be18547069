package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import java.util.List;

/** CIS 5.31: the Docker socket is not reachable from the container through a mount. */
public final class DockerSocketCheck implements CisCheck<RunConfig> {
    /** Where the engine's socket lives; /var/run is a link to /run on current distributions. */
    static final List<String> SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock");
    private static final CheckMeta META = ContainerMeta.differing(ContainerMeta.automated("5.31",
            "Ensure that the Docker socket is not mounted inside any containers", Severity.CRITICAL, "1",
            "Do not mount docker.sock, or a directory holding it (/run, /var/run), into containers."),
            "docker-bench-security greps the mounts for \"docker.sock\", so it misses a mount of /run or /var/run "
                    + "(which holds the socket) and of / ; those fail here, as does any bind of a file named "
                    + "docker.sock (a rootless engine's socket) and of the Windows engine's pipe docker_engine.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(RunConfig config) {
        List<Evidence> exposing = config.mounts().stream()
                .filter(m -> (m.type().equals("bind") || m.type().equals("npipe")) && !m.source().isBlank())
                .filter(m -> exposesSocket(m.source()))
                .map(m -> ContainerMeta.evidence(config, RunField.MOUNTS, m.source() + ":" + m.destination()))
                .toList();
        if (!exposing.isEmpty()) {
            return new CheckResult(CheckStatus.FAIL, "the Docker socket is mounted into the container", exposing);
        }
        return CheckResult.pass("no mount exposes the Docker socket",
                ContainerMeta.evidence(config, RunField.MOUNTS, config.mounts().size() + " mount(s)"));
    }

    static boolean exposesSocket(String source) {
        List<String> parts = HostPaths.components(source);
        // docker.sock anywhere (a rootless engine's), or the Windows engine's named pipe.
        if (!parts.isEmpty() && (parts.get(parts.size() - 1).equals("docker.sock")
                || parts.get(parts.size() - 1).equalsIgnoreCase("docker_engine"))) {
            return true;
        }
        return SOCKETS.stream().anyMatch(socket -> HostPaths.contains(source, socket));
    }
}

package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.4: ensure that docker.socket file permissions are set to 644 or more restrictive. */
public final class DockerSocketUnitPermissions extends FileCheck {
    public DockerSocketUnitPermissions() {
        super("3.4", "Ensure that docker.socket file permissions are set to 644 or more restrictive", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0644),
                "chmod 644 the docker.socket unit file");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return facts.dockerSocket().map(UnitFile::fragment);
    }

    @Override
    protected String unconfigured() {
        return "no docker.socket unit in the unit search path";
    }
}

package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.2: ensure that docker.service file permissions are appropriately set. */
public final class DockerServicePermissions extends FileCheck {
    public DockerServicePermissions() {
        super("3.2", "Ensure that docker.service file permissions are appropriately set", Severity.MEDIUM, FileKind.REGULAR, new ModeAtMost(0644),
                "chmod 644 the docker.service unit file");
    }

    @Override
    protected Optional<String> path(HostFacts facts) {
        return facts.dockerService().map(UnitFile::fragment);
    }

    @Override
    protected String unconfigured() {
        return "no docker.service unit in the unit search path";
    }
}

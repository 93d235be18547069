package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.1: ensure that the docker.service file ownership is set to root:root. */
public final class DockerServiceOwnership extends FileCheck {
    public DockerServiceOwnership() {
        super("3.1", "Ensure that the docker.service file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root on the docker.service unit file");
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

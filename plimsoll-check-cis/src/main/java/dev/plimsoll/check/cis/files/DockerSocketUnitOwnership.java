package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** CIS 3.3: ensure that docker.socket file ownership is set to root:root. */
public final class DockerSocketUnitOwnership extends FileCheck {
    public DockerSocketUnitOwnership() {
        super("3.3", "Ensure that docker.socket file ownership is set to root:root", Severity.MEDIUM, FileKind.REGULAR, new Owned("root", "root"),
                "chown root:root on the docker.socket unit file");
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

package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;

/** CIS 1.1.7: the docker.service unit file found in the unit search path is audited. */
public final class AuditDockerServiceUnit extends AuditedPathCheck {
    public AuditDockerServiceUnit() {
        super("1.1.7", "docker.service", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.dockerService().map(UnitFile::fragment).orElse("/usr/lib/systemd/system/docker.service");
    }
}

package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.UnitFile;

/** CIS 1.1.9: the docker.socket unit file found in the unit search path is audited. */
public final class AuditDockerSocketUnit extends AuditedPathCheck {
    public AuditDockerSocketUnit() {
        super("1.1.9", "docker.socket", "1");
    }

    @Override
    protected String path(HostFacts facts) {
        return facts.dockerSocket().map(UnitFile::fragment).orElse("/usr/lib/systemd/system/docker.socket");
    }
}

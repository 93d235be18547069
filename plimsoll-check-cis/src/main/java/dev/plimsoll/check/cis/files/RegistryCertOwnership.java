package dev.plimsoll.check.cis.files;

import java.util.Optional;

/** CIS 3.7: registry certificate files are owned by root:root. */
public final class RegistryCertOwnership extends RegistryCertCheck {
    public RegistryCertOwnership() {
        super("3.7", "Ensure that registry certificate file ownership is set to root:root",
                new FileCheck.Owned("root", "root"), "chown root:root /etc/docker/certs.d/REGISTRY/*",
                Optional.of("docker-bench-security checks the owner only (stat -c %u); the group must be root too."));
    }
}

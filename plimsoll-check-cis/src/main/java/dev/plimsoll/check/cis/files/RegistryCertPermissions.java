package dev.plimsoll.check.cis.files;

import java.util.Optional;

/** CIS 3.8: registry certificate files are 444 or more restrictive. */
public final class RegistryCertPermissions extends RegistryCertCheck {
    public RegistryCertPermissions() {
        super("3.8", "Ensure that registry certificate file permissions are set to 444 or more restrictively",
                new FileCheck.ModeAtMost(0444), "chmod 444 /etc/docker/certs.d/REGISTRY/*",
                Optional.of(FileCheck.MODE_DIFFERS));
    }
}

package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.host.Modes;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * CIS 4.8 (Manual): setuid and setgid bits are removed where not needed. Some are needed (passwd, su), so the files
 * are INFO for review, each with its mode and owner; PASS when there are none.
 */
public final class SetuidFiles extends ImageCheck {
    public SetuidFiles() {
        super("4.8", "Ensure setuid and setgid permissions are removed", Severity.MEDIUM, false,
                "Remove the bits where not needed: RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +",
                Optional.of("docker-bench-security runs find inside a container of the image; Plimsoll reads the"
                        + " squashed layers, so whited-out files do not count and nothing is run."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        if (facts.setuidFiles().isEmpty()) {
            return CheckResult.pass("no setuid or setgid files");
        }
        List<Evidence> files = facts.setuidFiles().stream()
                .map(f -> new Evidence(f.path(), "mode uid:gid", Modes.octal(f.mode()) + " " + f.uid() + ":"
                        + f.gid()))
                .toList();
        return new CheckResult(CheckStatus.INFO, files.size() + " setuid/setgid file(s): review them", files);
    }
}

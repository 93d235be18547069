package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.FileStat;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CIS 3.7/3.8: every registry certificate below /etc/docker/certs.d (*.crt and client *.cert, links judged by what
 * they name inside the root). FAIL lists the files that miss the requirement; N/A without the directory.
 */
public abstract class RegistryCertCheck implements CisCheck<HostFacts> {
    private final CheckMeta meta;
    private final FileCheck.Requirement requirement;

    protected RegistryCertCheck(String id, String title, FileCheck.Requirement requirement, String remediation,
                                Optional<String> differs) {
        this.meta = new CheckMeta(id, Section.DAEMON_FILES, title, Severity.MEDIUM, "1", true, remediation, differs);
        this.requirement = requirement;
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    @Override
    public final CheckResult evaluate(HostFacts facts) {
        Optional<List<FileStat>> certs = facts.registryCerts();
        if (certs.isEmpty()) {
            return CheckResult.notApplicable(HostFacts.CERTS_DIR + " does not exist in " + facts.root());
        }
        if (certs.get().isEmpty()) {
            return CheckResult.notApplicable("no certificate files in " + HostFacts.CERTS_DIR);
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> all = new ArrayList<>();
        for (FileStat cert : certs.get()) {
            CheckResult r = FileCheck.judge(requirement, cert);
            all.addAll(r.evidence());
            if (r.status() == CheckStatus.FAIL) {
                bad.addAll(r.evidence());
            }
        }
        return bad.isEmpty()
                ? new CheckResult(CheckStatus.PASS, certs.get().size() + " certificate file(s) comply", all)
                : new CheckResult(CheckStatus.FAIL, bad.size() + " of " + certs.get().size()
                        + " certificate file(s) do not comply", bad);
    }
}

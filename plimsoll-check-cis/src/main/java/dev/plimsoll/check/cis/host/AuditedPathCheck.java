package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.AuditRule;
import dev.plimsoll.check.cis.input.host.FileStat;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * CIS 1.1.3-1.1.18: an audit rule watches a Docker file or directory. N/A when the path is not in the root. A rule
 * matches by its path token ({@code -w PATH}, {@code -F path=PATH}) or by covering an ancestor directory
 * ({@code -w DIR}, {@code -F dir=DIR}: auditd watches directories recursively); never by substring.
 */
public abstract class AuditedPathCheck implements CisCheck<HostFacts> {
    static final String DIFFERS = "docker-bench-security greps the rules files for the path as a substring, so a rule"
            + " for /etc/docker/daemon.json passes the /etc/docker check and '-w /usr/bin/dockerd-old' passes"
            + " /usr/bin/dockerd; Plimsoll parses the rules and matches the exact path token, or a recursive"
            + " directory watch on an ancestor. It reads /etc/audit/rules.d/*.rules as well as audit.rules.";
    private final CheckMeta meta;

    protected AuditedPathCheck(String id, String what, String level) {
        this(id, what, level, "Ensure auditing is configured for Docker files and directories - " + what);
    }

    protected AuditedPathCheck(String id, String what, String level, String title) {
        this.meta = new CheckMeta(id, Section.HOST, title, Severity.LOW, level,
                true, "Add '-w PATH -k docker' for " + what + " to /etc/audit/rules.d/docker.rules and reload the"
                + " rules (augenrules --load).", Optional.of(DIFFERS));
    }

    /** The path this check wants audited, in the host root. */
    protected abstract String path(HostFacts facts);

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    @Override
    public final CheckResult evaluate(HostFacts facts) {
        String path = path(facts);
        Optional<FileStat> file = facts.file(path);
        if (file.isEmpty()) {
            return CheckResult.notApplicable(path + " does not exist in " + facts.root());
        }
        Optional<AuditRule> rule = facts.audit().covering(path);
        if (rule.isPresent()) {
            return CheckResult.pass(path + " is audited",
                    new Evidence(rule.get().where(), "audit rule", rule.get().text()));
        }
        String read = facts.audit().files().isEmpty() ? "no audit rules file" : String.join(", ",
                facts.audit().files());
        return CheckResult.fail("no audit rule watches " + path, new Evidence(read, "audit rule for", path));
    }
}

package dev.plimsoll.check.cis.files;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.FileKind;
import dev.plimsoll.check.cis.input.host.FileStat;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.check.cis.input.host.Modes;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * A section 3 check on one file: its ownership or its permissions. The file is the one its path names after
 * symlinks, resolved inside the host root; N/A when the path is not configured or not there (docker-bench-security
 * prints INFO "File not found" then), or when it is not the kind of file the control is about.
 */
public abstract class FileCheck implements CisCheck<HostFacts> {
    static final String MODE_DIFFERS = "docker-bench-security compares 'stat -c %a' numerically (606 -le 644"
            + " passes although the file is world-writable); Plimsoll judges by bit mask: no bit outside the allowed"
            + " mode may be set.";
    private final CheckMeta meta;
    private final FileKind kind;
    private final Requirement requirement;

    /** What the file must satisfy: owner and group names, or at most these mode bits. */
    public sealed interface Requirement permits Owned, ModeAtMost {
    }

    public record Owned(String user, String group) implements Requirement {
    }

    public record ModeAtMost(int mode) implements Requirement {
    }

    protected FileCheck(String id, String title, Severity severity, FileKind kind, Requirement requirement,
                        String remediation) {
        this.meta = new CheckMeta(id, Section.DAEMON_FILES, title, severity, "1", true, remediation,
                requirement instanceof ModeAtMost ? Optional.of(MODE_DIFFERS) : Optional.empty());
        this.kind = kind;
        this.requirement = requirement;
    }

    /** The file's path in the root, or empty when the host does not configure one. */
    protected abstract Optional<String> path(HostFacts facts);

    /** Why there is no path, when {@link #path} is empty. */
    protected String unconfigured() {
        return "not configured";
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    @Override
    public final CheckResult evaluate(HostFacts facts) {
        Optional<String> path = path(facts);
        if (path.isEmpty()) {
            return CheckResult.notApplicable(unconfigured());
        }
        Optional<FileStat> file = facts.file(path.get());
        if (file.isEmpty()) {
            return CheckResult.notApplicable(path.get() + " does not exist in " + facts.root());
        }
        FileStat f = file.get();
        if (f.kind() != kind) {
            return CheckResult.notApplicable(f.display() + " is a " + f.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not a " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return judge(requirement, f);
    }

    static CheckResult judge(Requirement requirement, FileStat f) {
        return switch (requirement) {
            case Owned o -> {
                Evidence e = new Evidence(f.display(), "owner:group", f.ownership() + " (" + f.uid() + ":"
                        + f.gid() + ")");
                yield f.ownerIs(o.user()) && f.groupIs(o.group())
                        ? CheckResult.pass("owned by " + o.user() + ":" + o.group(), e)
                        : CheckResult.fail("owned by " + f.ownership() + ", not " + o.user() + ":" + o.group(), e);
            }
            case ModeAtMost m -> {
                Evidence e = new Evidence(f.display(), "mode", f.modeOctal());
                yield f.modeAtMost(m.mode())
                        ? CheckResult.pass("mode " + f.modeOctal() + " is " + Modes.octal(m.mode())
                                + " or more restrictive", e)
                        : CheckResult.fail("mode " + f.modeOctal() + " sets " + Modes.octal(Modes.excess(f.mode(),
                                m.mode())) + " beyond " + Modes.octal(m.mode()), e);
            }
        };
    }
}

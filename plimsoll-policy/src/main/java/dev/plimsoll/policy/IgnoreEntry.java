package dev.plimsoll.policy;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted finding, or family of findings: every selector given must match (an entry with only {@code id}
 * accepts that vulnerability or rule everywhere). A reason is mandatory; an entry past its expiry date accepts
 * nothing and is reported, so that accepted risk is looked at again.
 *
 * @param id      a vulnerability id (CVE, GHSA, ... any alias matches) or a rule id
 * @param pkg     the package
 * @param path    a glob over the finding's file path ("/app/**", "**&#47;package-lock.json")
 * @param target  a glob over the scanned target's name (an image reference, a directory)
 * @param reason  why the finding is accepted
 * @param expires the last day the entry applies, if it ends
 * @param origin  where the entry is written ("plimsoll.yaml:14"), for reports
 */
public record IgnoreEntry(Optional<String> id, Optional<PackageSelector> pkg, Optional<String> path,
                          Optional<String> target, String reason, Optional<LocalDate> expires, String origin) {
    public IgnoreEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(pkg);
        Objects.requireNonNull(path);
        Objects.requireNonNull(target);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(expires);
        Objects.requireNonNull(origin);
        if (id.isEmpty() && pkg.isEmpty() && path.isEmpty() && target.isEmpty()) {
            throw new IllegalArgumentException("an ignore entry needs id, package, path or target");
        }
    }

    /** Whether the entry has expired by {@code today} (it applies through its expiry date). */
    public boolean expiredBy(LocalDate today) {
        return expires.isPresent() && today.isAfter(expires.get());
    }

    boolean matches(Finding f) {
        if (id.isPresent() && !f.ruleId().value().equalsIgnoreCase(id.get())
                && !(f instanceof VulnerabilityFinding v && v.aliases().stream().anyMatch(id.get()::equalsIgnoreCase))) {
            return false;
        }
        if (pkg.isPresent() && !(f instanceof VulnerabilityFinding v && pkg.get().matches(v.pkg()))) {
            return false;
        }
        if (path.isPresent() && !f.location().map(l -> Globs.matches(path.get(), l.path())).orElse(false)) {
            return false;
        }
        return target.isEmpty() || Globs.matches(target.get(), f.target().name());
    }

    /** What the entry selects, for messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        id.ifPresent(i -> sb.append(i));
        pkg.ifPresent(p -> sb.append(sb.isEmpty() ? "" : " in ").append(p));
        path.ifPresent(p -> sb.append(sb.isEmpty() ? "" : " at ").append(p));
        target.ifPresent(t -> sb.append(sb.isEmpty() ? "" : " of ").append(t));
        return sb.toString();
    }
}

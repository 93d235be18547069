package dev.plimsoll.match.support;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A terse builder of advisories for tests. */
public final class Adv {
    private final String id;
    private Set<String> aliases = Set.of();
    private String source = "test";
    private final PackageKey pkg;
    private final List<AffectedRange> ranges = new ArrayList<>();
    private List<String> versions = List.of();
    private FixState fix = new FixState.NotFixed();
    private Optional<Severity> severity = Optional.empty();
    private final List<Cvss> cvss = new ArrayList<>();
    private String title = "";
    private boolean withdrawn;

    private Adv(String id, PackageKey pkg) {
        this.id = id;
        this.pkg = pkg;
    }

    public static Adv of(String id, PackageKey pkg) {
        return new Adv(id, pkg);
    }

    public Adv aliases(String... a) {
        aliases = Set.of(a);
        return this;
    }

    public Adv source(String s) {
        source = s;
        return this;
    }

    /** An ECOSYSTEM range from alternating kinds and versions: "introduced", "0", "fixed", "1.2". */
    public Adv range(String... kindsAndVersions) {
        return range(RangeType.ECOSYSTEM, kindsAndVersions);
    }

    public Adv range(RangeType type, String... kindsAndVersions) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < kindsAndVersions.length; i += 2) {
            events.add(new Event(EventKind.valueOf(kindsAndVersions[i].toUpperCase(java.util.Locale.ROOT)),
                    kindsAndVersions[i + 1]));
        }
        ranges.add(new Events(type, events));
        return this;
    }

    public Adv range(AffectedRange r) {
        ranges.add(r);
        return this;
    }

    public Adv versions(String... v) {
        versions = List.of(v);
        return this;
    }

    /** Fixed in these versions; with no range yet, also the OSV range "introduced 0, fixed …". */
    public Adv fixed(String... v) {
        fix = new FixState.Fixed(List.of(v));
        return this;
    }

    public Adv fix(FixState f) {
        fix = f;
        return this;
    }

    public Adv severity(Severity s) {
        severity = Optional.of(s);
        return this;
    }

    public Adv cvss(String version, String vector, String by) {
        cvss.add(new Cvss(version, vector, Optional.empty(), by));
        return this;
    }

    public Adv title(String t) {
        title = t;
        return this;
    }

    public Adv withdrawn() {
        withdrawn = true;
        return this;
    }

    public Advisory build() {
        return new Advisory(id, aliases, source, pkg, ranges, versions, fix, severity, cvss, title,
                List.of(URI.create("https://example.test/" + id)), Optional.empty(), Optional.empty(), withdrawn);
    }
}

package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deterministic advisories shaped like the real feeds (Debian/Alpine rows keyed by release and source package,
 * OSV/GHSA rows for language ecosystems, NVD/EPSS/KEV partial facts), at whatever scale a benchmark asks for.
 * Advisories per key follow a heavy-tailed distribution (most packages have a few, a kernel has thousands), so
 * blocks have the sizes real ones have. The same seed gives the same sequence.
 */
final class SyntheticAdvisories {
    private static final String[] WORDS = ("remote attacker crafted request buffer overflow heap use after free "
            + "denial of service memory corruption arbitrary code execution cross site scripting injection "
            + "improper validation input certificate verification bypass authentication privilege escalation "
            + "integer overflow null pointer dereference path traversal race condition information disclosure "
            + "out of bounds read write function parser library allows via component version before when "
            + "handling malformed archive header signature").split(" ");
    private static final String[] DEBIAN = {"debian:10", "debian:11", "debian:12", "debian:13"};
    private static final String[] ALPINE = {"alpine:3.17", "alpine:3.18", "alpine:3.19", "alpine:3.20"};
    private static final Ecosystem[] LANGUAGE = {Ecosystem.NPM, Ecosystem.PYPI, Ecosystem.MAVEN, Ecosystem.GOLANG,
            Ecosystem.CARGO, Ecosystem.GEM, Ecosystem.COMPOSER, Ecosystem.NUGET};
    private static final String[] VECTORS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"};

    private final int keys;
    private final int advisories;
    private final int cves;
    private final long seed;

    SyntheticAdvisories(int keys, int advisories, int cves, long seed) {
        this.keys = keys;
        this.advisories = advisories;
        this.cves = cves;
        this.seed = seed;
    }

    /** Package key number {@code i} (0 ≤ i < keys): 45 % Debian, 15 % Alpine, the rest language ecosystems. */
    PackageKey key(int i) {
        int bucket = i % 20;
        if (bucket < 9) {
            return PackageKey.os(Ecosystem.DEB, DEBIAN[i % DEBIAN.length], "src" + (i / 4) + "-" + word(i));
        }
        if (bucket < 12) {
            return PackageKey.os(Ecosystem.APK, ALPINE[i % ALPINE.length], "apk" + (i / 4) + "-" + word(i + 1));
        }
        Ecosystem eco = LANGUAGE[i % LANGUAGE.length];
        String name = switch (eco) {
            case MAVEN -> "org." + word(i) + ".lib" + i + ":" + word(i + 3) + "-core";
            case GOLANG -> "github.com/" + word(i) + "/" + word(i + 2) + "-" + i;
            case COMPOSER -> word(i) + "/" + word(i + 5) + i;
            default -> word(i) + "-" + word(i + 7) + i;
        };
        return PackageKey.language(eco, name);
    }

    private static String word(int i) {
        return WORDS[Math.floorMod(i * 31 + 7, WORDS.length)];
    }

    /** Every advisory, in a fixed order (not key order: the writer must sort). */
    void forEachAdvisory(Consumer<Advisory> sink) {
        Random r = new Random(seed);
        for (int n = 0; n < advisories; n++) {
            sink.accept(advisory(r, n));
        }
    }

    /** Partial facts as three feeds give them: NVD for every CVE, EPSS for most, KEV for a few. */
    void forEachCveFacts(Consumer<CveFacts> sink) {
        Random r = new Random(seed + 1);
        for (int n = 0; n < cves; n++) {
            String cve = cveId(n);
            List<Cvss> cvss = List.of(new Cvss("3.1", VECTORS[r.nextInt(VECTORS.length)],
                    Optional.of(1 + r.nextInt(90) / 10.0), "nvd"));
            sink.accept(new CveFacts(cve, false, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    cvss, Optional.of(sentence(r, 25 + r.nextInt(40)))));
            if (n % 10 != 0) {
                sink.accept(new CveFacts(cve, false, Optional.empty(), OptionalDouble.of(r.nextDouble() / 10),
                        OptionalDouble.of(r.nextDouble()), List.of(), Optional.empty()));
            }
            if (n % 150 == 0) {
                sink.accept(new CveFacts(cve, true, Optional.of(LocalDate.of(2022, 1, 1).plusDays(n % 900)),
                        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), Optional.empty()));
            }
        }
    }

    static String cveId(int n) {
        return "CVE-" + (2005 + n % 20) + "-" + (1000 + n / 20);
    }

    /** Heavy tail: key index drawn so that a few keys collect most advisories. */
    private int pickKey(Random r) {
        double u = r.nextDouble();
        return (int) Math.min(keys - 1, Math.floor(keys * Math.pow(u, 2.2)));
    }

    private Advisory advisory(Random r, int n) {
        PackageKey key = key(pickKey(r));
        boolean os = key.ecosystem().isOs();
        String cve = cveId(r.nextInt(Math.max(1, cves)));
        String id;
        String source;
        Set<String> aliases;
        if (os) {
            id = cve;
            source = key.ecosystem() == Ecosystem.DEB ? "debian" : "alpine";
            aliases = r.nextInt(4) == 0 ? Set.of("DSA-" + (4000 + r.nextInt(1500)) + "-1") : Set.of();
        } else {
            id = "GHSA-" + code(r) + "-" + code(r) + "-" + code(r);
            source = "osv";
            aliases = Set.of(cve);
        }
        List<AffectedRange> ranges = new ArrayList<>();
        String fixed = r.nextInt(10) + "." + r.nextInt(30) + "." + r.nextInt(50) + (os ? "-" + (1 + r.nextInt(3)) : "");
        FixState fix;
        int f = r.nextInt(10);
        if (f < 7) {
            fix = new FixState.Fixed(List.of(fixed));
            ranges.add(new AffectedRange.Events(os ? AffectedRange.RangeType.ECOSYSTEM : AffectedRange.RangeType.SEMVER,
                    List.of(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"),
                            new AffectedRange.Event(AffectedRange.EventKind.FIXED, fixed))));
        } else if (f < 8) {
            fix = new FixState.NotFixed();
        } else if (f < 9) {
            fix = new FixState.WontFix(r.nextBoolean() ? "no-dsa" : "postponed");
        } else {
            fix = new FixState.NotAffected("vulnerable code not present");
        }
        List<Cvss> cvss = os || r.nextInt(3) == 0 ? List.of()
                : List.of(new Cvss("3.1", VECTORS[r.nextInt(VECTORS.length)], Optional.empty(), "ghsa"));
        List<URI> refs = new ArrayList<>();
        refs.add(URI.create("https://nvd.nist.gov/vuln/detail/" + cve));
        if (!os) {
            refs.add(URI.create("https://github.com/advisories/" + id));
            refs.add(URI.create("https://github.com/" + word(n) + "/" + word(n + 1) + "/commit/"
                    + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong())));
        } else if (r.nextBoolean()) {
            refs.add(URI.create("https://security-tracker.debian.org/tracker/" + cve));
        }
        Instant published = Instant.ofEpochSecond(1_300_000_000L + r.nextInt(400_000_000));
        Severity[] sevs = Severity.values();
        return new Advisory(id, aliases, source, key, ranges, List.of(), fix,
                r.nextInt(5) == 0 ? Optional.empty() : Optional.of(sevs[r.nextInt(sevs.length)]), cvss,
                os ? "" : sentence(r, 6 + r.nextInt(8)), refs, Optional.of(published),
                Optional.of(published.plusSeconds(r.nextInt(50_000_000))), r.nextInt(200) == 0);
    }

    private static String code(Random r) {
        String alphabet = "23456789cfghjmpqrvwx";
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.append('.').toString();
    }
}

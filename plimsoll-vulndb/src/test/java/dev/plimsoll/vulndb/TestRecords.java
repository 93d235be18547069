package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Records shaped after real ones in ../shared/vulndata: Log4Shell as GHSA-jfh8-c2jp-5v3q gives it for Maven (ids,
 * ranges, publication date, title), Debian's DSA-5020-1 fix for apache-log4j2 in bullseye, minimist's
 * GHSA-xvch-5gv4-984h ranges written as an npm constraint, RubySec's CVE-2022-30123 rack patched_versions (a negated
 * GEM constraint) and CISA KEV's date for CVE-2021-44228. Some fields are varied on purpose to cover every shape the
 * codec must keep (a withdrawn record, a won't-fix and a not-affected state, non-ASCII text, nanosecond times), so
 * these are test records, not copies of the feeds.
 */
final class TestRecords {
    static final PackageKey LOG4J = PackageKey.language(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core");
    static final PackageKey DEBIAN_LOG4J = PackageKey.os(Ecosystem.DEB, "debian:11", "apache-log4j2");
    static final PackageKey NPM_MINIMIST = PackageKey.language(Ecosystem.NPM, "minimist");
    static final PackageKey GEM_RACK = PackageKey.language(Ecosystem.GEM, "rack");

    private TestRecords() {
    }

    static Advisory log4Shell() {
        return new Advisory("GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), "ghsa", LOG4J,
                List.of(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                                new Event(EventKind.INTRODUCED, "2.13.0"), new Event(EventKind.FIXED, "2.15.0"))),
                        new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                                new Event(EventKind.INTRODUCED, "0"), new Event(EventKind.FIXED, "2.3.1"))),
                        new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                                new Event(EventKind.INTRODUCED, "2.4"), new Event(EventKind.FIXED, "2.12.2")))),
                List.of(), new FixState.Fixed(List.of("2.15.0", "2.3.1", "2.12.2")), Optional.of(Severity.CRITICAL),
                List.of(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Optional.of(10.0), "ghsa")),
                "Remote code injection in Log4j",
                List.of(URI.create("https://nvd.nist.gov/vuln/detail/CVE-2021-44228"),
                        URI.create("https://logging.apache.org/log4j/2.x/security.html")),
                Optional.of(Instant.parse("2021-12-10T00:40:56Z")), Optional.empty(),
                false);
    }

    static Advisory debianLog4Shell() {
        return new Advisory("CVE-2021-44228", Set.of("DSA-5020-1"), "debian", DEBIAN_LOG4J,
                List.of(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                        new Event(EventKind.INTRODUCED, "0"), new Event(EventKind.FIXED, "2.15.0-1~deb11u1")))),
                List.of(), new FixState.Fixed(List.of("2.15.0-1~deb11u1")), Optional.of(Severity.HIGH), List.of(), "",
                List.of(URI.create("https://security-tracker.debian.org/tracker/CVE-2021-44228")), Optional.empty(),
                Optional.empty(), false);
    }

    static Advisory debianNoDsa() {
        return new Advisory("CVE-2021-4104", Set.of(), "debian", DEBIAN_LOG4J, List.of(), List.of(),
                new FixState.WontFix("no-dsa"), Optional.empty(), List.of(), "", List.of(), Optional.empty(),
                Optional.empty(), false);
    }

    static Advisory debianNotAffected() {
        return new Advisory("CVE-2021-45105", Set.of(), "debian", DEBIAN_LOG4J, List.of(), List.of(),
                new FixState.NotAffected("vulnerable code not present"), Optional.of(Severity.UNKNOWN), List.of(), "",
                List.of(), Optional.empty(), Optional.empty(), false);
    }

    static Advisory minimist() {
        return new Advisory("GHSA-xvch-5gv4-984h", Set.of("CVE-2021-44906"), "ghsa", NPM_MINIMIST,
                List.of(new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.NPM,
                        List.of("<0.2.4", ">=1.0.0 <1.2.6"), false)),
                List.of("1.2.5", "0.2.3"), new FixState.Fixed(List.of("0.2.4", "1.2.6")),
                Optional.of(Severity.CRITICAL),
                List.of(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Optional.empty(), "ghsa")),
                "Prototype Pollution in minimist — “quoted” title ✓", List.of(), Optional.of(Instant.EPOCH),
                Optional.of(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)), false);
    }

    static Advisory rackWithdrawn() {
        return new Advisory("CVE-2022-30123", Set.of("GHSA-wq4h-7r42-5hrr"), "rubysec", GEM_RACK,
                List.of(new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.GEM,
                        List.of("~> 2.0.9, >= 2.0.9.1", "~> 2.1.4, >= 2.1.4.1", ">= 2.2.3.1"), true)),
                List.of(), new FixState.NotFixed(), Optional.of(Severity.LOW), List.of(),
                "Possible shell escape sequence injection vulnerability in Rack",
                List.of(), Optional.empty(), Optional.empty(), true);
    }

    static List<Advisory> all() {
        return List.of(log4Shell(), debianLog4Shell(), debianNoDsa(), debianNotAffected(), minimist(),
                rackWithdrawn());
    }

    static CveFacts kev() {
        return new CveFacts("CVE-2021-44228", true, Optional.of(LocalDate.of(2021, 12, 10)), OptionalDouble.empty(),
                OptionalDouble.empty(), List.of(), Optional.empty());
    }

    static CveFacts epss() {
        return new CveFacts("CVE-2021-44228", false, Optional.empty(), OptionalDouble.of(0.94358),
                OptionalDouble.of(0.99988), List.of(), Optional.empty());
    }

    static CveFacts nvd() {
        return new CveFacts("CVE-2021-44228", false, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                List.of(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Optional.of(10.0), "nvd"),
                        new Cvss("2.0", "AV:N/AC:M/Au:N/C:C/I:C/A:C", Optional.of(9.3), "nvd")),
                Optional.of("Apache Log4j2 2.0-beta9 through 2.15.0 JNDI features do not protect against "
                        + "attacker controlled LDAP and other JNDI related endpoints."));
    }

    static DbMetadata metadata() {
        return DbMetadata.current(Instant.parse("2024-05-01T10:00:00Z"), List.of(
                new SourceInfo("ghsa", "https://example.test/ghsa.zip", Instant.parse("2024-05-01T09:58:00Z"),
                        Optional.of(Instant.parse("2024-04-30T22:00:00Z")), 2, 1,
                        Optional.of("ghsa/GHSA-bad.json: no affected[]")),
                new SourceInfo("kev", "/data/kev", Instant.parse("2024-05-01T09:59:00Z"), Optional.empty(), 1, 0,
                        Optional.empty())));
    }
}

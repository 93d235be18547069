package dev.plimsoll.report;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Scans for the HTML report's own tests: one to filter (log4j and openssl findings), one full of markup. */
final class HtmlScans {
    /** Would end the data block and run a script if the JSON were not escaped. */
    static final String SCRIPT_PAYLOAD = "</script><script>alert(1)</script>";
    /** Would mark the page if any of these became an element and ran. */
    static final String IMG_PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">";
    static final String BREAKOUT_PAYLOAD =
            "</script><script>document.body.setAttribute('data-pwned','script')</script><!--<script>";
    static final String HOSTILE_TITLE = "overflow " + SCRIPT_PAYLOAD + " " + IMG_PAYLOAD + " \u2028\u2029 "
            + BREAKOUT_PAYLOAD;
    static final String HOSTILE_ID = "CVE-<b>2024</b>-&amp;";
    static final String HOSTILE_PACKAGE = "<iframe src=\"https://example.com/\"></iframe>";
    static final String HOSTILE_TARGET =
            "evil</h1><img src=x onerror=\"document.body.setAttribute('data-pwned','h1')\">";
    static final String HOSTILE_OS = "<b>Bold</b> OS \u0000\u001b[2J";
    static final String HOSTILE_PROBLEM = "<svg onload=\"document.body.setAttribute('data-pwned','svg')\">";
    static final String JAVASCRIPT_URL = "javascript:document.body.setAttribute('data-pwned','link')";

    private static final AnalyzerId JAR = AnalyzerId.of("lang/jar");

    private HtmlScans() {
    }

    /**
     * An application image with log4j-core (four findings: two CRITICAL, one HIGH, one MEDIUM) and libssl3 (one
     * CRITICAL, one LOW), so filters by text and by severity pick different rows.
     */
    static Report log4jApp() {
        Target target = new Target(Target.Kind.IMAGE, "registry.example.com/shop/app:2.3");
        LayerRef base = SampleScans.layer(0, "app-base", "ADD debian.tar /");
        LayerRef app = SampleScans.layer(1, "app-jar", "COPY app.jar /app/app.jar");
        OsRelease os = new OsRelease("debian", "12", Optional.of("bookworm"), "Debian GNU/Linux 12 (bookworm)",
                List.of(), Optional.empty(), "etc/os-release");
        Location jar = Location.of("app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar", app);
        Package log4j = new Package("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN,
                Optional.empty(), List.of("Apache-2.0"), List.of(jar), Optional.of(app), JAR,
                new PackageMetadata.Java("org.apache.logging.log4j", "log4j-core",
                        PackageMetadata.Java.IdentifiedBy.POM_PROPERTIES, Optional.empty(),
                        "9141212b8507ab50a45525b545b39d224614528b", Optional.empty()));
        Location status = Location.of("var/lib/dpkg/status", base);
        Package libssl = new Package("libssl3", "3.0.11-1~deb12u2", Ecosystem.DEB,
                Optional.of(new SourcePackage("openssl", "3.0.11-1~deb12u2")), List.of("Apache-2.0"),
                List.of(status), Optional.of(base), AnalyzerId.of("os/dpkg"),
                SampleScans.dpkg("Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>",
                        Optional.of("same"), 6203, List.of(), List.of()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.of(os), List.of(log4j, libssl),
                List.of());
        PackageRef log4jRef = new PackageRef(log4j.name(), log4j.version(), Ecosystem.MAVEN, inventory.purl(log4j));
        PackageRef sslRef = new PackageRef(libssl.name(), libssl.version(), Ecosystem.DEB, inventory.purl(libssl));
        List<Finding> findings = List.of(
                vulnerability("CVE-2021-44228", "log4j-core: Log4Shell remote code execution via JNDI lookups",
                        Severity.CRITICAL, target, jar, log4jRef, "2.15.0", true),
                vulnerability("CVE-2021-45046", "log4j-core: incomplete fix for CVE-2021-44228 in some configurations",
                        Severity.CRITICAL, target, jar, log4jRef, "2.16.0", false),
                vulnerability("CVE-2021-45105", "log4j-core: infinite recursion in lookup evaluation",
                        Severity.HIGH, target, jar, log4jRef, "2.17.0", false),
                vulnerability("CVE-2021-44832", "log4j-core: remote code execution with a JDBC Appender",
                        Severity.MEDIUM, target, jar, log4jRef, "2.17.1", false),
                vulnerability("CVE-2024-5535", "openssl: SSL_select_next_proto buffer overread",
                        Severity.CRITICAL, target, status, sslRef, "3.0.15-1~deb12u1", false),
                vulnerability("CVE-2024-2511", "openssl: unbounded memory growth with session handling in TLSv1.3",
                        Severity.LOW, target, status, sslRef, "3.0.13-1~deb12u1", false));
        return new Report(new ScanResult(target, inventory, findings, List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
    }

    /** Markup and script in every piece of scan data a page shows: nothing of it may become an element. */
    static Report hostile() {
        Target target = new Target(Target.Kind.IMAGE, HOSTILE_TARGET);
        OsRelease os = new OsRelease("debian", "12", Optional.empty(), HOSTILE_OS, List.of(), Optional.empty(),
                "etc/os-release");
        Location where = Location.of("app/" + IMG_PAYLOAD + "/lib.jar");
        Package pkg = new Package(HOSTILE_PACKAGE, "1.0<script>", Ecosystem.MAVEN, Optional.empty(),
                List.of(SCRIPT_PAYLOAD), List.of(where), Optional.empty(), JAR,
                new PackageMetadata.Java("g", "a", PackageMetadata.Java.IdentifiedBy.POM_PROPERTIES,
                        Optional.empty(), "0000000000000000000000000000000000000000", Optional.empty()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.of(os), List.of(pkg),
                List.of(ScanProblem.of(ProblemKind.MALFORMED_FILE, "lang/jar", IMG_PAYLOAD, HOSTILE_PROBLEM)));
        PackageRef ref = new PackageRef(pkg.name(), pkg.version(), Ecosystem.MAVEN, inventory.purl(pkg));
        List<Finding> findings = new ArrayList<>();
        findings.add(new VulnerabilityFinding(RuleId.of(HOSTILE_ID), List.of(SCRIPT_PAYLOAD), HOSTILE_TITLE,
                Severity.CRITICAL, "ghsa", target, Optional.of(where), ref, FixStatus.FIXED, "",
                List.of("2.0" + IMG_PAYLOAD), List.of(), true, OptionalDouble.empty(), MatchBasis.DIRECT,
                List.of("osv"), List.of(URI.create(JAVASCRIPT_URL), URI.create("https://example.com/advisory"))));
        findings.add(new MisconfigurationFinding(RuleId.of("DS002"), IMG_PAYLOAD, Severity.HIGH, target,
                Optional.of(Location.of("Dockerfile" + SCRIPT_PAYLOAD).atLine(3)), "message", "evidence",
                Optional.empty(), List.of(URI.create(JAVASCRIPT_URL))));
        return new Report(new ScanResult(target, inventory, findings, List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
    }

    private static VulnerabilityFinding vulnerability(String id, String title, Severity severity, Target target,
                                                      Location location, PackageRef pkg, String fixed,
                                                      boolean kev) {
        return new VulnerabilityFinding(RuleId.of(id), List.of(), title, severity, "nvd", target,
                Optional.of(location), pkg, FixStatus.FIXED, "", List.of(fixed), List.of(), kev,
                OptionalDouble.empty(), MatchBasis.DIRECT, List.of("osv"),
                List.of(URI.create("https://nvd.nist.gov/vuln/detail/" + id)));
    }
}

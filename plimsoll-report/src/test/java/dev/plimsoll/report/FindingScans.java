package dev.plimsoll.report;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Scans for the findings formats (SARIF, JUnit, Markdown) beyond {@link SampleScans}: lockfile findings in several
 * ecosystems with text an attacker controls (package data and advisory text can both be), and a scan with more
 * findings than a pull-request comment shows.
 */
final class FindingScans {
    /** Every kind of hostile text a title, name, version, path or message may carry. */
    static final String HOSTILE = "evil\u001b[2J\u001b]0;pwned\u0007 </script><script>alert(1)</script> a|b `rm -rf /`"
            + " @here #1 $x$ **bold** [click](javascript:alert(1)) <!-- \r\nline2\u202Egnp.exe\u0000\uFFFE\uD800 &amp;";
    static final String LONG_TITLE = "very long title ".repeat(400);

    private static final AnalyzerId NPM = AnalyzerId.of("lang/npm");
    private static final AnalyzerId PYTHON = AnalyzerId.of("lang/python");

    private FindingScans() {
    }

    /** Scenario name (used in golden file names) to report. */
    static Map<String, Supplier<Report>> all() {
        return Map.of("hostile-lockfiles", FindingScans::hostileLockfiles, "policy-gate", FindingScans::policyGate);
    }

    /**
     * The hostile-lockfiles scan judged by a policy that fails vulnerabilities at HIGH and secrets at LOW, after
     * hiding some findings: reports show the verdict and which findings fail.
     */
    static Report policyGate() {
        Report scan = hostileLockfiles();
        java.util.Set<String> failing = new java.util.HashSet<>();
        for (Finding f : scan.scan().findings()) {
            boolean fails = switch (f.kind()) {
                case VULNERABILITY -> f.severity().compareTo(Severity.HIGH) >= 0;
                case SECRET -> true;
                default -> false;
            };
            if (fails) {
                failing.add(f.fingerprint().value());
            }
        }
        java.util.Map<dev.plimsoll.core.finding.FindingKind, Severity> thresholds = new java.util.EnumMap<>(
                dev.plimsoll.core.finding.FindingKind.class);
        thresholds.put(dev.plimsoll.core.finding.FindingKind.VULNERABILITY, Severity.HIGH);
        thresholds.put(dev.plimsoll.core.finding.FindingKind.SECRET, Severity.LOW);
        java.util.Map<String, Long> hidden = new java.util.LinkedHashMap<>();
        hidden.put("ignored", 2L);
        hidden.put("baseline", 10L);
        return new Report(scan.scan(), scan.tool(), scan.createdAt(), Optional.of(
                new PolicyVerdict("plimsoll.yaml", thresholds, failing, hidden)));
    }

    /**
     * An application image: an npm lockfile with hostile package data and advisory text, a Python requirements file,
     * a Dockerfile misconfiguration, a secret in a path with spaces and non-ASCII, compliance controls that passed or
     * need review, and a problem whose message carries control characters.
     */
    static Report hostileLockfiles() {
        Target target = new Target(Target.Kind.IMAGE, "registry.example.com:5000/team/app:1.0");
        LayerRef app = SampleScans.layer(1, "app", "COPY . /app");
        Location lock = Location.of("/app/package-lock.json", app);
        Location requirements = Location.of("/app/requirements.txt", app).atLine(4);

        Package evil = new Package("@evil/left-pad`|" + HOSTILE, "1.0.0\u001b[31m|", Ecosystem.NPM, Optional.empty(),
                List.of("MIT"), List.of(lock), Optional.of(app), NPM, npm("node_modules/@evil/left-pad"));
        Package lodash = new Package("lodash", "4.17.20", Ecosystem.NPM, Optional.empty(), List.of("MIT"),
                List.of(lock), Optional.of(app), NPM, npm("node_modules/lodash"));
        Package jinja = new Package("Jinja2", "2.11.2", Ecosystem.PYPI, Optional.empty(), List.of("BSD-3-Clause"),
                List.of(requirements), Optional.of(app), PYTHON,
                new PackageMetadata.Declared("requirements.txt", false, PackageMetadata.Declared.Relation.DIRECT,
                        Optional.empty(), Optional.empty()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(evil, lodash, jinja),
                List.of());

        List<Finding> findings = List.of(
                new VulnerabilityFinding(RuleId.of("GHSA-evil-0000-0000"), List.of("CVE-2099-0001", HOSTILE),
                        HOSTILE, Severity.HIGH, "ghsa", target, Optional.of(lock),
                        new PackageRef(evil.name(), evil.version(), Ecosystem.NPM, inventory.purl(evil)),
                        FixStatus.FIXED, "", List.of("1.0.1|`<b>", "2.0.0"),
                        List.of(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", Optional.of(9.1),
                                "nvd"), new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N",
                                Optional.of(8.1), "ghsa")),
                        false, OptionalDouble.empty(), MatchBasis.DIRECT, List.of("ghsa"),
                        List.of(URI.create("javascript:alert(1)"), URI.create("advisory.html"),
                                URI.create("https://github.com/advisories/GHSA-evil-0000-0000?a=(1)"),
                                URI.create("https://example.com/caf%C3%A9/\u00e9t\u00e9"))),
                new VulnerabilityFinding(RuleId.of("CVE-2021-23337"), List.of("GHSA-35jh-r3h4-6jhm"),
                        "Command Injection in lodash", Severity.HIGH, "ghsa", target, Optional.of(lock),
                        new PackageRef("lodash", "4.17.20", Ecosystem.NPM, "pkg:npm/lodash@4.17.20"),
                        FixStatus.FIXED, "", List.of("4.17.21"),
                        List.of(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", Optional.of(7.2),
                                "nvd")),
                        false, OptionalDouble.of(0.05), MatchBasis.DIRECT, List.of("ghsa"),
                        List.of(URI.create("https://nvd.nist.gov/vuln/detail/CVE-2021-23337"))),
                new VulnerabilityFinding(RuleId.of("PYSEC-2021-66"), List.of(), LONG_TITLE, Severity.UNKNOWN, "osv",
                        target, Optional.of(requirements),
                        new PackageRef("Jinja2", "2.11.2", Ecosystem.PYPI, "pkg:pypi/jinja2@2.11.2"),
                        FixStatus.NOT_FIXED, "", List.of(), List.of(), false, OptionalDouble.empty(),
                        MatchBasis.DIRECT, List.of("osv"), List.of()),
                new MisconfigurationFinding(RuleId.of("DL3007"), "Using latest is prone to errors", Severity.MEDIUM,
                        target, Optional.of(Location.of("Dockerfile").atLineAndColumn(12, 6)),
                        "FROM node:latest ]]> uses the \"latest\" tag", "FROM node:latest",
                        Optional.of("pin the base image's version"),
                        List.of(URI.create("https://github.com/hadolint/hadolint/wiki/DL3007"))),
                new SecretFinding(RuleId.of("github-pat"), "GitHub personal access token", Severity.CRITICAL, target,
                        Location.of("app/config dir/secrets ü.env", app).atLine(7),
                        "ghp_****************************abcd", SampleScans.sha256Hex("ghp_example"),
                        Visibility.VISIBLE, List.of()).withCommit(new dev.plimsoll.core.finding.CommitRef(
                        "0123456789abcdef0123456789abcdef01234567", "Mallory \u001b[31m<mallory@example.com>",
                        java.time.Instant.parse("2024-02-03T04:05:06Z"))),
                new ComplianceFinding(RuleId.of("CIS-DOCKER-4.1"), "Ensure that a user for the container has been "
                        + "created", Severity.HIGH, target, Optional.empty(), ComplianceFinding.Outcome.PASS,
                        "config.User is app", Optional.empty(), List.of()),
                new ComplianceFinding(RuleId.of("CIS-DOCKER-4.10"), "Ensure secrets are not stored in Dockerfiles",
                        Severity.MEDIUM, target, Optional.empty(), ComplianceFinding.Outcome.NOTE,
                        "needs review of the build context", Optional.of("use build secrets"), List.of()));
        List<ScanProblem> problems = List.of(ScanProblem.of(ProblemKind.MALFORMED_FILE, "lang/npm",
                "/app/node_modules/x/package.json", "bad JSON at line 1: " + HOSTILE));
        return new Report(new ScanResult(target, inventory, findings, problems), SampleScans.TOOL,
                SampleScans.CREATED);
    }

    /** {@code perFile} findings in each of {@code files} lockfiles, severities cycling, no problems. */
    static Report manyFindings(int files, int perFile) {
        Target target = new Target(Target.Kind.FILESYSTEM, "/srv/project");
        List<Package> packages = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int f = 0; f < files; f++) {
            Location lock = Location.of("service-" + f + "/package-lock.json");
            for (int i = 0; i < perFile; i++) {
                String name = "pkg-" + f + "-" + i;
                packages.add(new Package(name, "1.0." + i, Ecosystem.NPM, Optional.empty(), List.of(), List.of(lock),
                        Optional.empty(), NPM, npm("node_modules/" + name)));
                findings.add(new VulnerabilityFinding(RuleId.of(String.format("CVE-2024-%05d", i)), List.of(),
                        "flaw number " + i, severities[i % severities.length], "ghsa", target, Optional.of(lock),
                        new PackageRef(name, "1.0." + i, Ecosystem.NPM, "pkg:npm/" + name + "@1.0." + i),
                        FixStatus.FIXED, "", List.of("1.1." + i), List.of(), false, OptionalDouble.empty(),
                        MatchBasis.DIRECT, List.of("ghsa"), List.of()));
            }
        }
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), packages, List.of());
        return new Report(new ScanResult(target, inventory, findings, List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
    }

    private static PackageMetadata.Npm npm(String installPath) {
        return new PackageMetadata.Npm(installPath, Optional.empty(), Optional.empty(), Optional.empty(), false,
                false);
    }
}

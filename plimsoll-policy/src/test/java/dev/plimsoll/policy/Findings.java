package dev.plimsoll.policy;

import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Findings for policy tests. */
final class Findings {
    static final Target IMAGE = new Target(Target.Kind.IMAGE, "registry.example/app:1.0");

    private Findings() {
    }

    static VulnerabilityFinding vuln(String id, Severity severity, String name, String version, Ecosystem eco,
                                     String path, FixStatus status, String... aliases) {
        return new VulnerabilityFinding(RuleId.of(id), List.of(aliases), id + " in " + name, severity, "ghsa",
                IMAGE, Optional.of(Location.of(path)), new PackageRef(name, version, eco,
                purl(eco, name, version)), status, "",
                status == FixStatus.FIXED ? List.of("99.0") : List.of(), List.of(), false, OptionalDouble.empty(),
                MatchBasis.DIRECT, List.of("ghsa"), List.of());
    }

    /** As the matcher writes them: Maven's group is the namespace, Debian's the distribution. */
    static String purl(Ecosystem eco, String name, String version) {
        return switch (eco) {
            case MAVEN -> "pkg:maven/" + name.replace(':', '/') + "@" + version;
            case DEB -> "pkg:deb/debian/" + name + "@" + version.replace(":", "%3A") + "?arch=amd64";
            default -> "pkg:" + eco.purlType() + "/" + name + "@" + version;
        };
    }

    static VulnerabilityFinding log4shell() {
        return vuln("CVE-2021-44228", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core", "2.14.1",
                Ecosystem.MAVEN, "/app/lib/log4j-core-2.14.1.jar", FixStatus.FIXED, "GHSA-jfh8-c2jp-5v3q");
    }

    static VulnerabilityFinding lodash() {
        return vuln("CVE-2021-23337", Severity.HIGH, "lodash", "4.17.15", Ecosystem.NPM, "/app/package-lock.json",
                FixStatus.FIXED, "GHSA-35jh-r3h4-6jhm");
    }

    static VulnerabilityFinding zlib() {
        return vuln("CVE-2023-45853", Severity.MEDIUM, "zlib1g", "1:1.2.13.dfsg-1", Ecosystem.DEB,
                "/var/lib/dpkg/status", FixStatus.WONT_FIX);
    }

    static MisconfigurationFinding rootUser(int line) {
        return new MisconfigurationFinding(RuleId.of("DL3002"), "Last USER should not be root", Severity.HIGH,
                new Target(Target.Kind.DOCKERFILE, "Dockerfile"), Optional.of(Location.of("Dockerfile").atLine(line)),
                "USER root", "USER root", Optional.of("add a USER"), List.of());
    }
}

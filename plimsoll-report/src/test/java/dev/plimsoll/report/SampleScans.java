package dev.plimsoll.report;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Representative scans for golden and validation tests: a Debian image with problems and one finding of each kind,
 * an Alpine image with origins and nothing wrong, a Rocky image with epochs and a module, and a root filesystem
 * without an image or an OS. Data are synthetic but shaped like the real databases' content.
 */
final class SampleScans {
    /** Has milliseconds on purpose: every format must print whole seconds. */
    static final Instant CREATED = Instant.parse("2025-01-31T12:34:56.789Z");
    static final ToolInfo TOOL = new ToolInfo("plimsoll", "0.1.0");

    private static final AnalyzerId DPKG = AnalyzerId.of("os/dpkg");
    private static final AnalyzerId APK = AnalyzerId.of("os/apk");
    private static final AnalyzerId RPM = AnalyzerId.of("os/rpm");

    private SampleScans() {
    }

    /** Scenario name (used in golden file names) to report. */
    static Map<String, Supplier<Report>> all() {
        return Map.of(
                "debian-image", SampleScans::debianImage,
                "alpine-image", SampleScans::alpineImage,
                "rocky-image", SampleScans::rockyImage,
                "rootfs", SampleScans::rootfs,
                "container-audit", ComplianceScans::containerAudit);
    }

    static Report debianImage() {
        Target target = new Target(Target.Kind.IMAGE, "debian:12");
        LayerRef base = layer(0, "debian-base", "# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'");
        LayerRef app = layer(1, "debian-app", "RUN apt-get install -y curl");
        ImageSummary image = new ImageSummary("debian:12", "docker-archive", List.of("debian:12"),
                Optional.of(digest("debian-manifest")), Optional.of(digest("debian-config")), Platform.LINUX_AMD64);
        OsRelease os = new OsRelease("debian", "12", Optional.of("bookworm"), "Debian GNU/Linux 12 (bookworm)",
                List.of(), Optional.of("12.8"), "etc/os-release");
        Location status = Location.of("var/lib/dpkg/status", app);

        Package baseFiles = new Package("base-files", "12.4+deb12u8", Ecosystem.DEB, Optional.empty(),
                List.of("GPL-2+"), List.of(status), Optional.of(base), DPKG,
                dpkg("Santiago Vila <sanvila@debian.org>", Optional.empty(), 341, List.of(),
                        List.of("/etc/debian_version", "/etc/os-release")));
        Package libssl = new Package("libssl3", "3.0.15-1~deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("openssl", "3.0.15-1~deb12u1")), List.of("Apache-2.0"),
                List.of(status), Optional.of(base), DPKG,
                dpkg("Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>", Optional.of("same"), 6203,
                        List.of("libc6 (>= 2.34)"), List.of("/usr/lib/x86_64-linux-gnu/libssl.so.3")));
        Package perl = new Package("perl-base", "5.36.0-7+deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("perl", "5.36.0-7+deb12u1")),
                List.of("Artistic-1.0-Perl OR GPL-1.0-or-later", "BSD-3-clause"), List.of(status),
                Optional.of(base), DPKG,
                dpkg("Niko Tyni <ntyni@debian.org>", Optional.empty(), 7613, List.of(), List.of("/usr/bin/perl")));
        Package zlib = new Package("zlib1g", "1:1.2.13.dfsg-1", Ecosystem.DEB,
                Optional.of(new SourcePackage("zlib", "1:1.2.13.dfsg-1")), List.of("Zlib"), List.of(status),
                Optional.of(base), DPKG,
                dpkg("Mark Brown <broonie@debian.org>", Optional.of("same"), 168, List.of("libc6 (>= 2.14)"),
                        List.of("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13")));
        Package curl = new Package("curl", "7.88.1-10+deb12u8", Ecosystem.DEB,
                Optional.of(new SourcePackage("curl", "7.88.1-10+deb12u8")), List.of("curl"), List.of(status),
                Optional.of(app), DPKG,
                dpkg("Alessandro Ghedini <ghedo@debian.org>", Optional.empty(), 500,
                        List.of("libc6 (>= 2.34)", "libcurl4 (= 7.88.1-10+deb12u8)", "zlib1g (>= 1:1.1.4)"),
                        List.of("/usr/bin/curl")));

        List<ScanProblem> inventoryProblems = List.of(new ScanProblem(ProblemKind.MALFORMED_FILE, "os/dpkg",
                Optional.of(app.id()), Optional.of("var/lib/dpkg/status.d/broken"),
                "line 7: a field outside any package stanza; the stanza was skipped"));
        // Deliberately out of report order: reporters sort.
        Inventory inventory = new Inventory(target, Optional.of(image), Optional.of(os),
                List.of(zlib, curl, baseFiles, perl, libssl), inventoryProblems);

        String libsslPurl = inventory.purl(libssl);
        String zlibPurl = inventory.purl(zlib);
        List<Finding> findings = List.of(
                new ComplianceFinding(RuleId.of("CIS-DOCKER-4.6"),
                        "Ensure that HEALTHCHECK instructions have been added to container images", Severity.LOW,
                        target, Optional.empty(), ComplianceFinding.Outcome.FAIL,
                        "the image config has no Healthcheck", Optional.of("add a HEALTHCHECK instruction"),
                        List.of(URI.create("https://www.cisecurity.org/benchmark/docker"))),
                new VulnerabilityFinding(RuleId.of("CVE-2023-45853"), List.of("DEBIAN-CVE-2023-45853"),
                        "zlib: integer overflow and heap-based buffer overflow in zipOpenNewFileInZip4_6",
                        Severity.MEDIUM, "debian", target, Optional.of(status),
                        new PackageRef("zlib1g", "1:1.2.13.dfsg-1", Ecosystem.DEB, zlibPurl), FixStatus.WONT_FIX,
                        "no-dsa", List.of(), List.of(new Cvss("3.1",
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Optional.of(9.8), "nvd")),
                        false, OptionalDouble.of(0.01234), MatchBasis.SOURCE_PACKAGE, List.of("debian-tracker"),
                        List.of(URI.create("https://security-tracker.debian.org/tracker/CVE-2023-45853"))),
                new SecretFinding(RuleId.of("aws-access-key-id"), "AWS access key ID", Severity.CRITICAL, target,
                        Location.of("app/.env", app).atLine(3), "AKIA************MPLE",
                        sha256Hex("AKIAIOSFODNN7EXAMPLE"), Visibility.WHITED_OUT,
                        List.of(URI.create("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"))),
                new MisconfigurationFinding(RuleId.of("CIS-DI-0001"), "Create a user for the container",
                        Severity.HIGH, target, Optional.empty(), "the image runs as root: config.User is empty",
                        "User=", Optional.of("add a USER instruction with a non-root user"), List.of()),
                new VulnerabilityFinding(RuleId.of("CVE-2024-5535"), List.of("DSA-5764-1", "GHSA-4fwx-9pcp-5vp4"),
                        "openssl: SSL_select_next_proto buffer overread", Severity.CRITICAL, "debian", target,
                        Optional.of(status),
                        new PackageRef("libssl3", "3.0.15-1~deb12u1", Ecosystem.DEB, libsslPurl),
                        FixStatus.FIXED, "", List.of("3.0.16-1~deb12u1"), List.of(), true, OptionalDouble.empty(),
                        MatchBasis.SOURCE_PACKAGE, List.of("debian-dsa", "osv"),
                        List.of(URI.create("https://www.openssl.org/news/secadv/20240627.txt"))));
        List<ScanProblem> scanProblems = List.of(ScanProblem.of(ProblemKind.LIMIT_EXCEEDED, "fs",
                "usr/share/big/archive.bin", "file larger than the 64 MiB read limit; not analysed"));
        return new Report(new ScanResult(target, inventory, findings, scanProblems), TOOL, CREATED);
    }

    static Report alpineImage() {
        Target target = new Target(Target.Kind.IMAGE, "alpine:3.20");
        LayerRef base = layer(0, "alpine-base", "ADD alpine-minirootfs-3.20.3-aarch64.tar.gz / # buildkit");
        ImageSummary image = new ImageSummary("alpine:3.20", "oci", List.of("alpine:3.20"),
                Optional.of(digest("alpine-manifest")), Optional.of(digest("alpine-config")),
                Platform.parse("linux/arm64/v8"));
        OsRelease os = new OsRelease("alpine", "3.20.3", Optional.empty(), "Alpine Linux v3.20", List.of(),
                Optional.empty(), "etc/os-release");
        Location installed = Location.of("lib/apk/db/installed", base);
        Package busybox = new Package("busybox", "1.36.1-r29", Ecosystem.APK,
                Optional.of(new SourcePackage("busybox", "1.36.1-r29")), List.of("GPL-2.0-only"),
                List.of(installed), Optional.of(base), APK,
                apk("aarch64", "busybox", "https://busybox.net/", "1a2b3c4d5e6f", 946176, List.of("so:libc.musl-aarch64.so.1"),
                        List.of("/bin/busybox")));
        Package libcrypto = new Package("libcrypto3", "3.3.2-r0", Ecosystem.APK,
                Optional.of(new SourcePackage("openssl", "3.3.2-r0")), List.of("Apache-2.0"), List.of(installed),
                Optional.of(base), APK,
                apk("aarch64", "openssl", "https://www.openssl.org/", "7e0c1a6b9d2f", 4206592,
                        List.of("so:libc.musl-aarch64.so.1"), List.of("/usr/lib/libcrypto.so.3")));
        Package musl = new Package("musl-utils", "1.2.5-r0", Ecosystem.APK,
                Optional.of(new SourcePackage("musl", "1.2.5-r0")),
                List.of("MIT AND BSD-2-Clause AND GPL-2.0-or-later"), List.of(installed), Optional.of(base), APK,
                apk("aarch64", "musl", "https://musl.libc.org/", "3f9e8d7c6b5a", 135168,
                        List.of("scanelf", "so:libc.musl-aarch64.so.1"), List.of("/sbin/ldconfig", "/usr/bin/getent")));
        Inventory inventory = new Inventory(target, Optional.of(image), Optional.of(os),
                List.of(busybox, libcrypto, musl), List.of());
        return new Report(new ScanResult(target, inventory, List.of(), List.of()), TOOL, CREATED);
    }

    static Report rockyImage() {
        Target target = new Target(Target.Kind.IMAGE, "rockylinux:9");
        LayerRef base = layer(0, "rocky-base", "ADD rocky-9-container.tar.xz /");
        LayerRef node = layer(1, "rocky-node", "RUN dnf module install -y nodejs:18");
        ImageSummary image = new ImageSummary("rockylinux:9", "docker-archive", List.of("rockylinux:9"),
                Optional.empty(), Optional.of(digest("rocky-config")), Platform.LINUX_AMD64);
        OsRelease os = new OsRelease("rocky", "9.3", Optional.empty(), "Rocky Linux 9.3 (Blue Onyx)",
                List.of("rhel", "centos", "fedora"), Optional.empty(), "etc/os-release");
        Location rpmdb = Location.of("var/lib/rpm/rpmdb.sqlite", node);
        Package bash = new Package("bash", "5.1.8-6.el9_1", Ecosystem.RPM,
                Optional.of(new SourcePackage("bash", "5.1.8-6.el9_1")), List.of("GPLv3+"), List.of(rpmdb),
                Optional.of(base), RPM,
                new PackageMetadata.Rpm(Optional.empty(), "5.1.8", "6.el9_1", "x86_64",
                        Optional.of("bash-5.1.8-6.el9_1.src.rpm"), Optional.of("Rocky Enterprise Software Foundation"),
                        Optional.empty(), OptionalLong.of(7738634), List.of("/usr/bin/bash")));
        Package openssl = new Package("openssl-libs", "1:3.0.7-24.el9", Ecosystem.RPM,
                Optional.of(new SourcePackage("openssl", "1:3.0.7-24.el9")), List.of("ASL 2.0"), List.of(rpmdb),
                Optional.of(base), RPM,
                new PackageMetadata.Rpm(Optional.of(1), "3.0.7", "24.el9", "x86_64",
                        Optional.of("openssl-3.0.7-24.el9.src.rpm"), Optional.of("Rocky Enterprise Software Foundation"),
                        Optional.empty(), OptionalLong.of(6465413), List.of("/usr/lib64/libssl.so.3")));
        String nodeRelease = "1.module+el9.3.0+16880+0d1b2a9c";
        Package nodejs = new Package("nodejs", "1:18.19.0-" + nodeRelease, Ecosystem.RPM,
                Optional.of(new SourcePackage("nodejs", "1:18.19.0-" + nodeRelease)),
                List.of("MIT and ASL 2.0 and ISC and BSD"), List.of(rpmdb), Optional.of(node), RPM,
                new PackageMetadata.Rpm(Optional.of(1), "18.19.0", nodeRelease, "x86_64",
                        Optional.of("nodejs-18.19.0-" + nodeRelease + ".src.rpm"),
                        Optional.of("Rocky Enterprise Software Foundation"),
                        Optional.of("nodejs:18:9030020231116152838:rhel9"), OptionalLong.of(55738470),
                        List.of("/usr/bin/node")));
        Inventory inventory = new Inventory(target, Optional.of(image), Optional.of(os),
                List.of(bash, openssl, nodejs), List.of());
        List<Finding> findings = List.of(new VulnerabilityFinding(RuleId.of("CVE-2024-22019"),
                List.of("RHSA-2024:1510"), "nodejs: reading unprocessed HTTP request with unbounded chunk extension "
                + "allows DoS attacks", Severity.HIGH, "rocky", target, Optional.of(rpmdb),
                new PackageRef("nodejs", nodejs.version(), Ecosystem.RPM, inventory.purl(nodejs)),
                FixStatus.FIXED, "", List.of("1:18.19.1-1.module+el9.3.0+17000+a1b2c3d4"), List.of(), false,
                OptionalDouble.empty(), MatchBasis.DIRECT, List.of("osv"),
                List.of(URI.create("https://nodejs.org/en/blog/vulnerability/february-2024-security-releases"))));
        return new Report(new ScanResult(target, inventory, findings, List.of()), TOOL, CREATED);
    }

    /** A directory scanned without an image or an OS; tzdata is recorded twice, so its purl is shared. */
    static Report rootfs() {
        Target target = new Target(Target.Kind.ROOTFS, "/srv/rootfs");
        Package tzdata = new Package("tzdata", "2024a-0+deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("tzdata", "2024a-0+deb12u1")), List.of("public-domain"),
                List.of(Location.of("var/lib/dpkg/status")), Optional.empty(), DPKG,
                dpkg("GNU Libc Maintainers <debian-glibc@lists.debian.org>", Optional.empty(), 3432, List.of(),
                        List.of("/usr/share/zoneinfo/UTC")));
        Package tzdataAgain = new Package("tzdata", "2024a-0+deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("tzdata", "2024a-0+deb12u1")), List.of("public-domain"),
                List.of(Location.of("var/lib/dpkg/status.d/tzdata")), Optional.empty(), DPKG,
                dpkg("GNU Libc Maintainers <debian-glibc@lists.debian.org>", Optional.empty(), 3432, List.of(),
                        List.of()));
        Package certs = new Package("ca-certificates", "20230311", Ecosystem.DEB, Optional.empty(),
                List.of(), List.of(new Location("var/lib/dpkg/status", Optional.empty(), OptionalInt.of(42))),
                Optional.empty(), DPKG,
                dpkg("Julien Cristau <jcristau@debian.org>", Optional.empty(), 384, List.of("openssl (>= 1.1.1)"),
                        List.of()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(),
                List.of(tzdata, tzdataAgain, certs),
                List.of(ScanProblem.of(ProblemKind.UNSUPPORTED, "os/release", null,
                        "no os-release file: packages are reported without a distribution")));
        return new Report(new ScanResult(target, inventory, List.of(), List.of()), TOOL, CREATED);
    }

    static PackageMetadata.Dpkg dpkg(String maintainer, Optional<String> multiArch, long sizeKib,
                                     List<String> depends, List<String> files) {
        return new PackageMetadata.Dpkg("amd64", Optional.of(maintainer), multiArch, OptionalLong.of(sizeKib),
                depends, files);
    }

    private static PackageMetadata.Apk apk(String arch, String origin, String url, String commit, long size,
                                           List<String> depends, List<String> files) {
        return new PackageMetadata.Apk(arch, Optional.of(origin), Optional.of("Natanael Copa <ncopa@alpinelinux.org>"),
                Optional.of(url), Optional.of(commit), OptionalLong.of(size), depends, files);
    }

    static LayerRef layer(int index, String seed, String createdBy) {
        return new LayerRef(index, Optional.of(digest(seed + "-blob")), Optional.of(digest(seed + "-diff")),
                1024L * (index + 1), Optional.of("application/vnd.oci.image.layer.v1.tar+gzip"),
                Optional.of(createdBy));
    }

    /** A stable, realistic-looking digest: the SHA-256 of a label. */
    static Digest digest(String label) {
        return new Digest("sha256", sha256Hex(label));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

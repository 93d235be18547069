package dev.plimsoll.analyzer.os.dpkg;

import static dev.plimsoll.testkit.AnalyzerHarness.layer;
import static dev.plimsoll.testkit.AnalyzerHarness.layerRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import dev.plimsoll.testkit.AnalyzerHarness.Delivered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpkgAnalyzerTest {
    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final String STATUS = "/var/lib/dpkg/status";

    @TempDir
    Path scratch;

    private static AnalyzerHarness dpkg() {
        return AnalyzerHarness.of(new DpkgAnalyzer());
    }

    private static Package named(AnalyzerOutput out, String name) {
        return out.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static PackageMetadata.Dpkg meta(Package p) {
        return (PackageMetadata.Dpkg) p.metadata();
    }

    private static byte[] fixture(String path) throws IOException {
        return Files.readAllBytes(RESOURCES.resolve(path));
    }

    /** The rows of a ground-truth TSV of the bench images (header line first). */
    private static List<String> truth(String path) throws IOException {
        return Files.readAllLines(RESOURCES.resolve(path)).stream().filter(l -> !l.startsWith("#")).sorted()
                .toList();
    }

    @Test
    void asksForTheStatusFileStatusDAndFileListsWithOlderCopies() {
        var interests = new DpkgAnalyzer().interests();
        assertThat(interests.includeDeleted()).isTrue();
        assertThat(new DpkgAnalyzer().id()).isEqualTo(AnalyzerId.of("os/dpkg"));

        AnalyzerHarness.Run run = dpkg().fixture("dpkg/bookworm-minbase").run();

        assertThat(run.deliveredPaths()).containsExactly(
                "/var/lib/dpkg/info/base-files.list",
                "/var/lib/dpkg/info/bash.list",
                "/var/lib/dpkg/info/libc6:amd64.list",
                "/var/lib/dpkg/info/tzdata.list",
                STATUS);
    }

    @Test
    void bookwormMinbaseMatchesTheBenchGroundTruth() throws IOException {
        AnalyzerOutput out = dpkg().fixture("dpkg/bookworm-minbase").runInEveryOrder().output();

        assertThat(out.problems()).isEmpty();
        assertThat(out.packages()).hasSize(88);
        assertThat(DpkgQuery.rows(out.packages())).isEqualTo(truth("dpkg/bookworm-minbase.truth.tsv"));
    }

    @Test
    void bookwormMinbaseMatchesDpkgQuery() throws Exception {
        AnalyzerOutput out = dpkg().fixture("dpkg/bookworm-minbase").run().output();

        assertThat(DpkgQuery.rows(out.packages()))
                .isEqualTo(DpkgQuery.installed(fixture("dpkg/bookworm-minbase" + STATUS), scratch));
    }

    @Test
    void packagesCarryTheirMetadataFilesAndLocation() {
        AnalyzerOutput out = dpkg().fixture("dpkg/bookworm-minbase").run().output();

        Package libc = named(out, "libc6");
        assertThat(libc.ecosystem()).isEqualTo(Ecosystem.DEB);
        assertThat(libc.foundBy()).isEqualTo(DpkgAnalyzer.ID);
        assertThat(libc.source()).contains(new SourcePackage("glibc", libc.version()));
        assertThat(libc.locations()).containsExactly(Location.of(STATUS, layerRef(0)));
        assertThat(libc.introducedIn()).contains(layerRef(0));
        assertThat(libc.licenses()).isEmpty();
        PackageMetadata.Dpkg d = meta(libc);
        assertThat(d.architecture()).isEqualTo("amd64");
        assertThat(d.multiArch()).contains("same");
        assertThat(d.maintainer()).contains("GNU Libc Maintainers <debian-glibc@lists.debian.org>");
        assertThat(d.installedSizeKib()).isEqualTo(OptionalLong.of(13001));
        assertThat(d.depends()).containsExactly("libgcc-s1");
        // From info/libc6:amd64.list (Multi-Arch: same), without the directories it also lists.
        assertThat(d.files()).contains("/lib/x86_64-linux-gnu/libc.so.6", "/etc/ld.so.conf.d/x86_64-linux-gnu.conf")
                .doesNotContain("/.", "/lib", "/lib/x86_64-linux-gnu", "/etc/ld.so.conf.d");

        assertThat(meta(named(out, "base-files")).files()).contains("/etc/os-release", "/usr/lib/os-release")
                .doesNotContain("/etc");
        assertThat(meta(named(out, "bash")).files()).contains("/bin/bash");
        // No info list in the fixture: no files, and no problem either (dpkg only warns).
        assertThat(meta(named(out, "apt")).files()).isEmpty();
        assertThat(meta(named(out, "apt")).depends()).contains("adduser", "gpgv | gpgv2 | gpgv1");
    }

    @Test
    void packagesAreSortedByNameVersionArchitecture() {
        List<Package> packages = dpkg().fixture("dpkg/edge-cases").run().output().packages();

        assertThat(packages).extracting(Package::name, Package::version, p -> meta(p).architecture())
                .startsWith(tuple("binnmu", "1.2-3+b1", "amd64"), tuple("binnmu", "1.2-3+b1", "i386"));
        assertThat(packages).extracting(Package::name).isSorted();
    }

    @Test
    void edgeCasesMatchDpkgQuery() throws Exception {
        AnalyzerOutput out = dpkg().fixture("dpkg/edge-cases").runInEveryOrder().output();

        assertThat(out.problems()).isEmpty();
        assertThat(DpkgQuery.rows(out.packages()))
                .isEqualTo(DpkgQuery.installed(fixture("dpkg/edge-cases" + STATUS), scratch));
        assertThat(out.packages()).extracting(Package::name).containsExactly("binnmu", "binnmu", "described",
                "empty-source", "epoch-binnmu", "held", "lower-case-fields", "mixed-case", "no-arch",
                "spaced-source", "zero-epoch");
    }

    @Test
    void edgeCasesSourceVersionsFollowDpkg() {
        AnalyzerOutput out = dpkg().fixture("dpkg/edge-cases").run().output();

        // binNMU with a bare Source: the source version is the binary version, "+b1" and all.
        assertThat(named(out, "binnmu").source()).contains(new SourcePackage("binnmu-src", "1.2-3+b1"));
        assertThat(named(out, "epoch-binnmu").source()).contains(new SourcePackage("epoch-src", "2:1.2-3"));
        assertThat(named(out, "zero-epoch").version()).isEqualTo("1.0");
        assertThat(named(out, "zero-epoch").source()).contains(new SourcePackage("zero-src", "1.0-1"));
        assertThat(named(out, "spaced-source").source()).contains(new SourcePackage("spaced-src", "5.0-1"));
        assertThat(named(out, "empty-source").source()).contains(new SourcePackage("empty-source", "1.0"));
        assertThat(named(out, "held").version()).isEqualTo("3.0-1");
        assertThat(meta(named(out, "no-arch")).architecture()).isEmpty();
        assertThat(meta(named(out, "lower-case-fields")).depends())
                .containsExactly("libc6 (>= 2.34)", "libfoo1 (>= 1.0) | libbar1", "libbaz2");
        assertThat(meta(named(out, "lower-case-fields")).installedSizeKib()).isEqualTo(OptionalLong.of(42));
        assertThat(meta(named(out, "described")).multiArch()).contains("foreign");
    }

    @Test
    void multiArchPackagesTakeTheirFilesFromTheArchitectureQualifiedList() {
        AnalyzerOutput out = dpkg().fixture("dpkg/edge-cases").run().output();

        List<Package> binnmu = out.packages().stream().filter(p -> p.name().equals("binnmu")).toList();
        assertThat(binnmu).extracting(p -> meta(p).files()).containsExactly(
                List.of("/usr/lib/x86_64-linux-gnu/libbinnmu.so.1", "/usr/share/doc/binnmu/copyright"),
                List.of("/usr/lib/i386-linux-gnu/libbinnmu.so.1"));
        assertThat(meta(named(out, "described")).files()).containsExactly("/usr/bin/described",
                "/etc/described/a.conf", "/etc/described/b.conf", "/usr/share/empty-dir-owned");
    }

    @Test
    void crlfLineEndsAndAMissingFinalNewlineAreRead() throws Exception {
        String lf = new String(fixture("dpkg/edge-cases" + STATUS), StandardCharsets.UTF_8);
        List<String> expected = DpkgQuery.installed(lf.getBytes(StandardCharsets.UTF_8), scratch);

        // dpkg itself rejects both forms; the analyzer reads them as what they evidently mean.
        for (String variant : List.of(lf.replace("\n", "\r\n"), lf.stripTrailing())) {
            AnalyzerOutput out = dpkg().layer(layer().file(STATUS, variant)).run().output();
            assertThat(out.problems()).isEmpty();
            assertThat(DpkgQuery.rows(out.packages())).isEqualTo(expected);
        }
    }

    @Test
    void aLayerThatInstallsAPackageIsItsIntroducer() throws IOException {
        AnalyzerHarness.Run run = dpkg().fixture("dpkg/bookworm-minbase").fixture("dpkg/bookworm-sudo-layer")
                .runInEveryOrder();
        AnalyzerOutput out = run.output();

        assertThat(run.delivered()).contains(new Delivered(STATUS, 0, Visibility.SHADOWED),
                new Delivered(STATUS, 1, Visibility.VISIBLE));
        assertThat(DpkgQuery.rows(out.packages())).isEqualTo(truth("dpkg/bookworm-sudo-layer.truth.tsv"));
        assertThat(named(out, "sudo").introducedIn()).contains(layerRef(1));
        assertThat(named(out, "sudo").locations()).containsExactly(Location.of(STATUS, layerRef(1)));
        assertThat(meta(named(out, "sudo")).files()).contains("/usr/bin/sudo");
        assertThat(out.packages()).filteredOn(p -> !p.name().equals("sudo"))
                .allSatisfy(p -> assertThat(p.introducedIn()).contains(layerRef(0)));
    }

    @Test
    void anUpgradeIntroducesTheNewVersionAndLayersWithoutACopyDoNotBreakTheChain() {
        AnalyzerOutput out = dpkg()
                .layer(layer().file(STATUS, status("keep 1.0", "upgraded 1.0")))
                .layer(layer().file(STATUS, status("keep 1.0", "upgraded 2.0")))
                .layer(layer().file("/etc/motd", "no database change here"))
                .layer(layer().file(STATUS, status("keep 1.0", "upgraded 2.0", "added 1.0")))
                .runInEveryOrder().output();

        assertThat(out.packages()).extracting(Package::name, p -> p.introducedIn().map(LayerRef::index))
                .containsExactly(tuple("added", Optional.of(3)), tuple("keep", Optional.of(0)),
                        tuple("upgraded", Optional.of(1)));
    }

    @Test
    void aReinstalledPackageIsIntroducedByTheReinstall() {
        AnalyzerOutput out = dpkg()
                .layer(layer().file(STATUS, status("base 1.0", "tool 1.0")))
                .layer(layer().file(STATUS, status("base 1.0")))
                .layer(layer().file(STATUS, status("base 1.0", "tool 1.0")))
                .runInEveryOrder().output();

        assertThat(named(out, "tool").introducedIn()).contains(layerRef(2));
        assertThat(named(out, "base").introducedIn()).contains(layerRef(0));
    }

    @Test
    void anotherArchitectureIsAnotherPackageForAttribution() {
        AnalyzerOutput out = dpkg()
                .layer(layer().file(STATUS, status("tool 1.0 amd64")))
                .layer(layer().file(STATUS, status("tool 1.0 arm64")))
                .run().output();

        assertThat(named(out, "tool").introducedIn()).contains(layerRef(1));
    }

    @Test
    void aDatabaseDeletedAndWrittenAgainStartsTheChainOver() {
        AnalyzerOutput out = dpkg()
                .layer(layer().file(STATUS, status("base 1.0")))
                .layer(layer().whiteout("/var/lib/dpkg"))
                .layer(layer().file(STATUS, status("base 1.0")))
                .runInEveryOrder().output();

        assertThat(named(out, "base").introducedIn()).contains(layerRef(2));
    }

    @Test
    void aDeletedDatabaseReportsNothing() {
        AnalyzerHarness.Run run = dpkg()
                .layer(layer().file(STATUS, status("base 1.0")).file("/var/lib/dpkg/info/base.list", "/bin/base\n")
                        .file("/var/lib/dpkg/status.d/gone", "Package: gone\nVersion: 1.0\nArchitecture: all\n"))
                .layer(layer().whiteout("/var/lib/dpkg"))
                .run();

        assertThat(run.delivered()).extracting(Delivered::visibility).containsOnly(Visibility.WHITED_OUT);
        assertThat(run.output()).isEqualTo(AnalyzerOutput.empty());
    }

    @Test
    void distrolessStatusDFilesAreInstalledPackagesIntroducedByTheirLayer() throws Exception {
        AnalyzerHarness.Run run = dpkg()
                .layer(layer().file("/etc/debian_version", "12.11\n"))
                .fixture("dpkg/distroless-status-d")
                .runInEveryOrder();
        AnalyzerOutput out = run.output();

        assertThat(run.deliveredPaths()).containsExactly(
                "/var/lib/dpkg/status.d/base-files",
                "/var/lib/dpkg/status.d/base-files.md5sums",
                "/var/lib/dpkg/status.d/libssl3",
                "/var/lib/dpkg/status.d/libssl3.md5sums",
                "/var/lib/dpkg/status.d/netbase",
                "/var/lib/dpkg/status.d/tzdata");
        assertThat(out.problems()).isEmpty();
        assertThat(out.packages()).extracting(Package::name).containsExactly("base-files", "libssl3", "netbase",
                "tzdata");
        Package libssl = named(out, "libssl3");
        assertThat(libssl.source()).contains(new SourcePackage("openssl", libssl.version()));
        assertThat(libssl.locations()).containsExactly(Location.of("/var/lib/dpkg/status.d/libssl3", layerRef(1)));
        assertThat(libssl.introducedIn()).contains(layerRef(1));
        assertThat(meta(libssl).files()).contains("/usr/lib/x86_64-linux-gnu/libssl.so.3");
        assertThat(meta(named(out, "netbase")).files()).isEmpty();

        // The oracle: the same control data as a status file of installed packages.
        StringBuilder status = new StringBuilder();
        for (String name : List.of("base-files", "libssl3", "netbase", "tzdata")) {
            String control = new String(fixture("dpkg/distroless-status-d/var/lib/dpkg/status.d/" + name),
                    StandardCharsets.UTF_8);
            status.append(control.replaceFirst("\n", "\nStatus: install ok installed\n")).append('\n');
        }
        assertThat(DpkgQuery.rows(out.packages()))
                .isEqualTo(DpkgQuery.installed(status.toString().getBytes(StandardCharsets.UTF_8), scratch));
    }

    @Test
    void aPackageInBothTheStatusFileAndStatusDIsOnePackageFoundTwice() {
        AnalyzerOutput out = dpkg()
                .layer(layer().file("/var/lib/dpkg/status.d/both",
                        "Package: both\nVersion: 1.0\nArchitecture: amd64\n"))
                .layer(layer().file(STATUS, status("both 1.0")))
                .run().output();

        assertThat(out.packages()).singleElement().satisfies(p -> {
            assertThat(p.locations()).containsExactly(Location.of(STATUS, layerRef(1)),
                    Location.of("/var/lib/dpkg/status.d/both", layerRef(0)));
            assertThat(p.introducedIn()).contains(layerRef(0));
        });
    }

    @Test
    void malformedParagraphsAreReportedWithTheirLineAndTheRestIsRead() {
        String text = """
                Package: good-one
                Status: install ok installed
                Version: 1.0
                Architecture: amd64

                Package: no-colon
                Status: install ok installed
                this line has no colon
                Version: 1.0

                 continuation: at the start of a paragraph
                Package: orphan

                Package: twice
                Package: twice
                Status: install ok installed
                Version: 1.0

                Package: bad-status
                Status: install installed
                Version: 1.0

                Package: no-version
                Status: install ok installed
                Architecture: amd64

                Package: bad-version
                Status: install ok installed
                Version: 1.0-

                Package: -bad-name
                Status: install ok installed
                Version: 1.0

                Status: install ok installed
                Version: 1.0

                Package: bad-source-version
                Status: install ok installed
                Version: 1.0
                Source: src (1:)
                Architecture: amd64

                Package: good-two
                Status: install ok installed
                Version: 2.0
                Architecture: amd64
                """;
        AnalyzerOutput out = dpkg().layer(layer().file(STATUS, text)).run().output();

        assertThat(out.packages()).extracting(Package::name).containsExactly("bad-source-version", "good-one",
                "good-two");
        assertThat(named(out, "bad-source-version").source()).contains(new SourcePackage("src", "1.0"));
        assertThat(out.problems()).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.component()).isEqualTo("os/dpkg");
            assertThat(p.path()).contains(STATUS);
            assertThat(p.layer()).contains(layerRef(0).id());
        });
        assertThat(out.problems()).extracting(ScanProblem::message).containsExactly(
                "line 8: expected \"Field: value\"",
                "line 11: continuation line without a field before it",
                "line 15: duplicate field Package",
                "line 19: package bad-status: invalid Status \"install installed\"",
                "line 23: package no-version: installed package without a Version field",
                "line 27: package bad-version: revision number is empty",
                "line 31: package -bad-name: package name \"-bad-name\" must start with a letter or digit",
                "line 35: paragraph without a Package field",
                "line 38: package bad-source-version: Source version: nothing after colon in version number");
    }

    @Test
    void twoInstancesOfOnePackageAreBothKeptAndReported() {
        AnalyzerOutput out = dpkg().layer(layer().file(STATUS, status("dup 1.0", "dup 2.0"))).run().output();

        assertThat(out.packages()).extracting(Package::version).containsExactly("1.0", "2.0");
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.INCONSISTENT);
            assertThat(p.message()).contains("dup", "listed again");
        });
    }

    @Test
    void aSymlinkedStatusFileIsReportedNotFollowed() {
        AnalyzerOutput out = dpkg().layer(layer().symlink(STATUS, "/usr/share/dpkg/status")).run().output();

        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).singleElement().extracting(ScanProblem::kind).isEqualTo(ProblemKind.UNSUPPORTED);
    }

    @Test
    void hostileStatusFilesBecomeProblems() {
        assertThat(hostile(new byte[0]).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.INCONSISTENT);
            assertThat(p.message()).contains("empty");
        });

        byte[] garbage = new byte[1 << 20];
        new java.util.Random(7).nextBytes(garbage);
        AnalyzerOutput out = hostile(garbage);
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(11);

        String big = "x".repeat(10 * 1024 * 1024);
        assertThat(hostile(("Package: " + big + "\n").getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().extracting(ScanProblem::message).asString().contains("longer than");
        assertThat(hostile(big.getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().extracting(ScanProblem::message).asString().contains("expected");
        assertThat(hostile(("Description: " + big + "\nPackage: p\nStatus: install ok installed\nVersion: 1\n")
                .getBytes(StandardCharsets.UTF_8)).packages()).extracting(Package::name).containsExactly("p");
        // Many colon-less lines: linear, not quadratic, and the report is capped.
        assertThat(hostile("no colon here\n\n".repeat(500_000).getBytes(StandardCharsets.UTF_8)).problems())
                .hasSize(11).last().extracting(ScanProblem::message).asString()
                .isEqualTo("499990 further problems in this file not listed");
    }

    private static AnalyzerOutput hostile(byte[] status) {
        // Linear work on hostile input shows in the benchmarks; tests do not assert on the machine's speed.
        return dpkg().layer(layer().file(STATUS, status)).run().output();
    }

    /** A status file of installed packages, each "name version [arch]". */
    private static String status(String... packages) {
        StringBuilder sb = new StringBuilder();
        for (String p : packages) {
            String[] f = p.split(" ");
            sb.append("Package: ").append(f[0]).append("\nStatus: install ok installed\nVersion: ").append(f[1])
                    .append("\nArchitecture: ").append(f.length > 2 ? f[2] : "amd64").append("\n\n");
        }
        return sb.toString();
    }
}

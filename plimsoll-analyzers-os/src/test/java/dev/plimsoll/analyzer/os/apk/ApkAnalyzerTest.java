package dev.plimsoll.analyzer.os.apk;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApkAnalyzerTest {
    private static final String INSTALLED = "/lib/apk/db/installed";

    private static AnalyzerHarness apk() {
        return AnalyzerHarness.of(new ApkAnalyzer());
    }

    private static Package named(AnalyzerOutput out, String name) {
        return out.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static PackageMetadata.Apk meta(Package p) {
        return (PackageMetadata.Apk) p.metadata();
    }

    @Test
    void asksForTheInstalledDatabaseWithOlderCopies() {
        assertThat(new ApkAnalyzer().id()).isEqualTo(AnalyzerId.of("os/apk"));
        assertThat(new ApkAnalyzer().interests().includeDeleted()).isTrue();

        AnalyzerHarness.Run run = apk().fixture("apk/alpine-3.18").fixture("release/alpine-3.18").run();

        assertThat(run.delivered()).containsExactly(new Delivered(INSTALLED, 0, Visibility.VISIBLE));
    }

    @Test
    void alpineMatchesTheBenchGroundTruth() throws IOException {
        AnalyzerOutput out = apk().fixture("apk/alpine-3.18").runInEveryOrder().output();

        List<String> rows = new ArrayList<>();
        for (Package p : out.packages()) {
            rows.add(String.join("\t", p.name(), p.version(), meta(p).origin().orElse(""), meta(p).architecture()));
        }
        List<String> truth = Files.readAllLines(Path.of("src/test/resources/apk/alpine-3.18.truth.tsv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertThat(out.problems()).isEmpty();
        assertThat(rows).isEqualTo(truth);
    }

    @Test
    void packagesCarrySourceLicenseMetadataAndLocation() {
        AnalyzerOutput out = apk().fixture("apk/alpine-3.18").run().output();

        Package ssl = named(out, "libssl3");
        assertThat(ssl.version()).isEqualTo("3.1.2-r0");
        assertThat(ssl.ecosystem()).isEqualTo(Ecosystem.APK);
        assertThat(ssl.foundBy()).isEqualTo(ApkAnalyzer.ID);
        assertThat(ssl.source()).contains(new SourcePackage("openssl", "3.1.2-r0"));
        assertThat(ssl.licenses()).containsExactly("Apache-2.0");
        assertThat(ssl.locations()).containsExactly(Location.of(INSTALLED, layerRef(0)));
        assertThat(ssl.introducedIn()).contains(layerRef(0));
        assertThat(meta(ssl).maintainer()).contains("Natanael Copa");
        assertThat(meta(ssl).commit()).contains("c898fa1e7226427010e329971e82c669f8d8abb4");
        assertThat(meta(ssl).url()).isEmpty();
        assertThat(meta(ssl).files()).isEmpty();
        assertThat(meta(ssl).installedSize()).isEqualTo(OptionalLong.of(250000));
        assertThat(named(out, "ca-certificates-bundle").licenses()).containsExactly("MPL-2.0 AND MIT");
    }

    @Test
    void filesJoinDirectoriesAndTheirFiles() {
        AnalyzerOutput out = apk().fixture("apk/with-files").runInEveryOrder().output();

        assertThat(out.problems()).isEmpty();
        assertThat(meta(named(out, "musl")).files()).containsExactly("/lib/ld-musl-x86_64.so.1",
                "/lib/libc.musl-x86_64.so.1");
        assertThat(meta(named(out, "busybox")).files()).containsExactly("/bin/busybox", "/etc/securetty",
                "/etc/logrotate.d/acpid", "/usr/share/udhcpc/default.script");
        Package client = named(out, "ssl_client");
        assertThat(meta(client).depends()).containsExactly("so:libc.musl-x86_64.so.1", "so:libcrypto.so.3",
                "so:libssl.so.3");
        assertThat(meta(client).url()).contains("https://busybox.net/");
        assertThat(meta(client).maintainer()).contains("Sören Tempel <soeren+alpine@soeren-tempel.net>");
        assertThat(client.source()).contains(new SourcePackage("busybox", "1.36.1-r15"));
        assertThat(named(out, "alpine-baselayout-data").source())
                .contains(new SourcePackage("alpine-baselayout", "3.4.3-r2"));
        assertThat(out.packages()).extracting(Package::name).containsExactly("alpine-baselayout-data", "busybox",
                "musl", "ssl_client");
    }

    @Test
    void eachPackageIsIntroducedByTheLowestLayerItStayedInstalledFrom() {
        AnalyzerHarness.Run run = apk().fixture("apk/upgrade-layers/base").fixture("apk/upgrade-layers/upgrade")
                .layer(layer().file("/etc/motd", "unrelated"))
                .fixture("apk/upgrade-layers/top").runInEveryOrder();

        assertThat(run.delivered()).containsExactly(new Delivered(INSTALLED, 3, Visibility.VISIBLE),
                new Delivered(INSTALLED, 1, Visibility.SHADOWED), new Delivered(INSTALLED, 0, Visibility.SHADOWED));
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> p.introducedIn().map(LayerRef::index))
                .containsExactly(
                        tuple("busybox", "1.36.1-r2", Optional.of(0)),
                        tuple("curl", "8.5.0-r0", Optional.of(1)),
                        tuple("jq", "1.7.1-r0", Optional.of(3)),
                        tuple("musl", "1.2.4-r2", Optional.of(1)),
                        tuple("readline", "8.2.1-r1", Optional.of(3)),
                        tuple("zlib", "1.2.13-r1", Optional.of(0)));
        assertThat(run.output().packages()).allSatisfy(p ->
                assertThat(p.locations()).containsExactly(Location.of(INSTALLED, layerRef(3))));
    }

    @Test
    void aDatabaseDeletedBelowTheVisibleOneBreaksTheChain() {
        String db = "P:a\nV:1\nA:x86_64\n";
        AnalyzerOutput out = apk().layer(layer().file(INSTALLED, db)).layer(layer().whiteout("/lib/apk"))
                .layer(layer().file(INSTALLED, db)).run().output();

        assertThat(named(out, "a").introducedIn()).contains(layerRef(2));
    }

    @Test
    void malformedBlocksAreReportedWithTheirLineAndTheRestIsRead() {
        String db = """
                P:good
                V:1.0-r0
                A:x86_64
                o:good-origin

                P:broken
                this is not a field
                V:1.0-r0

                V:1.0-r0
                A:x86_64

                P:noversion
                A:x86_64

                P:twice
                V:1.0-r0
                V:2.0-r0

                P:bad name
                V:1.0-r0

                P:last
                V:2.0-r1
                F:usr/bin
                R:last
                """;
        AnalyzerOutput out = apk().layer(layer().file(INSTALLED, db)).run().output();

        assertThat(out.packages()).extracting(Package::name).containsExactly("good", "last");
        assertThat(named(out, "last").source()).contains(new SourcePackage("last", "2.0-r1"));
        assertThat(meta(named(out, "last")).architecture()).isEmpty();
        assertThat(out.problems()).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.component()).isEqualTo("os/apk");
            assertThat(p.path()).contains(INSTALLED);
        });
        assertThat(out.problems()).extracting(ScanProblem::message).containsExactly(
                "line 7: expected \"X:value\"",
                "line 10: package without a name (P:)",
                "line 13: package noversion: no version (V:)",
                "line 18: field V given twice in one package",
                "line 20: invalid package name \"bad name\"");
    }

    @Test
    void aPackageListedTwiceIsReportedOnce() {
        String block = "P:a\nV:1\nA:x86_64\n\n";
        AnalyzerOutput out = apk().layer(layer().file(INSTALLED, block + block)).run().output();

        assertThat(out.packages()).hasSize(1);
        assertThat(out.problems()).singleElement().extracting(ScanProblem::kind).isEqualTo(ProblemKind.INCONSISTENT);
    }

    @Test
    void crlfLineEndsAreRead() {
        AnalyzerOutput out = apk().layer(layer().file(INSTALLED, "P:a\r\nV:1-r0\r\nA:x86_64\r\n\r\nP:b\r\nV:2-r0"))
                .run().output();

        assertThat(out.problems()).isEmpty();
        assertThat(out.packages()).extracting(Package::name, Package::version)
                .containsExactly(tuple("a", "1-r0"), tuple("b", "2-r0"));
    }

    @Test
    void hostileDatabasesBecomeProblems() {
        assertThat(hostile(new byte[0]).problems()).singleElement().extracting(ScanProblem::kind)
                .isEqualTo(ProblemKind.INCONSISTENT);

        byte[] garbage = new byte[1 << 20];
        new Random(11).nextBytes(garbage);
        AnalyzerOutput out = hostile(garbage);
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(11);

        String big = "x".repeat(10 * 1024 * 1024);
        assertThat(hostile(("P:" + big + "\nV:1\n").getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
                .extracting(ScanProblem::message).asString().contains("longer than");
        assertThat(hostile(big.getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
                .extracting(ScanProblem::message).asString().contains("expected");
        assertThat(hostile(("T:" + big + "\nP:p\nV:1\n").getBytes(StandardCharsets.UTF_8)).packages())
                .extracting(Package::name).containsExactly("p");
    }

    @Test
    void aSymlinkedDatabaseIsReportedNotFollowed() {
        AnalyzerOutput out = apk().layer(layer().symlink(INSTALLED, "/var/lib/apk/installed")).run().output();

        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).singleElement().extracting(ScanProblem::kind).isEqualTo(ProblemKind.UNSUPPORTED);
    }

    private static AnalyzerOutput hostile(byte[] db) {
        // Linear work on hostile input shows in the benchmarks; tests do not assert on the machine's speed.
        return apk().layer(layer().file(INSTALLED, db)).run().output();
    }
}

package dev.plimsoll.analyzer.os.release;

import static dev.plimsoll.testkit.AnalyzerHarness.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import dev.plimsoll.testkit.AnalyzerHarness.Delivered;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OsReleaseAnalyzerTest {
    private static AnalyzerHarness release() {
        return AnalyzerHarness.of(new OsReleaseAnalyzer());
    }

    private static OsRelease os(String id, String versionId, String codename, String pretty, String idLike,
                                String detail, String source) {
        return new OsRelease(id, versionId, Optional.ofNullable(codename), pretty,
                idLike == null ? List.of() : List.of(idLike.split(" ")), Optional.ofNullable(detail), source);
    }

    record Case(String fixture, OsRelease expected) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> distributions() {
        return Stream.of(
                new Case("release/debian-bookworm", os("debian", "12", "bookworm",
                        "Debian GNU/Linux 12 (bookworm)", null, "12.15", "/usr/lib/os-release")),
                new Case("release/debian-sid", os("debian", "trixie", "trixie", "Debian GNU/Linux trixie/sid",
                        null, "trixie/sid", "/usr/lib/os-release")),
                new Case("release/debian-8", os("debian", "8", "jessie", "Debian GNU/Linux 8 (jessie)", null,
                        "8.11", "/etc/os-release")),
                new Case("release/debian-6-legacy", os("debian", "6", null, "Debian GNU/Linux 6", null, "6.0.10",
                        "/etc/debian_version")),
                new Case("release/distroless-debian12", os("debian", "12", "bookworm", "Distroless", null, "12.5",
                        "/etc/os-release")),
                new Case("dpkg/distroless-status-d", os("debian", "12", null, "Debian GNU/Linux 12", null, null,
                        "/var/lib/dpkg/status.d/base-files")),
                new Case("release/ubuntu-22.04", os("ubuntu", "22.04", "jammy", "Ubuntu 22.04.3 LTS", "debian",
                        "22.04.3", "/usr/lib/os-release")),
                new Case("release/ubuntu-lsb-only", os("ubuntu", "11.10", "oneiric", "Ubuntu 11.10", null, null,
                        "/etc/lsb-release")),
                new Case("release/alpine-3.18", os("alpine", "3.18.4", null, "Alpine Linux v3.18", null, null,
                        "/etc/os-release")),
                new Case("release/alpine-legacy", os("alpine", "3.4.6", null, "Alpine Linux v3.4", null, null,
                        "/etc/alpine-release")),
                new Case("release/wolfi", os("wolfi", "20230201", null, "Wolfi", null, null, "/etc/os-release")),
                new Case("release/rocky-9", os("rocky", "9.2", null, "Rocky Linux 9.2 (Blue Onyx)",
                        "rhel centos fedora", null, "/usr/lib/os-release")),
                new Case("release/almalinux-9", os("almalinux", "9.3", null, "AlmaLinux 9.3 (Shamrock Pampas Cat)",
                        "rhel centos fedora", null, "/etc/os-release")),
                new Case("release/centos-7", os("centos", "7", null, "CentOS Linux 7 (Core)", "rhel fedora",
                        "7.9.2009", "/etc/os-release")),
                new Case("release/centos-6-legacy", os("centos", "6.10", "Final", "CentOS release 6.10 (Final)",
                        null, null, "/etc/centos-release")),
                new Case("release/rhel-8", os("rhel", "8.9", null, "Red Hat Enterprise Linux 8.9 (Ootpa)",
                        "fedora", null, "/etc/os-release")),
                new Case("release/rhel-6-legacy", os("rhel", "6.10", "Santiago",
                        "Red Hat Enterprise Linux Server release 6.10 (Santiago)", null, null, "/etc/redhat-release")),
                new Case("release/oraclelinux-8", os("ol", "8.9", null, "Oracle Linux Server 8.9", "fedora", null,
                        "/etc/os-release")),
                new Case("release/oraclelinux-6-legacy", os("ol", "6.10", null, "Oracle Linux Server release 6.10",
                        null, null, "/etc/oracle-release")),
                new Case("release/amazonlinux-2", os("amzn", "2", null, "Amazon Linux 2", "centos rhel fedora",
                        null, "/etc/os-release")),
                new Case("release/amazonlinux-2018-legacy", os("amzn", "2018.03", null,
                        "Amazon Linux AMI release 2018.03", null, null, "/etc/system-release")),
                new Case("release/fedora-39", os("fedora", "39", null, "Fedora Linux 39 (Container Image)", null,
                        null, "/usr/lib/os-release")),
                new Case("release/sles-15", os("sles", "15.5", null, "SUSE Linux Enterprise Server 15 SP5", "suse",
                        null, "/etc/os-release")),
                new Case("release/sles-11-legacy", os("sles", "11.4", null, "SUSE Linux Enterprise Server 11", null,
                        null, "/etc/SuSE-release")),
                new Case("release/opensuse-leap-15", os("opensuse-leap", "15.5", null, "openSUSE Leap 15.5",
                        "suse opensuse", null, "/usr/lib/os-release")),
                new Case("release/opensuse-13-legacy", os("opensuse", "13.2", "Harlequin", "openSUSE 13.2", null,
                        null, "/etc/SuSE-release")),
                new Case("release/photon-4", os("photon", "4.0", null, "VMware Photon OS/Linux", null, null,
                        "/etc/os-release")),
                new Case("release/photon-legacy", os("photon", "4.0", null, "VMware Photon OS 4.0", null, null,
                        "/etc/photon-release")));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void detectsTheDistribution(Case c) {
        AnalyzerOutput out = release().fixture(c.fixture()).runInEveryOrder().output();

        assertThat(out.os()).contains(c.expected());
        assertThat(out.problems()).isEmpty();
        assertThat(out.packages()).isEmpty();
        assertThat(out.findings()).isEmpty();
    }

    @Test
    void asksForTheReleaseFilesVisibleOnly() {
        assertThat(new OsReleaseAnalyzer().id()).isEqualTo(AnalyzerId.of("os/release"));
        assertThat(new OsReleaseAnalyzer().interests().includeDeleted()).isFalse();

        AnalyzerHarness.Run run = release().fixture("release/alpine-3.18").fixture("release/rocky-9")
                .layer(layer().file("/etc/hostname", "x").file("/usr/lib/os-release.d/x", "ID=x"))
                .run();

        assertThat(run.delivered()).containsExactlyInAnyOrder(
                new Delivered("/etc/os-release", 1, Visibility.VISIBLE),
                new Delivered("/etc/redhat-release", 1, Visibility.VISIBLE),
                new Delivered("/etc/rocky-release", 1, Visibility.VISIBLE),
                new Delivered("/etc/system-release", 1, Visibility.VISIBLE),
                new Delivered("/usr/lib/os-release", 1, Visibility.VISIBLE),
                new Delivered("/etc/alpine-release", 0, Visibility.VISIBLE));
        assertThat(run.output().os()).map(OsRelease::id).contains("rocky");
    }

    @Test
    void nothingToTellIsNoOs() {
        AnalyzerOutput out = release().fixture("release/busybox").run().output();

        assertThat(out).isEqualTo(AnalyzerOutput.empty());
    }

    @Test
    void etcOsReleaseWinsOverUsrLibOsRelease() {
        AnalyzerOutput out = release().layer(layer()
                .file("/usr/lib/os-release", "ID=vendor\nVERSION_ID=1\n")
                .file("/etc/os-release", "ID=admin\nVERSION_ID=2\n")).run().output();

        assertThat(out.os()).map(OsRelease::id).contains("admin");
    }

    @Test
    void anEtcOsReleaseWithoutIdGivesWayToTheNextFile() {
        AnalyzerOutput out = release().layer(layer()
                .file("/etc/os-release", "NAME=Nameless\n")
                .file("/usr/lib/os-release", "ID=vendor\nVERSION_ID=1\n")).run().output();

        assertThat(out.os()).map(OsRelease::source).contains("/usr/lib/os-release");
    }

    @Test
    void anOsReleaseWithoutAnyIdIsLinuxWhenNothingElseTells() {
        AnalyzerOutput out = release().layer(layer().file("/etc/os-release", "NAME=\"Custom OS\"\nVERSION=7\n"))
                .run().output();

        assertThat(out.os()).contains(os("linux", "", null, "Custom OS 7", null, null, "/etc/os-release"));
    }

    @Test
    void symlinksAreFollowedWithinTheRoot() {
        for (String target : List.of("../usr/lib/os-release", "/usr/lib/os-release", "../../../../usr/lib/os-release",
                "./../usr/./lib//os-release")) {
            AnalyzerOutput out = release().layer(layer().file("/usr/lib/os-release", "ID=linked\n"))
                    .layer(layer().symlink("/etc/os-release", target)).run().output();
            assertThat(out.os()).as(target).map(OsRelease::id).contains("linked");
            assertThat(out.problems()).isEmpty();
        }
        AnalyzerOutput chained = release().layer(layer()
                .file("/etc/centos-release", "CentOS release 6.10 (Final)\n")
                .symlink("/etc/redhat-release", "centos-release")
                .symlink("/etc/system-release", "redhat-release")).run().output();
        assertThat(chained.os()).map(OsRelease::source).contains("/etc/centos-release");
    }

    @Test
    void aSymlinkThatLeadsNowhereIsAProblemAndOlderFilesStillTell() {
        AnalyzerOutput dangling = release().layer(layer().symlink("/etc/os-release", "../usr/lib/os-release")
                .file("/etc/debian_version", "11.9\n")).run().output();

        assertThat(dangling.os()).map(OsRelease::versionId).contains("11");
        assertThat(dangling.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.INCONSISTENT);
            assertThat(p.component()).isEqualTo("os/release");
            assertThat(p.path()).contains("/etc/os-release");
        });

        AnalyzerOutput loop = release().layer(layer().symlink("/etc/os-release", "os-release")
                .symlink("/usr/lib/os-release", "../../etc/os-release")).run().output();
        assertThat(loop.os()).isEmpty();
        assertThat(loop.problems()).extracting(ScanProblem::path).containsExactly(Optional.of("/etc/os-release"),
                Optional.of("/usr/lib/os-release"));
    }

    @Test
    void onlyTheVisibleCopiesCount() {
        AnalyzerOutput replaced = release()
                .layer(layer().file("/etc/os-release", "ID=alpine\nVERSION_ID=3.18.4\n"))
                .layer(layer().file("/etc/os-release", "ID=debian\nVERSION_ID=12\n")).run().output();
        assertThat(replaced.os()).map(OsRelease::id).contains("debian");

        AnalyzerOutput deleted = release()
                .layer(layer().file("/etc/os-release", "ID=alpine\nVERSION_ID=3.18.4\n")
                        .file("/etc/debian_version", "12.8\n"))
                .layer(layer().whiteout("/etc/os-release")).run().output();
        assertThat(deleted.os()).map(OsRelease::source).contains("/etc/debian_version");
    }

    @Test
    void distrolessTakesTheVersionFromDebianVersionWhenPresent() {
        AnalyzerOutput out = release().fixture("dpkg/distroless-status-d")
                .layer(layer().file("/etc/debian_version", "12.11\n")).run().output();

        assertThat(out.os()).contains(os("debian", "12", null, "Debian GNU/Linux 12", null, "12.11",
                "/etc/debian_version"));
    }

    @Test
    void distrolessWithoutBaseFilesIsDebianOfUnknownRelease() {
        AnalyzerOutput out = release().layer(layer().file("/var/lib/dpkg/status.d/netbase",
                "Package: netbase\nVersion: 6.4\nArchitecture: all\n")).run().output();

        assertThat(out.os()).contains(os("debian", "", null, "Debian GNU/Linux", null, null,
                "/var/lib/dpkg/status.d"));
    }

    @Test
    void theOldFilesGoMostSpecificFirst() {
        AnalyzerOutput oracle = release().fixture("release/oraclelinux-6-legacy").run().output();
        assertThat(oracle.os()).map(OsRelease::id).contains("ol");

        AnalyzerOutput ubuntu = release().fixture("release/ubuntu-lsb-only").run().output();
        assertThat(ubuntu.os()).map(OsRelease::id).contains("ubuntu");

        // A redhat-release naming a product this analyzer does not know keeps the id its name implies.
        AnalyzerOutput unknown = release().layer(layer().file("/etc/redhat-release",
                "Acme Enterprise Linux release 8.4 (Road Runner)\n")).run().output();
        assertThat(unknown.os()).map(OsRelease::id).contains("rhel");
        // system-release has no id of its own: an unknown product there tells nothing.
        AnalyzerOutput nothing = release().layer(layer().file("/etc/system-release",
                "Acme Linux release 1 (Coyote)\n")).run().output();
        assertThat(nothing.os()).isEmpty();
    }

    @Test
    void hostileReleaseFilesStayBounded() {
        byte[] garbage = new byte[512 * 1024];
        new Random(3).nextBytes(garbage);
        AnalyzerOutput out = release().layer(layer().file("/etc/os-release", garbage)
                .file("/etc/redhat-release", garbage).file("/etc/debian_version", garbage)).run().output();
        out.os().ifPresent(os -> assertThat(os.prettyName().length()).isLessThanOrEqualTo(256));

        // Below the 1 MiB content bound, so that the analyzer sees them.
        String huge = "x".repeat(300_000);
        AnalyzerOutput longValues = release().layer(layer().file("/etc/os-release",
                "ID=ok\nVERSION_ID=" + huge + "\nPRETTY_NAME=\"" + huge + "\"\nVERSION_CODENAME=" + huge + "\n"))
                .run().output();
        assertThat(longValues.os()).contains(os("ok", "", null, "x".repeat(256), null, null, "/etc/os-release"));

        AnalyzerOutput badId = release().layer(layer().file("/etc/os-release", "ID=\"" + huge + "!\"\n")
                .file("/etc/alpine-release", "3.19.1\n")).run().output();
        assertThat(badId.os()).map(OsRelease::id).contains("alpine");
        assertThat(badId.problems()).singleElement().extracting(ScanProblem::kind)
                .isEqualTo(ProblemKind.MALFORMED_FILE);

        AnalyzerHarness.Run tooBig = release().layer(layer().file("/etc/os-release",
                ("ID=big\n" + "x".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8))).run();
        assertThat(tooBig.tooLarge()).containsExactly("/etc/os-release@0");
    }

    @Test
    void linkTargetsResolveRelativeToTheLinkAndNeverAboveTheRoot() {
        assertThat(OsReleaseAnalyzer.linkTarget("/etc/os-release", "../usr/lib/os-release"))
                .isEqualTo("/usr/lib/os-release");
        assertThat(OsReleaseAnalyzer.linkTarget("/etc/os-release", "/usr/lib/os-release"))
                .isEqualTo("/usr/lib/os-release");
        assertThat(OsReleaseAnalyzer.linkTarget("/etc/os-release", "../../../../../usr/lib/os-release"))
                .isEqualTo("/usr/lib/os-release");
        assertThat(OsReleaseAnalyzer.linkTarget("/etc/redhat-release", "centos-release"))
                .isEqualTo("/etc/centos-release");
        assertThat(OsReleaseAnalyzer.linkTarget("/etc/os-release", "..")).isEqualTo("/");
    }
}

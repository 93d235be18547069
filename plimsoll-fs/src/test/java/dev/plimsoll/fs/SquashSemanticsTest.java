package dev.plimsoll.fs;

import static dev.plimsoll.testkit.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class SquashSemanticsTest {

    @Test
    void whiteoutDeletesAFileOfALowerLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("etc").file("etc/passwd", "root").file("etc/shadow", "secret").build(),
                tar().whiteout("etc/shadow").build()));

        assertThat(f.paths()).containsExactly("/etc", "/etc/passwd");
        assertThat(f.deletedPaths()).containsExactly("/etc/shadow@0:WHITED_OUT");
        assertThat(f.view().problems()).isEmpty();
    }

    @Test
    void whiteoutOfADirectoryDeletesEverythingBelowIt() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("opt").dir("opt/app").file("opt/app/a", "a").dir("opt/app/sub").file("opt/app/sub/b", "b")
                        .file("opt/keep", "k").build(),
                tar().whiteout("opt/app").build()));

        assertThat(f.paths()).containsExactly("/opt", "/opt/keep");
        assertThat(f.deletedPaths()).containsExactly("/opt/app@0:WHITED_OUT", "/opt/app/a@0:WHITED_OUT",
                "/opt/app/sub@0:WHITED_OUT", "/opt/app/sub/b@0:WHITED_OUT");
    }

    @Test
    void opaqueDirectoryHidesLowerChildrenButKeepsItsOwnLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("etc").dir("etc/conf.d").file("etc/conf.d/a", "a").file("etc/conf.d/b", "b")
                        .file("etc/hostname", "h").build(),
                tar().dir("etc/conf.d").opaque("etc/conf.d").file("etc/conf.d/c", "c").build()));

        assertThat(f.paths()).containsExactly("/etc", "/etc/conf.d", "/etc/conf.d/c", "/etc/hostname");
        assertThat(f.file("/etc/conf.d").layer().index()).isEqualTo(1);
        assertThat(f.deletedPaths()).containsExactly("/etc/conf.d@0:SHADOWED", "/etc/conf.d/a@0:WHITED_OUT",
                "/etc/conf.d/b@0:WHITED_OUT");
    }

    @Test
    void opaqueMarkerAfterItsSiblingsStillKeepsThem() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("d/old", "o").build(),
                tar().file("d/new", "n").opaque("d").build()));

        assertThat(f.paths()).containsExactly("/d/new");
        assertThat(f.deletedPaths()).containsExactly("/d/old@0:WHITED_OUT");
    }

    @Test
    void fileReplacingADirectoryHidesItsContents() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("usr").dir("usr/lib").dir("usr/lib/x").file("usr/lib/x/a.so", "so").build(),
                tar().file("usr/lib/x", "now a file").build()));

        assertThat(f.paths()).containsExactly("/usr", "/usr/lib", "/usr/lib/x");
        assertThat(f.file("/usr/lib/x").type()).isEqualTo(FileType.REGULAR);
        assertThat(f.deletedPaths()).containsExactly("/usr/lib/x@0:SHADOWED", "/usr/lib/x/a.so@0:WHITED_OUT");
    }

    @Test
    void directoryReplacingAFileShadowsIt() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("opt/tool", "binary").build(),
                tar().dir("opt/tool").file("opt/tool/bin", "b").build()));

        assertThat(f.paths()).containsExactly("/opt/tool", "/opt/tool/bin");
        assertThat(f.file("/opt/tool").type()).isEqualTo(FileType.DIRECTORY);
        assertThat(f.deletedPaths()).containsExactly("/opt/tool@0:SHADOWED");
    }

    @Test
    void entriesBelowAPathMakeItADirectoryEvenWithoutAnEntryForIt() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("opt/tool", "binary").dir("srv").build(),
                tar().file("opt/tool/bin", "b").file("srv/x", "x").build()));

        assertThat(f.paths()).containsExactly("/opt/tool/bin", "/srv", "/srv/x");
        assertThat(f.view().get("/opt/tool")).isEmpty();
        // a lower directory merges with the implied one and keeps its metadata
        assertThat(f.file("/srv").layer().index()).isZero();
        assertThat(f.deletedPaths()).containsExactly("/opt/tool@0:SHADOWED");
    }

    @Test
    void aFileInBetweenHidesLowerContentsEvenWhenAHigherLayerMakesItADirectoryAgain() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("a").file("a/old", "1").build(),
                tar().file("a", "file").build(),
                tar().dir("a").file("a/new", "2").build()));

        assertThat(f.paths()).containsExactly("/a", "/a/new");
        assertThat(f.deletedPaths()).containsExactly("/a@1:SHADOWED", "/a@0:SHADOWED", "/a/old@0:WHITED_OUT");
    }

    @Test
    void aPathDeletedAndCreatedAgainIsVisibleFromTheHigherLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("app/config", "v1").build(),
                tar().whiteout("app/config").build(),
                tar().file("app/config", "v3").build()), Fixture.everything());

        assertThat(f.file("/app/config").layer().index()).isEqualTo(2);
        // the nearest layer above decides: it was deleted before it was created again
        assertThat(f.deletedPaths()).containsExactly("/app/config@0:WHITED_OUT");
        assertThat(f.deliveries().of("/app/config")).extracting(Deliveries.Delivery::text,
                Deliveries.Delivery::visibility).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v3", Visibility.VISIBLE),
                org.assertj.core.groups.Tuple.tuple("v1", Visibility.WHITED_OUT));
    }

    @Test
    void shadowedByTheNearestLayerEvenIfAHigherOneDeletesIt() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("x", "0").build(),
                tar().file("x", "1").build(),
                tar().whiteout("x").build()));

        assertThat(f.paths()).isEmpty();
        assertThat(f.deletedPaths()).containsExactly("/x@1:WHITED_OUT", "/x@0:SHADOWED");
    }

    @Test
    void aWhiteoutDoesNotDeleteEntriesOfItsOwnLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("a", "old").file("b", "old").build(),
                tar().whiteout("a").file("a", "new").file("b", "new").whiteout("b").build()), Fixture.everything());

        assertThat(f.paths()).containsExactly("/a", "/b");
        assertThat(f.file("/a").layer().index()).isEqualTo(1);
        assertThat(f.file("/b").layer().index()).isEqualTo(1);
        assertThat(f.deletedPaths()).containsExactly("/a@0:WHITED_OUT", "/b@0:WHITED_OUT");
    }

    @Test
    void lowerAndHigherDirectoriesMerge() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("etc").file("etc/a", "a").build(),
                tar().dir("etc").file("etc/b", "b").build()));

        assertThat(f.paths()).containsExactly("/etc", "/etc/a", "/etc/b");
        assertThat(f.file("/etc").layer().index()).isEqualTo(1);
        assertThat(f.deletedPaths()).containsExactly("/etc@0:SHADOWED");
    }

    @Test
    void theLastDuplicateOfOneLayerWins() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("etc/motd", "first").file("etc/motd", "second").build()));

        assertThat(f.file("/etc/motd").size()).isEqualTo("second".length());
        assertThat(f.deletedPaths()).containsExactly("/etc/motd@0:SHADOWED");
        assertThat(f.view().problems()).isEmpty();
    }

    @Test
    void aDuplicateAfterTheEarlierCopyWasDeliveredIsRecorded() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("etc/os-release", "ID=alpine")
                .file("etc/os-release", "ID=debian").build()), Interests.of(PathInterest.exact("/etc/os-release")));

        assertThat(f.deliveries().all).extracting(Deliveries.Delivery::text).containsExactly("ID=alpine", "ID=debian");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.INCONSISTENT);
        assertThat(f.view().problems().getFirst().message()).contains("received the earlier copy");
        assertThat(f.file("/etc/os-release").size()).isEqualTo("ID=debian".length());
    }

    @Test
    void aDuplicateOfAnotherTypeIsRecorded() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("bin/sh", "x").symlink("bin/sh", "busybox").build()));

        assertThat(f.file("/bin/sh").type()).isEqualTo(FileType.SYMLINK);
        assertThat(f.problemKinds()).containsExactly(ProblemKind.INCONSISTENT);
    }

    @Test
    void aNonDirectoryReplacingADirectoryWithEntriesOfTheSameLayerIsRefused() {
        Fixture f = Fixture.walk(TestImage.of(tar().dir("a").file("a/x", "x").file("a", "file").build()));

        assertThat(f.paths()).containsExactly("/a", "/a/x");
        assertThat(f.file("/a").type()).isEqualTo(FileType.DIRECTORY);
        assertThat(f.problemKinds()).containsExactly(ProblemKind.INCONSISTENT);
    }

    @Test
    void anEntryBelowAFileOfTheSameLayerIsRefused() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("a", "file").file("a/x", "x").build()));

        assertThat(f.paths()).containsExactly("/a");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.INCONSISTENT);
    }

    @Test
    void anEmptyDirectoryMayBeReplacedInTheSameLayer() {
        Fixture f = Fixture.walk(TestImage.of(tar().dir("a").file("a", "file").build()));

        assertThat(f.file("/a").type()).isEqualTo(FileType.REGULAR);
        assertThat(f.deletedPaths()).containsExactly("/a@0:SHADOWED");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.INCONSISTENT);
    }

    @Test
    void namesAreNormalised() {
        Fixture f = Fixture.walk(TestImage.of(tar().dir("./").file("./etc/hosts", "h").file("/abs/file", "a")
                .file("usr//lib/./x", "x").file("tmp/../var/y", "y").dir("opt/").build()));

        assertThat(f.paths()).containsExactly("/", "/abs/file", "/etc/hosts", "/opt", "/usr/lib/x", "/var/y");
        assertThat(f.view().problems()).isEmpty();
        assertThat(f.view().get("/usr/lib/x/")).isPresent();
        assertThat(f.view().get("usr/lib/x")).isPresent();
    }

    @Test
    void namesThatClimbOutOfTheRootAreSkipped() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("../evil", "e").file("a/../../evil2", "e")
                .file("/../../etc/passwd", "e").file("ok", "fine").build()), Fixture.everything());

        assertThat(f.paths()).containsExactly("/ok");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.UNSAFE_ENTRY, ProblemKind.UNSAFE_ENTRY,
                ProblemKind.UNSAFE_ENTRY);
        assertThat(f.view().problems()).allSatisfy(p -> {
            assertThat(p.component()).isEqualTo("fs");
            assertThat(p.layer()).contains(f.image().layers().getFirst().id());
            assertThat(p.path()).isPresent();
        });
        assertThat(f.view().problems()).extracting(p -> p.path().orElseThrow())
                .containsExactly("../evil", "a/../../evil2", "/../../etc/passwd");
        assertThat(f.deliveries().all).extracting(Deliveries.Delivery::path).containsExactly("/ok");
    }

    @Test
    void hostileWhiteoutNamesAreSkippedAndAufsBookkeepingIgnored() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("a", "a").build(),
                tar().file(".wh.", new byte[0]).file("d/.wh..", new byte[0]).file("d/.wh.x/y", "y")
                        .file(".wh..wh.plnk", new byte[0]).file(".wh...", new byte[0]).build()));

        assertThat(f.paths()).containsExactly("/a");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.UNSAFE_ENTRY, ProblemKind.UNSAFE_ENTRY,
                ProblemKind.UNSAFE_ENTRY, ProblemKind.UNSAFE_ENTRY);
    }

    @Test
    void anOpaqueRootHidesEveryLowerLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("a", "a").dir("d").file("d/x", "x").build(),
                tar().opaque(".").file("b", "b").build()));

        assertThat(f.paths()).containsExactly("/b");
    }

    @Test
    void theRootMustBeADirectory() {
        Fixture f = Fixture.walk(TestImage.of(tar().file(".", "x").build()));

        assertThat(f.paths()).isEmpty();
        assertThat(f.problemKinds()).containsExactly(ProblemKind.UNSAFE_ENTRY);
    }

    @Test
    void pathsBeyondTheLengthOrDepthBoundAreSkipped() {
        WalkLimits limits = WalkLimits.defaults().withPaths(4, 20);
        Fixture f = Fixture.walk(limits, TestImage.of(tar().file("a/b/c/d", "ok").file("a/b/c/d/e", "deep")
                .file("x".repeat(25), "long").build()));

        assertThat(f.paths()).containsExactly("/a/b/c/d");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.UNSAFE_ENTRY, ProblemKind.UNSAFE_ENTRY);
    }

    @Test
    void devicesFifosAndSocketsAreMetadataWithoutContent() {
        Fixture f = Fixture.walk(TestImage.of(tar().dir("dev").charDevice("dev/null").blockDevice("dev/sda")
                .fifo("run/initctl").file("etc/hosts", "h").build()),
                Interests.of(new PathInterest.AnyFile()),
                Interests.of(PathInterest.exact("/dev/null"), PathInterest.exact("/run/initctl")));

        assertThat(f.file("/dev/null").type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(f.file("/dev/sda").type()).isEqualTo(FileType.BLOCK_DEVICE);
        assertThat(f.file("/run/initctl").type()).isEqualTo(FileType.FIFO);
        assertThat(f.view().problems()).isEmpty();
        assertThat(f.deliveries().paths(0)).containsExactly("/etc/hosts");
        assertThat(f.deliveries().to(1)).extracting(Deliveries.Delivery::path, Deliveries.Delivery::hasContent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/dev/null", false),
                        org.assertj.core.groups.Tuple.tuple("/run/initctl", false));
    }

    @Test
    void metadataKeepsOwnerModeAndLayer() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("usr/bin/passwd", "x".getBytes(), 04755, 0, 0)
                .file("home/app/x", "y".getBytes(), 0600, 1000, 1001).build()));

        FileMeta passwd = f.file("/usr/bin/passwd");
        assertThat(passwd.mode()).isEqualTo(04755);
        assertThat(passwd.visibility()).isEqualTo(Visibility.VISIBLE);
        FileMeta x = f.file("/home/app/x");
        assertThat(x.uid()).isEqualTo(1000);
        assertThat(x.gid()).isEqualTo(1001);
        assertThat(x.layer()).isEqualTo(f.image().layers().getFirst());
    }
}

package dev.plimsoll.fs;

import static dev.plimsoll.testkit.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    @Test
    void aDeletedCredentialsFileIsAbsentFromTheViewButDeliveredFlaggedToAnalyzersThatAsk() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().dir("root").file("root/.aws/credentials", "aws_secret_access_key=abc").build(),
                tar().whiteout("root/.aws").build()),
                Interests.of(new PathInterest.AnyFile()).withDeleted(),
                Interests.of(new PathInterest.AnyFile()));

        assertThat(f.paths()).containsExactly("/root");
        assertThat(f.view().get("/root/.aws/credentials")).isEmpty();
        assertThat(f.deliveries().to(0)).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("/root/.aws/credentials");
            assertThat(d.visibility()).isEqualTo(Visibility.WHITED_OUT);
            assertThat(d.text()).isEqualTo("aws_secret_access_key=abc");
            assertThat(d.analyzers().stream().boxed().toList()).containsExactly(0);
        });
        assertThat(f.deliveries().to(1)).isEmpty();
    }

    @Test
    void shadowedCopiesAreDeliveredWithTheirLayer() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("var/lib/dpkg/status", "Package: a").build(),
                tar().file("var/lib/dpkg/status", "Package: a\n\nPackage: b").build()),
                Interests.of(PathInterest.exact("/var/lib/dpkg/status")).withDeleted());

        assertThat(f.deliveries().all).extracting(d -> d.meta().layer().index(), Deliveries.Delivery::visibility,
                Deliveries.Delivery::text).containsExactly(
                tuple(1, Visibility.VISIBLE, "Package: a\n\nPackage: b"),
                tuple(0, Visibility.SHADOWED, "Package: a"));
    }

    @Test
    void metadataOnlyAnalyzersGetEntriesWithoutContentAndContentAnalyzersWithIt() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("usr/bin/su", "su".getBytes(StandardCharsets.UTF_8), 04755)
                .build()), Interests.of(PathInterest.modeBits(FileMeta.SETUID)).withMaxBytes(0),
                Interests.of(PathInterest.basename("su")));

        assertThat(f.deliveries().all).extracting(d -> d.analyzers().stream().boxed().toList(),
                Deliveries.Delivery::hasContent, Deliveries.Delivery::text).containsExactly(
                tuple(List.of(1), true, "su"),
                tuple(List.of(0), false, null));
    }

    @Test
    void filesBeyondAnAnalyzersBoundAreNotDeliveredToItAndRecorded() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("big.jar", "x".repeat(1000)).file("small.jar", "y").build()),
                Interests.of(PathInterest.suffix(".jar")).withMaxBytes(100),
                Interests.of(PathInterest.suffix(".jar")).withMaxBytes(10_000));

        assertThat(f.deliveries().paths(0)).containsExactly("/small.jar");
        assertThat(f.deliveries().paths(1)).containsExactly("/big.jar", "/small.jar");
        assertThat(f.view().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED);
            assertThat(p.component()).isEqualTo("fs");
            assertThat(p.path()).contains("big.jar");
            assertThat(p.layer()).isPresent();
        });
    }

    @Test
    void everyLayerIsReadToItsEndEvenWhenNobodyWantsAnything() {
        TestImage image = TestImage.of(tar().file("a", "a").build(), tar().file("b", "b").build(),
                tar().file("c", "c").build());
        Fixture f = Fixture.walk(image);

        for (int i = 0; i < 3; i++) {
            assertThat(image.opened(i)).isEqualTo(1);
            assertThat(image.readToEnd(i)).isEqualTo(1);
        }
        assertThat(f.view().entriesRead()).isEqualTo(3);
        assertThat(f.deliveries().all).isEmpty();
    }

    @Test
    void tooManyEntriesInOneLayerStopTheWalk() {
        TestImage image = TestImage.of(tar().file("a", "a").file("b", "b").file("c", "c").build());

        assertThatThrownBy(() -> Fixture.walk(WalkLimits.defaults().withEntries(2, 100), image))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.image()).isEqualTo("test-image");
                    assertThat(e.layer()).contains(image.layers().getFirst().id());
                    assertThat(e.entry()).contains("c");
                    assertThat(e.reason()).isEqualTo("more than 2 entries in one layer");
                });
    }

    @Test
    void tooManyEntriesInAllLayersStopTheWalk() {
        TestImage image = TestImage.of(tar().file("a", "a").file("b", "b").build(),
                tar().file("c", "c").file("d", "d").build());

        assertThatThrownBy(() -> Fixture.walk(WalkLimits.defaults().withEntries(10, 3), image))
                .isInstanceOfSatisfying(ImageException.class,
                        e -> assertThat(e.reason()).isEqualTo("more than 3 entries in all layers"));
    }

    @Test
    void largeContentIsSpilledPrivatelyAndDeletedOnClose(@TempDir Path tmp) throws IOException {
        TestImage image = TestImage.of(tar().file("big", "b".repeat(5000)).file("small", "s").build());
        List<CapturedFile> entries = new ArrayList<>();
        SquashedView view = new SquashWalker(WalkLimits.defaults().withInMemoryContentBytes(1000), tmp).walk(image,
                InterestIndex.compile(List.of(Interests.of(new PathInterest.AnyFile()))),
                (entry, analyzers) -> entries.add((CapturedFile) entry));

        assertThat(entries).extracting(e -> e.content().getClass().getSimpleName())
                .containsExactly("Spilled", "InMemory");
        Path dir = view.spillDirectory().orElseThrow();
        assertThat(dir.getParent()).isEqualTo(tmp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path file = ((Content.Spilled) entries.getFirst().content()).file();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // re-openable as often as wanted while the view is open
        assertThat(new String(entries.getFirst().readAllBytes(), StandardCharsets.UTF_8)).hasSize(5000);
        assertThat(new String(entries.getFirst().readAllBytes(), StandardCharsets.UTF_8)).hasSize(5000);

        view.close();
        assertThat(dir).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
        assertThat(view.get("/big")).isPresent();
        view.close();
    }

    @Test
    void aFailingWalkDeletesWhatItSpilled(@TempDir Path tmp) {
        TestImage image = TestImage.of(tar().file("big", "b".repeat(5000)).file("next", "n").build());

        assertThatThrownBy(() -> new SquashWalker(WalkLimits.defaults().withInMemoryContentBytes(10), tmp).walk(
                image, InterestIndex.compile(List.of(Interests.of(new PathInterest.AnyFile()))),
                (entry, analyzers) -> {
                    if (entry.meta().path().equals("/next")) {
                        throw new IOException("analyzer broke");
                    }
                })).isInstanceOf(IOException.class).hasMessage("analyzer broke");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void nothingIsSpilledWhenEverythingFitsOnTheHeap(@TempDir Path tmp) throws IOException {
        try (SquashedView view = new SquashWalker(WalkLimits.defaults(), tmp).walk(
                TestImage.of(tar().file("a", "a").build()),
                InterestIndex.compile(List.of(Interests.of(new PathInterest.AnyFile()))), (entry, analyzers) -> {
                })) {
            assertThat(view.spillDirectory()).isEmpty();
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void problemsNameTheLayerAndTheEntryAsWritten() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("ok", "x").build(), tar().file("../../x", "y").build()));

        ScanProblem p = f.view().problems().getFirst();
        assertThat(p.layer()).contains(f.image().layers().get(1).id());
        assertThat(p.path()).contains("../../x");
        assertThat(p.toString()).contains("climbs out");
    }
}

package dev.plimsoll.fs;

import static dev.plimsoll.testkit.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HardLinkTest {
    private static final byte[] PERL = "#!perl binary".getBytes(StandardCharsets.UTF_8);

    @Test
    void aHardLinkIsReportedAsItsTarget() {
        Fixture f = Fixture.walk(TestImage.of(tar().dir("usr/bin").file("usr/bin/perl5.36", PERL, 0755)
                .hardlink("usr/bin/perl", "usr/bin/perl5.36").build()));

        FileMeta link = f.file("/usr/bin/perl");
        assertThat(link.type()).isEqualTo(FileType.REGULAR);
        assertThat(link.mode()).isEqualTo(0755);
        assertThat(link.size()).isEqualTo(PERL.length);
        assertThat(link.linkTarget()).contains("/usr/bin/perl5.36");
        assertThat(f.view().problems()).isEmpty();
    }

    @Test
    void aWantedLinkToAnUnwantedTargetGetsItsBytesFromASecondRead() {
        byte[] big = new byte[100_000]; // nobody wants the target, so these bytes stream past in the first read
        java.util.Arrays.fill(big, (byte) 'p');
        TestImage image = TestImage.of(tar().file("base", "lower layer").build(),
                tar().file("usr/bin/perl5.36", big, 0755).file("other", "o")
                        .hardlink("usr/bin/perl", "./usr/bin/perl5.36").build());
        Fixture f = Fixture.walk(image, Interests.of(PathInterest.exact("/usr/bin/perl")));

        assertThat(f.deliveries().all).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("/usr/bin/perl");
            assertThat(d.hasContent()).isTrue();
            assertThat(d.text()).isEqualTo(new String(big, StandardCharsets.UTF_8));
            assertThat(d.entry().readAllBytes()).isEqualTo(big);
        });
        assertThat(image.opened(1)).isEqualTo(2);
        assertThat(image.readToEnd(1)).isEqualTo(2);
        assertThat(image.opened(0)).isEqualTo(1);
    }

    @Test
    void aSecondReadAlsoWorksForSpilledContent() {
        TestImage image = TestImage.of(tar().file("lib/libz.so.1.3", "zlib".getBytes(StandardCharsets.UTF_8))
                .hardlink("lib/libz.so.1", "lib/libz.so.1.3").build());
        Fixture f = Fixture.walk(WalkLimits.defaults().withInMemoryContentBytes(0), image,
                Interests.of(PathInterest.exact("/lib/libz.so.1")));

        assertThat(f.deliveries().all).singleElement().extracting(Deliveries.Delivery::text).isEqualTo("zlib");
        assertThat(image.opened(0)).isEqualTo(2);
    }

    @Test
    void aLinkToAWantedTargetSharesTheCapturedBytesWithoutASecondRead() {
        TestImage image = TestImage.of(tar().file("usr/bin/perl5.36", PERL, 0755)
                .hardlink("usr/bin/perl", "usr/bin/perl5.36").build());
        Fixture f = Fixture.walk(image, Interests.of(PathInterest.basename("perl5.36"), PathInterest.basename("perl")));

        assertThat(f.deliveries().all).extracting(Deliveries.Delivery::path, Deliveries.Delivery::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/usr/bin/perl5.36", "#!perl binary"),
                        org.assertj.core.groups.Tuple.tuple("/usr/bin/perl", "#!perl binary"));
        assertThat(image.opened(0)).isEqualTo(1);
    }

    @Test
    void chainsResolveToTheFirstRegularEntry() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("a", "bytes").hardlink("b", "a").hardlink("c", "b").build()),
                Interests.of(PathInterest.exact("/c")));

        assertThat(f.file("/c").linkTarget()).contains("/b");
        assertThat(f.deliveries().all).singleElement().extracting(Deliveries.Delivery::text).isEqualTo("bytes");
    }

    @Test
    void linksThatNameNoEarlierEntryOfTheLayerAreSkipped() {
        Fixture f = Fixture.walk(TestImage.of(
                tar().file("lower", "l").build(),
                tar().hardlink("to-lower", "lower").hardlink("to-later", "later").file("later", "x")
                        .hardlink("self", "self").dir("d").hardlink("to-dir", "d").build()));

        assertThat(f.paths()).containsExactly("/d", "/later", "/lower");
        assertThat(f.problemKinds()).containsOnly(ProblemKind.INCONSISTENT).hasSize(4);
    }

    @Test
    void linksOutOfTheRootAreUnsafe() {
        Fixture f = Fixture.walk(TestImage.of(tar().file("etc/passwd", "x")
                .hardlink("stolen", "../../../etc/passwd").build()));

        assertThat(f.paths()).containsExactly("/etc/passwd");
        assertThat(f.problemKinds()).containsExactly(ProblemKind.UNSAFE_ENTRY);
    }

    @Test
    void aLinkToASymlinkIsThatSymlink() {
        Fixture f = Fixture.walk(TestImage.of(tar().symlink("sh", "busybox").hardlink("ash", "sh").build()));

        assertThat(f.file("/ash").type()).isEqualTo(FileType.SYMLINK);
        assertThat(f.file("/ash").linkTarget()).contains("busybox");
    }

    @Test
    void aDeferredLinkThatALaterDuplicateReplacesIsDeliveredAsShadowed() {
        TestImage image = TestImage.of(tar().file("t", "target").hardlink("l", "t").file("l", "replacement").build());
        Fixture f = Fixture.walk(WalkLimits.defaults().withInMemoryContentBytes(0), image,
                Interests.of(PathInterest.exact("/l")).withDeleted());

        assertThat(f.deliveries().all).extracting(Deliveries.Delivery::text, Deliveries.Delivery::visibility)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("replacement", Visibility.VISIBLE),
                        org.assertj.core.groups.Tuple.tuple("target", Visibility.SHADOWED));
        assertThat(f.view().problems()).isEmpty();
    }
}

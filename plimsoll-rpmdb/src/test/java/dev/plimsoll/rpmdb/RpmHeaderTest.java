package dev.plimsoll.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {

    @Test
    void readsTypedTagsOfARealInstalledHeader() throws Exception {
        RpmHeader h = RpmHeader.parse(Fixtures.sqliteBlobOf("plimsoll-alpha"));

        assertThat(h.string(RpmTag.NAME)).contains("plimsoll-alpha");
        assertThat(h.int32(RpmTag.EPOCH)).isEqualTo(OptionalInt.of(3));
        // rpmbuild stores SUMMARY as I18NSTRING; its first value is the untranslated one.
        assertThat(h.type(RpmTag.SUMMARY)).isEqualTo(OptionalInt.of(RpmHeader.TYPE_I18NSTRING));
        assertThat(h.i18nString(RpmTag.SUMMARY)).contains("Alpha fixture package with many files");
        assertThat(h.stringArray(RpmTag.HEADERI18NTABLE)).containsExactly("C");
        assertThat(h.stringArray(RpmTag.DIRNAMES)).contains("/usr/lib64/alpha/plugins/", "/etc/alpha/");
        List<String> basenames = h.stringArray(RpmTag.BASENAMES);
        assertThat(basenames).hasSize(212).contains("plugin-042.so", "alpha.conf");
        assertThat(h.int32Array(RpmTag.DIRINDEXES)).hasSize(212);
        assertThat(h.has(RpmTag.LONGSIZE)).isFalse();
        assertThat(h.int64(RpmTag.LONGSIZE)).isEmpty();
        assertThat(h.int32(RpmTag.SIZE)).isPresent();
        // Install-time dribbles follow the region: INSTALLTIME (1008) is one of them.
        assertThat(h.int32(1008)).isPresent();
    }

    @Test
    void absentTagsAreEmpty() throws Exception {
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "noarch").build());
        assertThat(h.string(RpmTag.VENDOR)).isEmpty();
        assertThat(h.i18nString(RpmTag.SUMMARY)).isEmpty();
        assertThat(h.stringArray(RpmTag.BASENAMES)).isEmpty();
        assertThat(h.int32(RpmTag.EPOCH)).isEmpty();
        assertThat(h.int32Array(RpmTag.DIRINDEXES)).isEmpty();
        assertThat(h.int64(RpmTag.LONGSIZE)).isEmpty();
        assertThat(h.type(RpmTag.VENDOR)).isEmpty();
    }

    @Test
    void typeMismatchIsAnRpmDbException() throws Exception {
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "noarch").int32(RpmTag.EPOCH, 1).build());
        assertThatThrownBy(() -> h.string(RpmTag.EPOCH)).isInstanceOf(RpmDbException.class)
            .hasMessage("tag 1003 has type INT32, expected STRING");
        assertThatThrownBy(() -> h.int32(RpmTag.NAME)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("tag 1000 has type STRING, expected INT32");
        assertThatThrownBy(() -> h.int64(RpmTag.EPOCH)).isInstanceOf(RpmDbException.class);
        assertThatThrownBy(() -> h.stringArray(RpmTag.EPOCH)).isInstanceOf(RpmDbException.class);
        assertThatThrownBy(() -> h.int32Array(RpmTag.NAME)).isInstanceOf(RpmDbException.class);
    }

    @Test
    void readsInt64AndWholeArrays() throws Exception {
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "noarch")
            .int64(RpmTag.LONGSIZE, 5_000_000_000L).int32(RpmTag.DIRINDEXES, 0, 1, -1)
            .stringArray(RpmTag.DIRNAMES, "/a/", "", "/ü/").i18nString(RpmTag.SUMMARY, "C text", "de Text")
            .build());
        assertThat(h.int64(RpmTag.LONGSIZE)).isEqualTo(OptionalLong.of(5_000_000_000L));
        assertThat(h.int32Array(RpmTag.DIRINDEXES)).containsExactly(0, 1, -1);
        assertThat(h.stringArray(RpmTag.DIRNAMES)).containsExactly("/a/", "", "/ü/");
        assertThat(h.i18nString(RpmTag.SUMMARY)).contains("C text");
        assertThat(h.stringArray(RpmTag.SUMMARY)).containsExactly("C text", "de Text");
        assertThat(h.stringArray(RpmTag.NAME)).containsExactly("a");
    }

    @Test
    void dribbleEntriesReplaceRegionEntriesWithTheSameTag() throws Exception {
        byte[] blob = HeaderBuilder.pkg("a", "1", "1", "noarch").string(RpmTag.VENDOR, "packager")
            .dribbleString(RpmTag.VENDOR, "rewritten at install").dribbleString(RpmTag.LICENSE, "MIT").build();
        RpmHeader h = RpmHeader.parse(blob);
        assertThat(h.string(RpmTag.VENDOR)).contains("rewritten at install");
        assertThat(h.string(RpmTag.LICENSE)).contains("MIT");
        // The region tag describes the region; it is not data.
        assertThat(h.has(RpmTag.HEADERIMMUTABLE)).isFalse();
    }

    @Test
    void headersWithoutARegionAreReadToo() throws Exception {
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("old", "1", "1", "i386").noRegion()
            .stringArray(RpmTag.OLDFILENAMES, "/bin/old", "/etc/old.conf").build());
        assertThat(h.string(RpmTag.NAME)).contains("old");
        assertThat(RpmPackage.fromHeader(h).files()).containsExactly("/bin/old", "/etc/old.conf");
    }

    @Test
    void withinARegionTheFirstOfTwoEqualTagsWins() throws Exception {
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("first", "1", "1", "noarch").string(RpmTag.NAME, "second")
            .build());
        assertThat(h.string(RpmTag.NAME)).contains("first");
    }

    // ---- hostile input: every defect is a clear RpmDbException, never an unchecked exception or a huge allocation

    @Test
    void rejectsBlobsShorterThanTheLengthPrefix() {
        assertThatThrownBy(() -> RpmHeader.parse(new byte[7])).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("7 bytes");
        assertThatThrownBy(() -> RpmHeader.parse(new byte[0])).isInstanceOf(RpmDbException.class);
    }

    @Test
    void rejectsEveryTruncationOfARealHeader() throws Exception {
        byte[] blob = Fixtures.sqliteBlobOf("plimsoll-beta");
        for (int length = 0; length < blob.length; length++) {
            byte[] cut = Arrays.copyOf(blob, length);
            assertThatThrownBy(() -> RpmHeader.parse(cut)).isInstanceOf(RpmDbException.class);
        }
    }

    @Test
    void rejectsAHugeIndexCountWithoutAllocatingForIt() {
        byte[] blob = ByteBuffer.allocate(64).putInt(0x7fff_ffff).putInt(16).array();
        assertThatThrownBy(() -> RpmHeader.parse(blob)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("declares 2147483647 index entries and 16 data bytes")
            .hasMessageContaining("blob has 64 bytes");
        byte[] unsigned = ByteBuffer.allocate(64).putInt(0xffff_fff0).putInt(0xffff_fff0).array();
        assertThatThrownBy(() -> RpmHeader.parse(unsigned)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("4294967280 index entries");
    }

    @Test
    void rejectsZeroIndexEntries() {
        assertThatThrownBy(() -> RpmHeader.parse(new byte[8])).isInstanceOf(RpmDbException.class)
            .hasMessage("header has no index entries");
    }

    @Test
    void rejectsOffsetsOutsideTheData() {
        byte[] blob = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        // The NAME entry is the second index entry; its offset field is at 8 + 16 + 8.
        byte[] beyond = blob.clone();
        ByteBuffer.wrap(beyond).putInt(8 + 16 + 8, 1_000_000);
        assertThatThrownBy(() -> RpmHeader.parse(beyond)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("index entry 1 (tag 1000)").hasMessageContaining("starts outside");
        byte[] negative = blob.clone();
        ByteBuffer.wrap(negative).putInt(8 + 16 + 8, -4);
        assertThatThrownBy(() -> RpmHeader.parse(negative)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("offset -4");
    }

    @Test
    void rejectsCountsThatOverrunTheData() {
        byte[] ints = HeaderBuilder.pkg("a", "1", "1", "noarch").int32(RpmTag.DIRINDEXES, 1, 2).build();
        int entry = 8 + 16 * 5; // region, NAME, VERSION, RELEASE, ARCH, DIRINDEXES
        ByteBuffer.wrap(ints).putInt(entry + 12, 0x4000_0000);
        assertThatThrownBy(() -> RpmHeader.parse(ints)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("needs 4294967296 bytes");

        byte[] strings = HeaderBuilder.pkg("a", "1", "1", "noarch").stringArray(RpmTag.BASENAMES, "x").build();
        ByteBuffer.wrap(strings).putInt(entry + 12, 0xffff_ffff);
        assertThatThrownBy(() -> RpmHeader.parse(strings)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("cannot fit 4294967295 strings");

        byte[] zero = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        ByteBuffer.wrap(zero).putInt(8 + 16 + 12, 0);
        assertThatThrownBy(() -> RpmHeader.parse(zero)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("has no elements");
    }

    @Test
    void rejectsUnknownTypesAndMultiValuedStrings() {
        byte[] type = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        ByteBuffer.wrap(type).putInt(8 + 16 + 4, 10);
        assertThatThrownBy(() -> RpmHeader.parse(type)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("unknown type 10");
        byte[] count = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        ByteBuffer.wrap(count).putInt(8 + 16 + 12, 2);
        assertThatThrownBy(() -> RpmHeader.parse(count)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("STRING entry must have count 1");
    }

    @Test
    void reportsUnterminatedStringsWhenTheyAreRead() throws Exception {
        // Without a region the raw entry's bytes are the last of the data; no trailer follows to end the string.
        byte[] blob = HeaderBuilder.pkg("a", "1", "1", "noarch").noRegion()
            .raw(RpmTag.VENDOR, RpmHeader.TYPE_STRING, 1, new byte[] {'x', 'y'}).build();
        RpmHeader h = RpmHeader.parse(blob);
        assertThatThrownBy(() -> h.string(RpmTag.VENDOR)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("tag 1011").hasMessageContaining("without a NUL terminator");
        assertThatThrownBy(() -> RpmPackage.fromHeader(h)).isInstanceOf(RpmDbException.class);
    }

    @Test
    void rejectsMalformedRegions() {
        byte[] blob = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        int trailerOffset = ByteBuffer.wrap(blob).getInt(8 + 8);
        int dataStart = 8 + 16 * 5;

        byte[] outside = blob.clone();
        ByteBuffer.wrap(outside).putInt(8 + 8, 1 << 20);
        assertThatThrownBy(() -> RpmHeader.parse(outside)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("region tag 63 puts its trailer at data offset 1048576");

        byte[] wrongTrailerTag = blob.clone();
        ByteBuffer.wrap(wrongTrailerTag).putInt(dataStart + trailerOffset, 1000);
        assertThatThrownBy(() -> RpmHeader.parse(wrongTrailerTag)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("trailer with tag 1000");

        byte[] tooManyEntries = blob.clone();
        ByteBuffer.wrap(tooManyEntries).putInt(dataStart + trailerOffset + 8, -16 * 6);
        assertThatThrownBy(() -> RpmHeader.parse(tooManyEntries)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("claims 96 bytes of index entries");

        byte[] minInt = blob.clone();
        ByteBuffer.wrap(minInt).putInt(dataStart + trailerOffset + 8, Integer.MIN_VALUE);
        assertThatThrownBy(() -> RpmHeader.parse(minInt)).isInstanceOf(RpmDbException.class);

        byte[] regionType = blob.clone();
        ByteBuffer.wrap(regionType).putInt(8 + 4, RpmHeader.TYPE_INT32);
        assertThatThrownBy(() -> RpmHeader.parse(regionType)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("expected BIN with count 16");
    }

    @Test
    void packageFieldsComeFromTheirTags() throws Exception {
        RpmPackage p = RpmPackage.fromHeader(RpmHeader.parse(HeaderBuilder.pkg("a", "1.0", "2", "x86_64")
            .int32(RpmTag.EPOCH, 7).int32(RpmTag.SIZE, 0xffff_fff0).string(RpmTag.SOURCERPM, "a-1.0-2.src.rpm")
            .string(RpmTag.VENDOR, "").stringArray(RpmTag.DIRNAMES, "/usr/bin/", "/etc/")
            .stringArray(RpmTag.BASENAMES, "a", "a.conf", "b").int32(RpmTag.DIRINDEXES, 0, 1, 0)
            .build()));
        assertThat(p.epoch()).contains(7);
        // SIZE is an unsigned 32-bit count.
        assertThat(p.size()).isEqualTo(OptionalLong.of(0xffff_fff0L));
        assertThat(p.sourceRpm()).contains("a-1.0-2.src.rpm");
        assertThat(p.vendor()).isEqualTo(Optional.empty());
        assertThat(p.files()).containsExactly("/usr/bin/a", "/etc/a.conf", "/usr/bin/b");
    }

    @Test
    void longSizeWinsOverSize() throws Exception {
        RpmPackage p = RpmPackage.fromHeader(RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "x86_64")
            .int32(RpmTag.SIZE, 1).int64(RpmTag.LONGSIZE, 6_000_000_000L).build()));
        assertThat(p.size()).isEqualTo(OptionalLong.of(6_000_000_000L));
    }

    @Test
    void inconsistentFileListsAreRejected() throws Exception {
        RpmHeader countMismatch = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "x86_64")
            .stringArray(RpmTag.DIRNAMES, "/").stringArray(RpmTag.BASENAMES, "a", "b").int32(RpmTag.DIRINDEXES, 0)
            .build());
        assertThatThrownBy(() -> RpmPackage.fromHeader(countMismatch)).isInstanceOf(RpmDbException.class)
            .hasMessage("BASENAMES has 2 entries but DIRINDEXES has 1");
        RpmHeader badIndex = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "x86_64")
            .stringArray(RpmTag.DIRNAMES, "/").stringArray(RpmTag.BASENAMES, "a").int32(RpmTag.DIRINDEXES, 1)
            .build());
        assertThatThrownBy(() -> RpmPackage.fromHeader(badIndex)).isInstanceOf(RpmDbException.class)
            .hasMessage("DIRINDEXES[0] is 1 but DIRNAMES has 1 entries");
        RpmHeader noName = RpmHeader.parse(new HeaderBuilder().string(RpmTag.VERSION, "1").build());
        assertThatThrownBy(() -> RpmPackage.fromHeader(noName)).isInstanceOf(RpmDbException.class)
            .hasMessage("header has no NAME tag");
    }

    @Test
    void aFileListThatWouldExplodeIsRejected() throws Exception {
        // 20 000 one-byte basenames all pointing at one 100 000-character directory: 2 GB of paths from 200 KB.
        String[] basenames = new String[20_000];
        Arrays.fill(basenames, "");
        int[] indexes = new int[basenames.length];
        RpmHeader h = RpmHeader.parse(HeaderBuilder.pkg("a", "1", "1", "x86_64")
            .stringArray(RpmTag.DIRNAMES, "/" + "d".repeat(100_000)).stringArray(RpmTag.BASENAMES, basenames)
            .int32(RpmTag.DIRINDEXES, indexes).build());
        assertThatThrownBy(() -> RpmPackage.fromHeader(h)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("file list expands to more than");
    }
}

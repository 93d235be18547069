package dev.plimsoll.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.BytesBlob;
import dev.plimsoll.image.blob.PathBlob;
import dev.plimsoll.testkit.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seeking reader against the streaming one, on the same bytes; and its own failure modes. */
class SeekingLayerReaderTest {
    @TempDir
    Path tmp;

    /** An entry and its content, as text that keeps every byte (equality of records). */
    record Read(RawEntry entry, String content) {
    }

    // ---- layers

    static byte[] mixed() {
        byte[] noise = new byte[40_000];
        new Random(3).nextBytes(noise);
        TarBuilder tar = TarBuilder.tar().dir("etc").file("etc/empty", new byte[0])
                .file("etc/511", new byte[511]).file("etc/512", new byte[512]).file("etc/513", new byte[513])
                .file("usr/lib/noise.bin", noise, 0640, 1000, 1001)
                .symlink("usr/lib/libz.so", "libz.so.1").hardlink("usr/lib/noise-link", "usr/lib/noise.bin")
                .charDevice("dev/null").blockDevice("dev/sda").fifo("run/pipe")
                .whiteout("etc/gone").opaque("var/cache")
                .file("usr/share/" + "long-directory-name/".repeat(8) + "file", "pax path")
                .symlink("usr/bin/long-target", "../" + "x".repeat(150))
                .file("usr/bin/su", new byte[] {1, 2, 3}, 04755)
                .file("home/big-ids", "ids".getBytes(StandardCharsets.UTF_8), 0600, 3_000_000_000L, 4_000_000_000L)
                .file("srv/caf\u00e9/men\u00fc.txt", "utf-8 names");
        for (int i = 0; i < 60; i++) {
            tar.file("many/f" + i, ("entry " + i + "\n").repeat(i * 7));
        }
        return tar.build();
    }

    /** GNU long names and links, base-256 numbers. */
    static byte[] gnu() {
        return write(out -> {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        }, out -> {
            add(out, "d/" + "gnu-long-name-".repeat(10) + "/", TarConstants.LF_DIR, null, null, 0);
            add(out, "d/" + "gnu-long-name-".repeat(10) + "/file", TarConstants.LF_NORMAL, null,
                    "long named content".getBytes(StandardCharsets.UTF_8), 0);
            add(out, "d/link", TarConstants.LF_SYMLINK, "t/".repeat(80), null, 0);
            add(out, "d/hard", TarConstants.LF_LINK, "d/" + "gnu-long-name-".repeat(10) + "/file", null, 0);
            add(out, "d/owned", TarConstants.LF_NORMAL, null, "x".getBytes(StandardCharsets.UTF_8), 3_000_000L);
        });
    }

    /** A global PAX header, whose records apply to every later entry. */
    static byte[] globalPax() {
        byte[] tar = write(out -> { }, out -> {
            add(out, "a", TarConstants.LF_NORMAL, null, "before".getBytes(StandardCharsets.UTF_8), 0);
            add(out, "pax_global_header", TarConstants.LF_PAX_EXTENDED_HEADER_LC, null,
                    "10 uid=42\n10 gid=43\n".getBytes(StandardCharsets.UTF_8), 0);
            add(out, "b", TarConstants.LF_NORMAL, null, "after".getBytes(StandardCharsets.UTF_8), 0);
            add(out, "c/", TarConstants.LF_DIR, null, null, 0);
        });
        // commons-compress writes a global header only from records it knows, so a local one is turned into it
        tar[1024 + 156] = TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER;
        checksum(tar, 1024);
        return tar;
    }

    /** An old GNU sparse file: 512 bytes at offset 0 and 512 at offset 8192, 8704 bytes in all; then a file. */
    static byte[] gnuSparse() {
        byte[] h = new byte[512];
        ascii(h, 0, "holes.bin");
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, 1024);
        octal(h, 136, 12, 0);
        h[156] = TarConstants.LF_GNUTYPE_SPARSE;
        ascii(h, 257, "ustar  ");
        octal(h, 386, 12, 0);
        octal(h, 398, 12, 512);
        octal(h, 410, 12, 8192);
        octal(h, 422, 12, 512);
        octal(h, 483, 12, 8704);
        checksum(h, 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(h);
        byte[] data = new byte[1024];
        Arrays.fill(data, 0, 512, (byte) 'A');
        Arrays.fill(data, 512, 1024, (byte) 'B');
        bytes.writeBytes(data);
        byte[] rest = TarBuilder.tar().file("after-sparse", "plain").build();
        bytes.writeBytes(rest);
        return bytes.toByteArray();
    }

    /** Without the two zero records that end a tar: the stream takes the end of the bytes as the end. */
    static byte[] unterminated() {
        byte[] tar = TarBuilder.tar().file("a", "x".repeat(700)).dir("b").build();
        return Arrays.copyOf(tar, 512 + 1024 + 512);
    }

    static Stream<Arguments> layers() {
        return Stream.of(Arguments.of("mixed", mixed()), Arguments.of("gnu", gnu()),
                Arguments.of("global pax", globalPax()), Arguments.of("gnu sparse", gnuSparse()),
                Arguments.of("unterminated", unterminated()), Arguments.of("empty", new byte[0]),
                Arguments.of("only the end", new byte[1024]));
    }

    // ---- equivalence

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void givesWhatTheStreamingReaderGives(String what, byte[] tar) throws IOException {
        List<Read> streamed = readAll(streamed(tar));
        assertThat(readAll(seekable(tar))).isEqualTo(streamed);
    }

    @Test
    void theCorpusHoldsWhatItClaims() throws IOException {
        List<Read> mixed = readAll(seekable(mixed()));
        assertThat(mixed).extracting(r -> r.entry().name())
                .contains("usr/share/" + "long-directory-name/".repeat(8) + "file", "srv/caf\u00e9/men\u00fc.txt");
        assertThat(find(mixed, "usr/lib/noise-link").entry().type()).isEqualTo(FileType.HARDLINK);
        assertThat(find(mixed, "usr/lib/noise-link").entry().linkName()).contains("usr/lib/noise.bin");
        assertThat(find(mixed, "usr/bin/long-target").entry().linkName()).contains("../" + "x".repeat(150));
        assertThat(find(mixed, "home/big-ids").entry().uid()).isEqualTo(3_000_000_000L);
        assertThat(find(mixed, "usr/lib/noise.bin").content()).hasSize(40_000);

        List<Read> gnu = readAll(seekable(gnu()));
        assertThat(gnu).extracting(r -> r.entry().name()).contains("d/" + "gnu-long-name-".repeat(10) + "/file");
        assertThat(find(gnu, "d/owned").entry().uid()).isEqualTo(3_000_000L);
        assertThat(find(gnu, "d/link").entry().linkName()).contains("t/".repeat(80));

        List<Read> global = readAll(seekable(globalPax()));
        assertThat(find(global, "a").entry().uid()).isZero();
        assertThat(find(global, "b").entry().uid()).isEqualTo(42);
        assertThat(find(global, "b").entry().gid()).isEqualTo(43);

        Read holes = find(readAll(seekable(gnuSparse())), "holes.bin");
        assertThat(holes.entry().size()).isEqualTo(8704);
        assertThat(holes.content()).isEqualTo("A".repeat(512) + "\0".repeat(7680) + "B".repeat(512));
    }

    @Test
    void readsContentOnlyForTheEntriesAskedForAndOnlyAsFarAsAsked() throws IOException {
        byte[] tar = mixed();
        assertThat(readSome(seekable(tar))).isEqualTo(readSome(streamed(tar)));
    }

    /** Every third entry whole, every other third its first 10 bytes (twice 5, through two streams), the rest not. */
    private static List<String> readSome(LayerBlob blob) throws IOException {
        List<String> out = new ArrayList<>();
        try (LayerReader r = open(blob, ImageLimits.DEFAULTS)) {
            int i = 0;
            for (RawEntry e = r.next(); e != null; e = r.next(), i++) {
                switch (i % 3) {
                    case 0 -> out.add(e.name() + "=" + text(r.content().readAllBytes()));
                    case 1 -> out.add(e.name() + "~" + text(r.content().readNBytes(5))
                            + text(r.content().readNBytes(5)));
                    default -> out.add(e.name());
                }
            }
        }
        return out;
    }

    @Test
    void aContentStreamDiesWhenTheReaderMovesOn() throws IOException {
        try (LayerReader r = open(seekable(TarBuilder.tar().file("a", "first").file("b", "second").build()),
                ImageLimits.DEFAULTS)) {
            r.next();
            InputStream a = r.content();
            assertThat(a.read()).isEqualTo('f');
            assertThat(r.next().name()).isEqualTo("b");
            assertThat(a.read()).isEqualTo(-1);
            assertThat(text(r.content().readAllBytes())).isEqualTo("second");
        }
    }

    @Test
    void uncompressedLayersInPlaceAreReadBySeekingAndAllOthersByStreaming() throws IOException {
        byte[] tar = TarBuilder.tar().file("a", "b").build();
        try (LayerReader seeking = open(seekable(tar), ImageLimits.DEFAULTS);
             LayerReader inMemory = open(streamed(tar), ImageLimits.DEFAULTS);
             LayerReader gzip = open(inPlace(TarBuilder.gzip(tar), sha256(TarBuilder.gzip(tar))),
                     ImageLimits.DEFAULTS)) {
            assertThat(seeking).isInstanceOf(SeekingLayerReader.class);
            assertThat(inMemory).isInstanceOf(TarLayerReader.class);
            assertThat(gzip).isInstanceOf(TarLayerReader.class);
            assertThat(gzip.next().name()).isEqualTo("a");
        }
    }

    // ---- verification

    @Test
    void aTamperedLayerFailsAtTheEndAlsoWhenOnlyHeadersAreRead() throws IOException {
        byte[] original = mixed();
        byte[] evil = original.clone();
        evil[evil.length - 2048] ^= 1;
        LayerBlob blob = inPlace(evil, sha256(original));
        try (LayerReader r = open(blob, ImageLimits.DEFAULTS)) {
            ImageException e = catchThrowableOfType(ImageException.class, () -> {
                while (r.next() != null) {
                    // headers only
                }
            });
            assertThat(e.getMessage()).contains("layer sha256:layer")
                    .contains("blob " + sha256(original) + " does not match its digest: got " + sha256(evil));
            assertThatThrownBy(r::next).isSameAs(e);
            assertThat(r.content().read()).isEqualTo(-1);
        }
    }

    @Test
    void aDiffIdMismatchIsNamedAsTheStreamingReaderNamesIt() throws IOException {
        byte[] tar = TarBuilder.tar().file("a", "1").build();
        Digest other = sha256(TarBuilder.tar().file("a", "2").build());
        Path file = Files.write(tmp.resolve("diff"), tar);
        LayerBlob blob = new LayerBlob(new PathBlob("layer.tar", file, tar.length), Verification.uncompressed(other));
        assertThatThrownBy(() -> readAll(blob)).isInstanceOf(ImageException.class)
                .hasMessageContaining("layer tar (diff id " + other + ") does not match its digest: got "
                        + sha256(tar));
    }

    @Test
    void aTruncatedLayerNamesTheEntryCutShort() throws IOException {
        byte[] cut = Arrays.copyOf(mixed(), 20_000);
        ImageException e = catchThrowableOfType(ImageException.class, () -> readAll(seekable(cut)));
        assertThat(e.entry()).contains("usr/lib/noise.bin");
        assertThat(e.layer()).contains("sha256:layer");
        assertThat(e.getMessage()).contains("truncated or corrupt").contains("past the end of the blob");
        assertThatThrownBy(() -> readAll(streamed(cut))).isInstanceOf(ImageException.class)
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void aLayerCutInsideAHeaderNamesTheLastEntryRead() throws IOException {
        byte[] tar = TarBuilder.tar().file("a", "x").file("b", "y").build();
        ImageException e = catchThrowableOfType(ImageException.class,
                () -> readAll(seekable(Arrays.copyOf(tar, 1024 + 100))));
        assertThat(e.getMessage()).contains("truncated or corrupt (last entry read: a)");
    }

    @Test
    void garbageIsCorrupt() throws IOException {
        byte[] noise = new byte[10_000];
        new Random(11).nextBytes(noise);
        noise[0] = 'x';
        assertThatThrownBy(() -> readAll(seekable(noise))).isInstanceOf(ImageException.class)
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void extendedHeadersAreBounded() throws IOException {
        String value = "c".repeat(TarHeaders.MAX_EXTENDED_BYTES);
        String record = " comment=" + value + "\n";
        record = (record.length() + 7) + record;
        byte[] pax = record.getBytes(StandardCharsets.US_ASCII);
        byte[] tar = write(out -> { }, out -> {
            add(out, "PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC, null, pax, 0);
            add(out, "x", TarConstants.LF_NORMAL, null, new byte[1], 0);
        });
        assertThatThrownBy(() -> readAll(seekable(tar))).isInstanceOf(ImageException.class)
                .hasMessageContaining("extended headers of more than " + TarHeaders.MAX_EXTENDED_BYTES + " bytes");
    }

    // ---- limits

    @Test
    void entriesAreBoundedOnBothPaths() throws IOException {
        byte[] tar = TarBuilder.tar().file("a", "1").file("b", "2").file("c", "3").build();
        ImageLimits two = ImageLimits.DEFAULTS.withMaxLayerEntries(2);
        for (LayerBlob blob : List.of(seekable(tar), streamed(tar))) {
            try (LayerReader r = open(blob, two)) {
                assertThat(r.next().name()).isEqualTo("a");
                assertThat(r.next().name()).isEqualTo("b");
                ImageException e = catchThrowableOfType(ImageException.class, r::next);
                assertThat(e.getMessage()).contains("more than 2 entries in one layer");
                assertThat(e.entry()).contains("c");
                assertThatThrownBy(r::next).isSameAs(e);
            }
        }
    }

    @Test
    void theLayerSizeLimitHoldsWithoutReadingTheLayer() throws IOException {
        byte[] tar = TarBuilder.tar().file("zeros", new byte[4096]).build();
        assertThatThrownBy(() -> open(seekable(tar), ImageLimits.DEFAULTS.withMaxLayerBytes(1024)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("decompressed layer exceeds the limit of 1024 bytes");
    }

    // ---- the file changing under the reader

    @Test
    void aFileTouchedWhileItIsReadFailsTheLayer() throws IOException {
        byte[] tar = mixed();
        LayerBlob blob = seekable(tar);
        Path file = ((PathBlob) blob.source()).path();
        try (LayerReader r = open(blob, ImageLimits.DEFAULTS)) {
            r.next();
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
            ImageException e = catchThrowableOfType(ImageException.class, () -> {
                while (r.next() != null) {
                    // to the end, where the file is checked again
                }
            });
            assertThat(e.getMessage()).contains("the archive changed while it was read");
        }
    }

    @Test
    void aFileGrownWhileItIsReadFailsTheLayer() throws IOException {
        byte[] tar = mixed();
        LayerBlob blob = seekable(tar);
        Path file = ((PathBlob) blob.source()).path();
        FileTime time = Files.getLastModifiedTime(file);
        try (LayerReader r = open(blob, ImageLimits.DEFAULTS)) {
            r.next();
            Files.write(file, new byte[512], StandardOpenOption.APPEND);
            // the same time again: the size alone gives the change away
            Files.setLastModifiedTime(file, time);
            assertThatThrownBy(() -> {
                while (r.next() != null) {
                    // to the end
                }
            }).isInstanceOf(ImageException.class).hasMessageContaining("the archive changed while it was read");
        }
    }

    @Test
    void aFileLeftAloneEndsVerified() throws IOException {
        try (LayerReader r = open(seekable(mixed()), ImageLimits.DEFAULTS)) {
            int n = 0;
            while (r.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(78);
            assertThat(r.next()).isNull();
        }
    }

    // ---- helpers

    private LayerBlob seekable(byte[] tar) throws IOException {
        return inPlace(tar, sha256(tar));
    }

    private LayerBlob inPlace(byte[] stored, Digest expected) throws IOException {
        Path file = Files.write(Files.createTempFile(tmp, "layer", ".tar"), stored);
        return new LayerBlob(new PathBlob(file.getFileName().toString(), file, stored.length),
                Verification.stored(expected));
    }

    private static LayerBlob streamed(byte[] tar) {
        return new LayerBlob(new BytesBlob("layer", tar), Verification.stored(sha256(tar)));
    }

    private static LayerReader open(LayerBlob blob, ImageLimits limits) throws IOException {
        return TarLayerReader.open("image", "sha256:layer", blob, limits);
    }

    private static List<Read> readAll(LayerBlob blob) throws IOException {
        List<Read> out = new ArrayList<>();
        try (LayerReader r = open(blob, ImageLimits.DEFAULTS)) {
            for (RawEntry e = r.next(); e != null; e = r.next()) {
                try (InputStream in = r.content()) {
                    out.add(new Read(e, text(in.readAllBytes())));
                }
            }
        }
        return out;
    }

    private static Read find(List<Read> reads, String name) {
        return reads.stream().filter(r -> r.entry().name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Entries {
        void write(TarArchiveOutputStream out) throws IOException;
    }

    static byte[] write(Consumer<TarArchiveOutputStream> setup, Entries entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            setup.accept(out);
            entries.write(out);
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void add(TarArchiveOutputStream out, String name, byte type, String link, byte[] content, long uid)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setModTime(0);
        e.setUserId(uid);
        if (link != null) {
            e.setLinkName(link);
        }
        if (content != null) {
            e.setSize(content.length);
        }
        out.putArchiveEntry(e);
        if (content != null) {
            out.write(content);
        }
        out.closeArchiveEntry();
    }

    private static void checksum(byte[] tar, int header) {
        Arrays.fill(tar, header + 148, header + 156, (byte) ' ');
        long sum = 0;
        for (int i = header; i < header + 512; i++) {
            sum += tar[i] & 0xff;
        }
        ascii(tar, header + 148, String.format("%06o", sum));
        tar[header + 154] = 0;
    }

    private static void ascii(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        ascii(h, offset, String.format("%0" + (length - 1) + "o", value));
    }
}

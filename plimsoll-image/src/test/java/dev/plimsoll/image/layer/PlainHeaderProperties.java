package dev.plimsoll.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Property: whenever {@link TarHeaders#plain} parses a header itself, it reads what commons-compress reads; any
 * header commons-compress refuses, it leaves to commons-compress.
 */
class PlainHeaderProperties {
    /** One header as commons-compress writes it, then bytes overwritten in place. */
    record Mutation(int offset, byte value) {
    }

    @Property(tries = 3000)
    void plainHeadersReadAsCommonsCompressReadsThem(@ForAll("headers") byte[] written,
                                                    @ForAll("mutations") List<Mutation> mutations) {
        byte[] h = written.clone();
        mutations.forEach(m -> h[m.offset()] = m.value());
        TarHeaders.Plain plain = TarHeaders.plain(h);
        TarArchiveEntry e;
        try {
            e = new TarArchiveEntry(Map.of(), h, ZipEncodingHelper.getZipEncoding("UTF-8"), false, 512);
        } catch (IOException | IllegalArgumentException refused) {
            assertThat(plain).isNull();
            return;
        }
        if (plain != null) {
            assertThat(plain.entry()).isEqualTo(TarLayerReader.rawEntry(e));
            assertThat(plain.dataLength()).isEqualTo(e.isDirectory() ? 0 : e.getSize());
        }
    }

    @Property(tries = 300)
    void theHeadersLayersHoldAreParsedHere(@ForAll("plainHeaders") byte[] h) {
        assertThat(TarHeaders.plain(h)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars('/', '.', '-', ' ').ofMinLength(1)
                        .ofMaxLength(99),
                Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u4e2d').ofMinLength(1)
                        .ofMaxLength(30),
                Arbitraries.of("dir/", "a", "./x", "/abs", "x".repeat(100)));
        Arbitrary<Byte> types = Arbitraries.of(TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM, TarConstants.LF_LINK,
                TarConstants.LF_SYMLINK, TarConstants.LF_CHR, TarConstants.LF_BLK, TarConstants.LF_DIR,
                TarConstants.LF_FIFO, TarConstants.LF_CONTIG, TarConstants.LF_GNUTYPE_SPARSE, (byte) 'V',
                (byte) 'D');
        Arbitrary<Long> ids = Arbitraries.oneOf(Arbitraries.longs().between(0, 07777777),
                Arbitraries.of(0L, 1000L, 65534L));
        Arbitrary<Long> sizes = Arbitraries.oneOf(Arbitraries.longs().between(0, 1 << 20),
                Arbitraries.of(0L, 511L, 512L, 077777777777L));
        Arbitrary<Integer> modes = Arbitraries.integers().between(0, 07777);
        Arbitrary<Boolean> gnu = Arbitraries.of(true, false);
        return Combinators.combine(names, types, ids, sizes, modes, gnu)
                .as(PlainHeaderProperties::header);
    }

    @Provide
    Arbitrary<byte[]> plainHeaders() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('/', '.', '-')
                .ofMinLength(1).ofMaxLength(99);
        Arbitrary<Byte> types = Arbitraries.of(TarConstants.LF_NORMAL, TarConstants.LF_LINK,
                TarConstants.LF_SYMLINK, TarConstants.LF_DIR);
        return Combinators.combine(names, types, Arbitraries.longs().between(0, 65535),
                        Arbitraries.longs().between(0, 1 << 30), Arbitraries.integers().between(0, 07777),
                        Arbitraries.of(true, false))
                .as(PlainHeaderProperties::header);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> where = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(100, 155)),
                Tuple.of(2, Arbitraries.integers().between(0, 99)),
                Tuple.of(2, Arbitraries.integers().between(156, 156)),
                Tuple.of(2, Arbitraries.integers().between(257, 264)),
                Tuple.of(2, Arbitraries.integers().between(329, 511)));
        Arbitrary<Byte> what = Arbitraries.of((byte) 0, (byte) ' ', (byte) '0', (byte) '7', (byte) '8',
                (byte) '/', (byte) 'x', (byte) 0x80, (byte) 0xff, (byte) 0xc3, (byte) '5', (byte) 'L');
        return Combinators.combine(where, what).as(Mutation::new).list().ofMaxSize(3);
    }

    private static byte[] header(String name, byte type, long id, long size, int mode, boolean gnu) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setUserId(id);
        e.setGroupId(id / 2);
        e.setMode(mode);
        e.setModTime(1_700_000_000_000L);
        if (type == TarConstants.LF_SYMLINK || type == TarConstants.LF_LINK) {
            e.setLinkName("target/" + name);
        }
        if (type == TarConstants.LF_CHR || type == TarConstants.LF_BLK) {
            e.setDevMajor(8);
            e.setDevMinor((int) (id % 256));
        }
        e.setSize(type == TarConstants.LF_DIR ? 0 : size);
        byte[] h = new byte[512];
        try {
            // star mode: numbers too large for octal are written in base-256
            e.writeEntryHeader(h, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name()), true);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        if (gnu) {
            // the GNU magic and version in place of ustar's
            System.arraycopy("ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        }
        return h;
    }
}

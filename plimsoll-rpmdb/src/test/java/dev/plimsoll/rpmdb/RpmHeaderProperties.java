package dev.plimsoll.rpmdb;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, parsing a header and reading any tag from it either works or throws RpmDbException:
 * never an ArrayIndexOutOfBounds, NegativeArraySize, OutOfMemory or other unchecked exception.
 */
class RpmHeaderProperties {
    private static final int[] TAGS = {RpmTag.HEADERIMMUTABLE, RpmTag.HEADERI18NTABLE, RpmTag.NAME, RpmTag.VERSION,
        RpmTag.RELEASE, RpmTag.EPOCH, RpmTag.SUMMARY, RpmTag.SIZE, RpmTag.VENDOR, RpmTag.LICENSE, RpmTag.ARCH,
        RpmTag.OLDFILENAMES, RpmTag.SOURCERPM, RpmTag.DIRINDEXES, RpmTag.BASENAMES, RpmTag.DIRNAMES,
        RpmTag.LONGSIZE, RpmTag.MODULARITYLABEL};
    private static final List<byte[]> REAL = List.copyOf(Fixtures.sqliteBlobs());

    @Property(tries = 2000)
    void randomBytesOnlyEverFailWithRpmDbException(@ForAll @Size(max = 600) byte[] blob) {
        exercise(blob);
    }

    /** Random bytes almost never get past the length check, so also build blobs whose lengths agree. */
    @Property(tries = 3000)
    void consistentlySizedRandomHeadersOnlyEverFailWithRpmDbException(@ForAll("sizedHeaders") byte[] blob) {
        exercise(blob);
    }

    /** Real headers with a few bytes changed: the defects a corrupt database actually has. */
    @Property(tries = 3000)
    void mutatedRealHeadersOnlyEverFailWithRpmDbException(
        @ForAll @IntRange(min = 0, max = 5) int which,
        @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1 << 20) Integer> positions,
        @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] blob = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            // Hit the index (where offsets, counts and types live) as often as the data.
            int span = i % 2 == 0 ? Math.min(blob.length, 8 + 16 * 40) : blob.length;
            int at = positions.get(i) % span;
            blob[at] = values[i];
        }
        exercise(blob);
    }

    @Provide
    Arbitrary<byte[]> sizedHeaders() {
        Arbitrary<Integer> tags = Arbitraries.oneOf(Arbitraries.of(boxed(TAGS)),
            Arbitraries.integers());
        Arbitrary<int[]> entry = Combinators.combine(tags, Arbitraries.integers().between(-1, 11),
                Arbitraries.integers().between(-4, 80), Arbitraries.integers().between(-1, 90))
            .as((tag, type, offset, count) -> new int[] {tag, type, offset, count});
        Arbitrary<List<int[]>> entries = entry.list().ofMinSize(1).ofMaxSize(10);
        Arbitrary<byte[]> data = Arbitraries.bytes().between((byte) -1, (byte) 'z').array(byte[].class).ofMaxSize(80);
        Arbitrary<Boolean> region = Arbitraries.of(true, false);
        return Combinators.combine(entries, data, region).as((list, bytes, withRegion) -> {
            ByteBuffer b = ByteBuffer.allocate(8 + 16 * list.size() + bytes.length);
            b.putInt(list.size()).putInt(bytes.length);
            for (int i = 0; i < list.size(); i++) {
                int[] e = list.get(i);
                if (i == 0 && withRegion) {
                    // A region tag pointing at a trailer somewhere in the data, sane or not.
                    b.putInt(RpmTag.HEADERIMMUTABLE).putInt(RpmHeader.TYPE_BIN).putInt(e[2]).putInt(16);
                } else {
                    b.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
                }
            }
            b.put(bytes);
            return b.array();
        });
    }

    private static Integer[] boxed(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static void exercise(byte[] blob) {
        RpmHeader header;
        try {
            header = RpmHeader.parse(blob);
        } catch (RpmDbException expected) {
            return;
        }
        for (int tag : TAGS) {
            readQuietly(() -> header.string(tag));
            readQuietly(() -> header.i18nString(tag));
            readQuietly(() -> header.stringArray(tag));
            readQuietly(() -> header.int32(tag));
            readQuietly(() -> header.int32Array(tag));
            readQuietly(() -> header.int64(tag));
        }
        readQuietly(() -> RpmPackage.fromHeader(header));
    }

    private interface Read {
        Object run() throws RpmDbException;
    }

    private static void readQuietly(Read read) {
        try {
            read.run();
        } catch (RpmDbException expected) {
            // The one failure a reader may report; anything else propagates and fails the property.
        }
    }
}

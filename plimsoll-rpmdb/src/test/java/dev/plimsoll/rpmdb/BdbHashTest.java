package dev.plimsoll.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Berkeley DB hash databases: hand-laid pages for what db5.3_load never writes, and damaged copies of its files. */
@Timeout(30)
class BdbHashTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path tmp;

    @Test
    void readsOnPageValuesOverflowChainsAndUnsortedHashPages() throws Exception {
        byte[] small = HeaderBuilder.pkg("small", "1", "1", "noarch").build();
        byte[] large = HeaderBuilder.pkg("large", "2", "1", "x86_64")
            .stringArray(RpmTag.BASENAMES, numbered("file-", 200)).stringArray(RpmTag.DIRNAMES, "/usr/share/large/")
            .int32(RpmTag.DIRINDEXES, new int[200]).build();
        BdbBuilder db = new BdbBuilder(512, 40, ByteOrder.BIG_ENDIAN);
        int end = db.overflowChain(3, large);
        assertThat(end).isLessThan(40);
        db.hashPage(1, BdbBuilder.P_HASH_UNSORTED, 0, new byte[] {0, 0, 0, 9}, 9,
            new BdbBuilder.OffPage(3, large.length));
        db.hashPage(2, BdbBuilder.P_HASH, 4, small);

        List<RpmPackage> packages = RpmDatabase.read(write(db.bytes()), RpmLimits.defaults());

        assertThat(packages).extracting(RpmPackage::name).containsExactly("small", "large");
        assertThat(packages.get(1).files()).hasSize(200).contains("/usr/share/large/file-199");
    }

    @Test
    void stopsAtAnOverflowCycle() throws Exception {
        BdbBuilder db = new BdbBuilder(512, 4, LE);
        db.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, 1_000_000));
        db.overflowPage(2, 3, new byte[100]);
        db.overflowPage(3, 2, new byte[100]);
        expectFailure(db.bytes()).hasMessageContaining("package key 1 (page 1, item 0): overflow chain reaches page 2"
            + " a second time");
    }

    @Test
    void stopsAtAnOverflowPageThatPointsToItselfWithoutData() throws Exception {
        BdbBuilder db = new BdbBuilder(512, 3, LE);
        db.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, 100));
        db.overflowPage(2, 2, new byte[0]);
        expectFailure(db.bytes()).hasMessageContaining("a second time");
    }

    @Test
    void refusesChainsSharedByTwoRecords() throws Exception {
        byte[] header = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        BdbBuilder db = new BdbBuilder(512, 3, LE);
        db.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, header.length), 2,
            new BdbBuilder.OffPage(2, header.length));
        db.overflowPage(2, 0, header);
        expectFailure(db.bytes()).hasMessageContaining("package key 2").hasMessageContaining("a second time");
    }

    @Test
    void reportsBrokenOverflowChains() throws Exception {
        byte[] header = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        BdbBuilder outside = new BdbBuilder(512, 3, LE);
        outside.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(77, header.length));
        expectFailure(outside.bytes()).hasMessageContaining("overflow chain reaches page 77, outside pages 1 to 2");

        BdbBuilder early = new BdbBuilder(512, 3, LE);
        early.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, header.length + 50));
        early.overflowPage(2, 0, header);
        expectFailure(early.bytes()).hasMessageContaining("overflow chain reaches page 0");

        BdbBuilder tooMuch = new BdbBuilder(512, 3, LE);
        tooMuch.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, 10));
        tooMuch.overflowPage(2, 0, header);
        expectFailure(tooMuch.bytes()).hasMessageContaining("claims " + header.length + " bytes");

        BdbBuilder notOverflow = new BdbBuilder(512, 3, LE);
        notOverflow.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, 10));
        notOverflow.hashPage(2, BdbBuilder.P_HASH);
        expectFailure(notOverflow.bytes()).hasMessageContaining("of type 13, not an overflow page");

        BdbBuilder huge = new BdbBuilder(512, 3, LE);
        huge.hashPage(1, BdbBuilder.P_HASH, 1, new BdbBuilder.OffPage(2, -1));
        expectFailure(huge.bytes()).hasMessageContaining("header blob of 4294967295 bytes exceeds the limit");
    }

    @Test
    void reportsMalformedHashPages() throws Exception {
        byte[] header = HeaderBuilder.pkg("a", "1", "1", "noarch").build();
        BdbBuilder good = new BdbBuilder(512, 2, LE);
        good.hashPage(1, BdbBuilder.P_HASH, 1, header);
        assertThat(RpmDatabase.read(write(good.bytes()), RpmLimits.defaults())).hasSize(1);

        byte[] entries = good.bytes();
        ByteBuffer.wrap(entries).order(LE).putShort(512 + 20, (short) 300);
        expectFailure(entries).hasMessageContaining("hash page 1 claims 300 items, more than fit");

        byte[] odd = good.bytes();
        ByteBuffer.wrap(odd).order(LE).putShort(512 + 20, (short) 1);
        expectFailure(odd).hasMessageContaining("odd number of items");

        byte[] offset = good.bytes();
        ByteBuffer.wrap(offset).order(LE).putShort(512 + 26, (short) 10);
        expectFailure(offset).hasMessageContaining("hash page 1: item 0 at offset 10 lies outside");

        byte[] keyType = good.bytes();
        keyType[512 + 512 - 5] = 3;
        expectFailure(keyType).hasMessageContaining("is a key of type 3");

        byte[] dataType = good.bytes();
        dataType[512 + 512 - 5 - 1 - header.length] = 2;
        expectFailure(dataType).hasMessageContaining("data item of type 2");

        byte[] pageNumber = good.bytes();
        ByteBuffer.wrap(pageNumber).order(LE).putInt(512 + 8, 5);
        expectFailure(pageNumber).hasMessageContaining("hash page 1 records page number 5");
    }

    @Test
    void reportsBadMetadata() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.path(Fixtures.BDB_LE));
        byte[] pageSize = real.clone();
        ByteBuffer.wrap(pageSize).order(LE).putInt(20, 1000);
        expectFailure(pageSize).hasMessageContaining("page size 1000 is not a power of two");
        byte[] encrypted = real.clone();
        encrypted[24] = 1;
        expectFailure(encrypted).hasMessageContaining("encrypted");
        byte[] type = real.clone();
        type[25] = 9;
        expectFailure(type).hasMessageContaining("page type 9, not hash metadata");
        expectFailure(Arrays.copyOf(real, 300)).hasMessageContaining("smaller than one page");
    }

    @Test
    void reportsATruncatedRealDatabase() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.path(Fixtures.BDB_BE_512));
        // Keep the metadata's page count but cut the file in the middle of the overflow pages.
        expectFailure(Arrays.copyOf(real, real.length / 2)).hasMessageContaining("overflow chain reaches page");
    }

    @Test
    void reportsACycleSpliceIntoARealOverflowChain() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.path(Fixtures.BDB_BE_512));
        ByteBuffer b = ByteBuffer.wrap(real).order(ByteOrder.BIG_ENDIAN);
        // Find the longest chain's first two pages (overflow pages whose successor is also a continuation) and
        // point the second back at the first.
        int pages = real.length / 512;
        int first = -1;
        for (int p = 1; p < pages && first < 0; p++) {
            int next = b.getInt(p * 512 + 16);
            if (real[p * 512 + 25] == BdbBuilder.P_OVERFLOW && next != 0 && b.getInt(next * 512 + 16) != 0) {
                first = p;
            }
        }
        assertThat(first).isPositive();
        int second = b.getInt(first * 512 + 16);
        b.putInt(second * 512 + 16, first);
        expectFailure(real).hasMessageContaining("a second time");
    }

    @Test
    void mutatedRealDatabasesFailCleanlyAndQuickly() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.path(Fixtures.BDB_BE_512));
        java.util.Random random = new java.util.Random(20240601);
        for (int round = 0; round < 300; round++) {
            byte[] copy = real.clone();
            for (int k = 0; k < 4; k++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt();
            }
            Path db = write(copy);
            try {
                RpmDatabase.read(db, RpmLimits.defaults());
            } catch (RpmDbException expected) {
                assertThat(expected.getMessage()).startsWith(db.toString());
            }
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> expectFailure(byte[] file) throws Exception {
        Path db = write(file);
        return assertThatThrownBy(() -> RpmDatabase.read(db, RpmLimits.defaults()))
            .isInstanceOf(RpmDbException.class).hasMessageStartingWith(db + " (BDB_HASH): ");
    }

    private Path write(byte[] file) throws Exception {
        return Files.write(Files.createTempFile(tmp, "Packages", ""), file);
    }

    private static String[] numbered(String prefix, int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = prefix + i;
        }
        return names;
    }
}

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
import org.junit.jupiter.api.io.TempDir;

/**
 * ndb Packages.db files laid out by {@link NdbFixture} from the real header blobs of the rpm-made sqlite fixture
 * (Debian's rpm cannot write ndb).
 */
class NdbTest {

    @TempDir
    Path tmp;

    private final List<byte[]> blobs = Fixtures.sqliteBlobs();

    @Test
    void readsAFreshlyWrittenDatabase() throws Exception {
        List<RpmPackage> sqlite = RpmDatabase.read(Fixtures.path(Fixtures.SQLITE), RpmLimits.defaults());
        assertThat(RpmDatabase.read(write(NdbFixture.build(blobs)), RpmLimits.defaults())).isEqualTo(sqlite);
    }

    @Test
    void readsFreeSlotsMovedBlobsAndSeveralSlotPagesInPackageIndexOrder() throws Exception {
        List<RpmPackage> sqlite = RpmDatabase.read(Fixtures.path(Fixtures.SQLITE), RpmLimits.defaults());
        List<RpmPackage> ndb = RpmDatabase.read(write(NdbFixture.build(blobs, 3, true)), RpmLimits.defaults());
        assertThat(ndb).isEqualTo(sqlite);
    }

    @Test
    void rejectsWrongMagicAndVersion() throws Exception {
        byte[] file = NdbFixture.build(blobs);
        byte[] version = file.clone();
        version[4] = 1;
        expectFailure(version).hasMessageContaining("(NDB): ndb file format version 1");
        byte[] size = Arrays.copyOf(file, file.length - 3);
        expectFailure(size).hasMessageContaining("whole 16-byte blocks");
    }

    @Test
    void rejectsSlotAreasLargerThanTheFile() throws Exception {
        byte[] file = NdbFixture.build(blobs);
        le(file).putInt(12, 0x7fff_ffff);
        expectFailure(file).hasMessageContaining("claims 2147483647 slot pages");
        le(file).putInt(12, 0);
        expectFailure(file).hasMessageContaining("claims 0 slot pages");
    }

    @Test
    void rejectsSlotsPointingOutsideTheBlobArea() throws Exception {
        byte[] beyond = NdbFixture.build(blobs);
        le(beyond).putInt(32 + 8, 0x7fff_0000);
        expectFailure(beyond).hasMessageContaining("package index 1 (slot 2): blob of")
            .hasMessageContaining("lies outside");
        byte[] intoSlots = NdbFixture.build(blobs);
        le(intoSlots).putInt(32 + 8, 3);
        expectFailure(intoSlots).hasMessageContaining("lies outside");
        byte[] badSlot = NdbFixture.build(blobs);
        badSlot[48] = 'X';
        expectFailure(badSlot).hasMessageContaining("ndb slot 3 (page 0) lacks the \"Slot\" magic");
    }

    @Test
    void rejectsOverlappingBlobsAndDuplicatePackageIndexes() throws Exception {
        byte[] overlap = NdbFixture.build(blobs);
        ByteBuffer b = le(overlap);
        b.putInt(48 + 8, b.getInt(32 + 8) + 1);
        expectFailure(overlap).hasMessageContaining("overlaps the blob of package index 1");
        byte[] duplicate = NdbFixture.build(blobs);
        le(duplicate).putInt(48 + 4, 1);
        expectFailure(duplicate).hasMessageContaining("has the same package index");
    }

    @Test
    void rejectsBrokenBlobs() throws Exception {
        byte[] file = NdbFixture.build(blobs);
        int first = le(file).getInt(32 + 8) * NdbFixture.BLOCK;

        byte[] magic = file.clone();
        magic[first] = 'X';
        expectFailure(magic).hasMessageContaining("package index 1 (slot 2): blob lacks the \"BlbS\" magic");

        byte[] owner = file.clone();
        le(owner).putInt(first + 4, 9);
        expectFailure(owner).hasMessageContaining("blob belongs to package index 9");

        byte[] length = file.clone();
        le(length).putInt(first + 12, 5000);
        expectFailure(length).hasMessageContaining("needs 315 blocks but its slot has");

        byte[] huge = file.clone();
        le(huge).putInt(first + 12, -1);
        expectFailure(huge).hasMessageContaining("header blob of 4294967295 bytes exceeds the limit");

        byte[] tail = file.clone();
        int blocks = le(file).getInt(32 + 12);
        tail[first + blocks * NdbFixture.BLOCK - 1] = 'X';
        expectFailure(tail).hasMessageContaining("\"BlbE\"");

        byte[] header = file.clone();
        header[first + 16 + 3] = 0x7f;
        expectFailure(header).hasMessageContaining("package index 1 (slot 2): header declares");
    }

    @Test
    void honoursThePackageLimitWhileReadingSlots() throws Exception {
        Path db = write(NdbFixture.build(blobs));
        assertThatThrownBy(() -> RpmDatabase.read(db, new RpmLimits(3, 1 << 20, 1 << 20)))
            .isInstanceOf(RpmDbException.class).hasMessageContaining("more than 3 packages");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> expectFailure(byte[] file) throws Exception {
        Path db = write(file);
        return assertThatThrownBy(() -> RpmDatabase.read(db, RpmLimits.defaults()))
            .isInstanceOf(RpmDbException.class).hasMessageContaining(db.toString());
    }

    private Path write(byte[] file) throws Exception {
        return Files.write(Files.createTempFile(tmp, "Packages", ".db"), file);
    }

    private static ByteBuffer le(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }
}

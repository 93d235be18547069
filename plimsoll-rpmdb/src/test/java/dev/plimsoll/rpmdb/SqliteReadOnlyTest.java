package dev.plimsoll.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlite database of an image is only ever read: no lock, journal, -wal or -shm file appears next to it. */
class SqliteReadOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void readsAWalModeDatabaseAsRpmLeavesItWithoutCreatingAnyFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("var/lib/rpm"));
        Path db = Files.copy(Fixtures.path(Fixtures.SQLITE), dir.resolve("rpmdb.sqlite"));
        Files.write(dir.resolve("rpmdb.sqlite-wal"), new byte[0]);
        byte[] header = Files.readAllBytes(db);
        // rpm puts its database in WAL mode: file format read and write versions 2 at offsets 18 and 19.
        assertThat(header[18]).isEqualTo((byte) 2);
        assertThat(header[19]).isEqualTo((byte) 2);
        Files.setLastModifiedTime(db, FileTime.fromMillis(1_000_000_000_000L));
        Map<String, String> before = snapshot(dir);

        assertThat(RpmDatabase.read(db, RpmLimits.defaults())).hasSize(5);

        assertThat(snapshot(dir)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void readsThroughPathsThatLookLikeUriSyntax() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("a dir?with=odd&chars#and%20more"));
        Path db = Files.copy(Fixtures.path(Fixtures.SQLITE), dir.resolve("rpmdb.sqlite"));
        assertThat(RpmDatabase.read(db, RpmLimits.defaults())).hasSize(5);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rpmdb.sqlite");
        }
    }

    @Test
    void appliesANonEmptyWriteAheadLogWithoutTouchingTheImage() throws Exception {
        // Make a database whose last transaction (erasing libgamma) is still only in its -wal, as in an image
        // snapshotted while rpm ran: copy both files while the writer still holds them open.
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path live = Files.copy(Fixtures.path(Fixtures.SQLITE), work.resolve("rpmdb.sqlite"));
        Path image = Files.createDirectories(tmp.resolve("image"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA wal_autocheckpoint = 0");
            }
            long hnum = -1;
            for (byte[] blob : Fixtures.sqliteBlobs()) {
                hnum++;
                if (RpmHeader.parse(blob).string(RpmTag.NAME).orElseThrow().equals("libgamma")) {
                    break;
                }
            }
            try (PreparedStatement erase = c.prepareStatement("DELETE FROM Packages WHERE hnum = ?")) {
                erase.setLong(1, hnum + 1);
                assertThat(erase.executeUpdate()).isEqualTo(1);
            }
            Files.copy(live, image.resolve("rpmdb.sqlite"));
            Files.copy(work.resolve("rpmdb.sqlite-wal"), image.resolve("rpmdb.sqlite-wal"));
        }
        assertThat(Files.size(image.resolve("rpmdb.sqlite-wal"))).isPositive();
        Map<String, String> before = snapshot(image);

        List<RpmPackage> packages = RpmDatabase.read(image.resolve("rpmdb.sqlite"), RpmLimits.defaults());

        assertThat(packages).hasSize(4).noneMatch(p -> p.name().equals("libgamma"));
        assertThat(snapshot(image)).isEqualTo(before);
    }

    @Test
    void reportsDatabasesThatAreNotRpms() throws Exception {
        Path other = tmp.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Things (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> RpmDatabase.read(other, RpmLimits.defaults())).isInstanceOf(RpmDbException.class)
            .hasMessageContaining(other + " (SQLITE): sqlite database has no Packages table");

        Path garbage = tmp.resolve("garbage.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + garbage);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
            s.execute("INSERT INTO Packages (hnum, blob) VALUES (7, x'0000000100000000')");
        }
        assertThatThrownBy(() -> RpmDatabase.read(garbage, RpmLimits.defaults())).isInstanceOf(RpmDbException.class)
            .hasMessageContaining(garbage + " (SQLITE): hnum 7: header declares 1 index entries");
    }

    @Test
    void reportsACorruptFileBehindTheMagic() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.path(Fixtures.SQLITE));
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path corrupt = Files.write(tmp.resolve("rpmdb.sqlite"), bytes);
        assertThatThrownBy(() -> RpmDatabase.read(corrupt, RpmLimits.defaults())).isInstanceOf(RpmDbException.class)
            .hasMessageContaining(corrupt.toString());
    }

    /** File names with size and content digest, so a changed, added or removed file shows. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                byte[] bytes = Files.readAllBytes(p);
                files.put(p.getFileName().toString(), bytes.length + ":" + java.util.Arrays.hashCode(bytes));
            }
        }
        return files;
    }
}

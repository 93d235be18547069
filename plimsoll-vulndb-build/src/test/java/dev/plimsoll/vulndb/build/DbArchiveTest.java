package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.testkit.TarBuilder;
import dev.plimsoll.vulndb.VulnDbException;
import dev.plimsoll.vulndb.VulnDbReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbArchiveTest {
    @TempDir
    Path tmp;
    Path db;
    byte[] dbBytes;

    @BeforeEach
    void buildDatabase() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data/alpha"));
        Files.writeString(data.resolve("2024-05-01.txt"), "lodash A-1\nexpress A-2\nCVE-2024-1 epss\n");
        db = tmp.resolve("vulndb.db");
        new DbBuilder().build(tmp.resolve("data"), db, List.of(FakeFeed.of("alpha")), DbBuilderTest.CLOCK);
        dbBytes = Files.readAllBytes(db);
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(HttpFetcher.sha256().digest(b));
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportThenImportGivesTheSameDatabaseWithBothCompressions() throws IOException {
        for (String name : List.of("db.tar.zst", "db.tar.gz")) {
            Path archive = tmp.resolve("out").resolve(name);
            DbArchive.Result exported = new DbArchive().export(db, archive);
            assertThat(exported.sha256()).isEqualTo(sha(dbBytes));
            assertThat(exported.counts().advisories()).isEqualTo(2);

            Path target = tmp.resolve("elsewhere/" + name + "/vulndb.db");
            DbArchive.Result imported = new DbArchive().importArchive(archive, target);
            assertThat(Files.readAllBytes(target)).isEqualTo(dbBytes);
            assertThat(imported.metadata()).isEqualTo(exported.metadata());
            assertThat(imported.counts()).isEqualTo(exported.counts());
            assertThat(names(target.getParent())).containsExactly("vulndb.db");
        }
        assertThat(names(tmp.resolve("out"))).containsExactly("db.tar.gz", "db.tar.zst");
    }

    @Test
    void theArchiveHoldsMetadataChecksumAndDatabase() throws IOException {
        Path archive = tmp.resolve("db.tar.zst");
        new DbArchive().export(db, archive);
        List<String> entries = new ArrayList<>();
        String checksum = null;
        String metadata = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdCompressorInputStream(
                Files.newInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.add(e.getName());
                if (e.getName().equals(DbArchive.CHECKSUM)) {
                    checksum = new String(tar.readAllBytes());
                } else if (e.getName().equals(DbArchive.METADATA)) {
                    metadata = new String(tar.readAllBytes());
                }
            }
        }
        assertThat(entries).containsExactly("metadata.json", "vulndb.db.sha256", "vulndb.db");
        assertThat(checksum).isEqualTo(sha(dbBytes) + "  vulndb.db\n");
        assertThat(metadata).contains("\"schemaVersion\" : 1").contains("\"feed\" : \"alpha\"")
                .contains("\"advisories\" : 2").contains("\"cves\" : 1");
    }

    private Path archive(String name, TarBuilder tar) throws IOException {
        return Files.write(tmp.resolve(name), TarBuilder.zstd(tar.build()));
    }

    /** An archive holding {@code database} and, as its checksum, the SHA-256 of {@code checksummed}. */
    private Path archive(String name, byte[] database, byte[] checksummed) throws IOException {
        return archive(name, TarBuilder.tar().file("metadata.json", "{}")
                .file("vulndb.db.sha256", sha(checksummed) + "  vulndb.db\n").file("vulndb.db", database));
    }

    /** The test database with one bit flipped in its first page. */
    private byte[] tamperedDatabase() {
        byte[] tampered = dbBytes.clone();
        tampered[100] ^= 1;
        return tampered;
    }

    private void assertRefusedAndTargetUntouched(Path archive, String message) throws IOException {
        Path target = tmp.resolve("installed/vulndb.db");
        Files.createDirectories(target.getParent());
        Files.write(target, dbBytes);
        assertThatThrownBy(() -> new DbArchive().importArchive(archive, target)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(archive.toString()).hasMessageContaining(message);
        assertThat(Files.readAllBytes(target)).isEqualTo(dbBytes);
        assertThat(names(target.getParent())).containsExactly("vulndb.db");
    }

    @Test
    void aDatabaseThatDoesNotMatchItsChecksumIsNotInstalled() throws IOException {
        assertRefusedAndTargetUntouched(archive("t.tar.zst", tamperedDatabase(), dbBytes), "checksum mismatch");
    }

    @Test
    void aDamagedDatabaseWithAMatchingChecksumIsCaughtByVerification() throws IOException {
        byte[] tampered = tamperedDatabase();
        assertRefusedAndTargetUntouched(archive("t.tar.zst", tampered, tampered), "the database inside is unusable");
        byte[] newer = dbBytes.clone();
        ByteBuffer.wrap(newer).putInt(8, 99);
        assertRefusedAndTargetUntouched(archive("s.tar.zst", newer, newer), "schema 99");
    }

    @Test
    void anArchiveWithoutChecksumOrWithStrangeEntriesIsRefused() throws IOException {
        assertRefusedAndTargetUntouched(archive("a.tar.zst", TarBuilder.tar().file("metadata.json", "{}")
                .file("vulndb.db", dbBytes)), "no vulndb.db.sha256");
        assertRefusedAndTargetUntouched(archive("b.tar.zst", TarBuilder.tar()
                .file("vulndb.db.sha256", sha(dbBytes) + "  vulndb.db\n").file("../vulndb.db", dbBytes)),
                "unexpected entry '../vulndb.db'");
        assertRefusedAndTargetUntouched(archive("c.tar.zst", TarBuilder.tar().symlink("vulndb.db", "/etc/passwd")),
                "not a regular file");
        assertRefusedAndTargetUntouched(archive("d.tar.zst", TarBuilder.tar().file("metadata.json", "{}")
                .file("vulndb.db.sha256", "nothing useful").file("vulndb.db", dbBytes)), "has no \"<sha256>");
        assertRefusedAndTargetUntouched(Files.write(tmp.resolve("e.tar.zst"), "plain text".getBytes()),
                "not a .tar.zst or .tar.gz");
        assertRefusedAndTargetUntouched(Files.write(tmp.resolve("f.tar.gz"), TarBuilder.gzip(TarBuilder.tar()
                .file("metadata.json", "{}").build())), "no vulndb.db in it");
    }

    @Test
    void aTooLargeDatabaseEntryIsRefused() throws IOException {
        Path a = archive("big.tar.zst", TarBuilder.tar().file("vulndb.db", dbBytes));
        assertThatThrownBy(() -> new DbArchive(100).importArchive(a, tmp.resolve("x/vulndb.db")))
                .hasMessageContaining("larger than 100 bytes");
    }

    @Test
    void aDamagedDatabaseIsNotExported() throws IOException {
        Path bad = Files.write(tmp.resolve("bad.db"), tamperedDatabase());
        assertThatThrownBy(() -> new DbArchive().export(bad, tmp.resolve("bad.tar.zst")))
                .isInstanceOf(VulnDbException.class).hasMessageStartingWith(bad.toString());
        assertThat(tmp.resolve("bad.tar.zst")).doesNotExist();
        assertThatThrownBy(() -> new DbArchive().export(db, tmp.resolve("db.zip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".tar.zst or .tar.gz");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.counts().packages()).isEqualTo(2);
        }
        assertThat(new ByteArrayInputStream(dbBytes).readAllBytes()).hasSameSizeAs(dbBytes);
    }
}

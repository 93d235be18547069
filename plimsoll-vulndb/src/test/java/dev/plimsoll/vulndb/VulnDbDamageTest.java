package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is missing, foreign, of another schema, truncated or damaged is refused, naming the file. */
class VulnDbDamageTest {
    @TempDir
    Path dir;
    Path db;
    byte[] good;

    @BeforeEach
    void writeGoodDatabase() throws IOException {
        db = dir.resolve("vulndb.db");
        try (VulnDbWriter w = VulnDbWriter.create(db)) {
            new SyntheticAdvisories(120, 500, 100, 5).forEachAdvisory(w::add);
            TestRecords.all().forEach(w::add);
            w.add(TestRecords.nvd());
            w.finish(TestRecords.metadata());
        }
        good = Files.readAllBytes(db);
    }

    private Path damaged(byte[] content) throws IOException {
        Path p = dir.resolve("damaged.db");
        Files.write(p, content);
        return p;
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        Path missing = dir.resolve("nope.db");
        assertThatThrownBy(() -> VulnDb.open(missing)).isInstanceOf(VulnDbException.class)
                .hasMessageStartingWith(missing.toString())
                .hasMessageContaining("plimsoll db update");
    }

    @Test
    void aForeignFileIsNotADatabase() throws IOException {
        Path text = damaged("just some text, long enough to fill a header of sixty-four bytes ......."
                .getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> VulnDb.open(text)).isInstanceOf(VulnDbException.class)
                .hasMessageStartingWith(text.toString()).hasMessageContaining("not a Plimsoll vulnerability database");
        byte[] sqlite = Arrays.copyOf("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 4096);
        Path sq = damaged(sqlite);
        assertThatThrownBy(() -> VulnDb.open(sq)).hasMessageContaining("it is an SQLite database");
        Path tiny = damaged(new byte[10]);
        assertThatThrownBy(() -> VulnDb.open(tiny)).hasMessageContaining("only 10 bytes");
    }

    @Test
    void anotherSchemaVersionIsRefusedWithTheVersions() throws IOException {
        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putInt(8, DbFormat.SCHEMA_VERSION + 1);
        Path p = damaged(newer);
        assertThatThrownBy(() -> VulnDb.open(p)).isInstanceOf(VulnDbException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("schema " + (DbFormat.SCHEMA_VERSION + 1))
                .hasMessageContaining("reads schema " + DbFormat.SCHEMA_VERSION)
                .hasMessageContaining("newer Plimsoll");
        byte[] older = good.clone();
        ByteBuffer.wrap(older).putInt(8, 0);
        Path o = damaged(older);
        assertThatThrownBy(() -> VulnDb.open(o)).hasMessageContaining("older Plimsoll");
    }

    @Test
    void aTruncatedFileIsRefusedAtOpen() throws IOException {
        for (int cut : new int[] {1, 100, good.length / 2, good.length - 65}) {
            Path p = damaged(Arrays.copyOf(good, good.length - cut));
            assertThatThrownBy(() -> VulnDb.open(p)).as("cut %d", cut).isInstanceOf(VulnDbException.class)
                    .hasMessageStartingWith(p.toString()).hasMessageContaining("truncated");
        }
        Path longer = damaged(Arrays.copyOf(good, good.length + 3));
        assertThatThrownBy(() -> VulnDb.open(longer)).hasMessageContaining("trailing bytes");
    }

    @Test
    void aDamagedHeaderOrIndexIsRefusedAtOpen() throws IOException {
        byte[] header = good.clone();
        header[20] ^= 0x01;   // inside the file length
        Path h = damaged(header);
        assertThatThrownBy(() -> VulnDb.open(h)).hasMessageContaining("corrupt header");
        byte[] footer = good.clone();
        footer[good.length - 10] ^= 0x40;
        Path f = damaged(footer);
        assertThatThrownBy(() -> VulnDb.open(f)).isInstanceOf(VulnDbException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("corrupt index");
    }

    /**
     * Flipping any single byte of the data (chunks and pages) is caught: by the lookup that reads it, and by
     * verify() in any case. Never a wrong answer, an endless loop or an exception other than VulnDbException.
     */
    @Test
    void everyDamagedDataByteIsCaughtByVerify() throws IOException {
        long footerOffset = ByteBuffer.wrap(good).getLong(24);
        int step = (int) Math.max(1, (footerOffset - DbFormat.HEADER_SIZE) / 700);
        for (int pos = DbFormat.HEADER_SIZE; pos < footerOffset; pos += step) {
            byte[] bad = good.clone();
            bad[pos] ^= (byte) 0x5A;
            Path p = damaged(bad);
            try (VulnDbReader r = VulnDbReader.open(p)) {
                assertThatThrownBy(r::verify).as("byte %d", pos).isInstanceOf(VulnDbException.class)
                        .hasMessageStartingWith(p.toString()).hasMessageContaining("corrupt data");
            }
        }
    }

    @Test
    void aLookupThatMeetsDamageFailsNamingTheFileAndThePackage() throws IOException {
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.find(TestRecords.LOG4J)).isNotEmpty();
        }
        long footerOffset = ByteBuffer.wrap(good).getLong(24);
        int hits = 0;
        int step = (int) Math.max(1, (footerOffset - DbFormat.HEADER_SIZE) / 700);
        for (int pos = DbFormat.HEADER_SIZE; pos < footerOffset; pos += step) {
            byte[] bad = good.clone();
            bad[pos] ^= (byte) 0xFF;
            Path p = damaged(bad);
            try (VulnDbReader r = VulnDbReader.open(p)) {
                try {
                    List<dev.plimsoll.core.advisory.Advisory> found = r.find(TestRecords.LOG4J);
                    assertThat(found).as("byte %d", pos).containsExactly(TestRecords.log4Shell());
                } catch (VulnDbException e) {
                    assertThat(e.file()).isEqualTo(p);
                    assertThat(e.getMessage()).contains("package maven org.apache.logging.log4j:log4j-core");
                    hits++;
                }
            }
        }
        assertThat(hits).as("damage on the log4j lookup path was noticed").isPositive();
    }

    @Test
    void aClosedReaderRefusesLookups() {
        VulnDbReader r = VulnDbReader.open(db);
        r.close();
        assertThatThrownBy(() -> r.find(TestRecords.LOG4J)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}

package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbWriterTest {
    @TempDir
    Path dir;

    private List<String> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** {@code vulndb.db} in the test directory, holding Log4Shell: the database a second writer may replace. */
    private Path log4ShellDatabase() throws IOException {
        Path db = dir.resolve("vulndb.db");
        try (VulnDbWriter w = VulnDbWriter.create(db)) {
            w.add(TestRecords.log4Shell());
            w.finish(TestRecords.metadata());
        }
        return db;
    }

    /**
     * Over a database holding Log4Shell, a writer that adds Minimist and ends with {@code end} instead of a successful
     * finish leaves the old bytes in place and no temporary file beside them.
     */
    private void assertOldDatabaseKeptAfter(Consumer<VulnDbWriter> end) throws IOException {
        Path db = log4ShellDatabase();
        byte[] before = Files.readAllBytes(db);
        try (VulnDbWriter w = VulnDbWriter.create(db)) {
            w.add(TestRecords.minimist());
            end.accept(w);
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("vulndb.db");
    }

    @Test
    void closingWithoutFinishingLeavesTheOldDatabaseAndNoTemporaryFiles() throws IOException {
        assertOldDatabaseKeptAfter(w -> {
        });
    }

    @Test
    void aFailedFinishLeavesTheOldDatabase() throws IOException {
        DbMetadata wrongSchema = new DbMetadata(99, Instant.EPOCH, List.of());
        assertOldDatabaseKeptAfter(w ->
                assertThatThrownBy(() -> w.finish(wrongSchema)).isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void finishReplacesTheDatabaseWhileAnOpenReaderKeepsWorking() throws IOException {
        Path db = log4ShellDatabase();
        try (VulnDbReader old = VulnDbReader.open(db)) {
            try (VulnDbWriter w = VulnDbWriter.create(db)) {
                w.add(TestRecords.minimist());
                w.finish(TestRecords.metadata());
            }
            assertThat(old.find(TestRecords.LOG4J)).containsExactly(TestRecords.log4Shell());
            try (VulnDbReader fresh = VulnDbReader.open(db)) {
                assertThat(fresh.find(TestRecords.LOG4J)).isEmpty();
                assertThat(fresh.find(TestRecords.NPM_MINIMIST)).containsExactly(TestRecords.minimist());
            }
        }
        assertThat(filesIn(dir)).containsExactly("vulndb.db");
    }

    @Test
    void theSameRecordsInAnyOrderGiveTheSameBytes() throws IOException {
        List<Advisory> advisories = new ArrayList<>();
        new SyntheticAdvisories(500, 3000, 0, 9).forEachAdvisory(advisories::add);
        advisories.addAll(TestRecords.all());
        byte[] first = null;
        for (int seed = 0; seed < 3; seed++) {
            Collections.shuffle(advisories, new Random(seed));
            Path db = dir.resolve("v" + seed + ".db");
            try (VulnDbWriter w = VulnDbWriter.create(db)) {
                advisories.forEach(w::add);
                List.of(TestRecords.nvd(), TestRecords.kev(), TestRecords.epss()).forEach(w::add);
                w.finish(TestRecords.metadata());
            }
            byte[] bytes = Files.readAllBytes(db);
            if (first == null) {
                first = bytes;
            } else {
                assertThat(bytes).as("seed %d", seed).isEqualTo(first);
            }
        }
    }

    @Test
    void manyThreadsMayAddAndManyMayRead() throws Exception {
        SyntheticAdvisories data = new SyntheticAdvisories(800, 8000, 500, 21);
        List<Advisory> all = new ArrayList<>();
        data.forEachAdvisory(all::add);
        Path db = dir.resolve("vulndb.db");
        try (ExecutorService pool = Executors.newFixedThreadPool(4); VulnDbWriter w = VulnDbWriter.create(db)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int slice = t;
                done.add(pool.submit(() -> {
                    for (int i = slice; i < all.size(); i += 4) {
                        w.add(all.get(i));
                    }
                }));
            }
            data.forEachCveFacts(w::add);
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(w.finish(TestRecords.metadata()).advisories()).isEqualTo(all.stream().distinct().count());
        }
        try (VulnDbReader r = VulnDbReader.open(db); ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    for (int i = 0; i < 800; i++) {
                        n += r.find(data.key(i)).size();
                    }
                    return n;
                }));
            }
            for (Future<Long> c : counts) {
                assertThat(c.get()).isEqualTo(r.counts().advisories());
            }
        }
    }

    @Test
    void aDistroWithASpaceCannotBeStoredBecauseItsKeyTextWouldBeAmbiguous() throws IOException {
        Advisory a = TestRecords.debianLog4Shell();
        Advisory spaced = new Advisory(a.id(), a.aliases(), a.source(),
                new PackageKey(Ecosystem.DEB, Optional.of("debian 11"), "x"), a.ranges(), a.versions(), a.fix(),
                a.severity(), a.cvss(), a.title(), a.references(), a.published(), a.modified(), a.withdrawn());
        try (VulnDbWriter w = VulnDbWriter.create(dir.resolve("v.db"))) {
            assertThatThrownBy(() -> w.add(spaced)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aWriterNeedsAnExistingDirectory() {
        assertThatThrownBy(() -> VulnDbWriter.create(dir.resolve("missing/vulndb.db")))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }
}

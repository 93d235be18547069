package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The zip reader against the JDK's: same entries, same content, on real archives and on crafted ones. */
class ZipReaderTest {
    @TempDir
    Path tmp;

    static List<ZipEntryInfo> entries(byte[] zip) throws IOException {
        List<ZipEntryInfo> out = new ArrayList<>();
        ZipReader.readCentralDirectory(new ByteSource.Bytes(zip), new Budget(ArchiveLimits.defaults()), out::add);
        return out;
    }

    /** Every entry's name, sizes, CRC and bytes agree with java.util.zip.ZipFile's. */
    private void agreesWithTheJdk(byte[] zip) throws IOException {
        Path file = Files.write(tmp.resolve("a.zip"), zip);
        List<ZipEntryInfo> ours = entries(zip);
        Budget budget = new Budget(ArchiveLimits.defaults());
        try (ZipFile jdk = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> theirs = Collections.list(jdk.entries());
            assertThat(ours).hasSize(theirs.size());
            for (int i = 0; i < ours.size(); i++) {
                ZipEntryInfo o = ours.get(i);
                ZipEntry t = theirs.get(i);
                assertThat(o.name()).isEqualTo(t.getName());
                assertThat(o.method()).isEqualTo(t.getMethod());
                assertThat(o.crc()).isEqualTo(t.getCrc());
                assertThat(o.uncompressedSize()).isEqualTo(t.getSize());
                assertThat(o.compressedSize()).isEqualTo(t.getCompressedSize());
                if (!o.isDirectory()) {
                    assertThat(ZipReader.readEntry(new ByteSource.Bytes(zip), o, Integer.MAX_VALUE - 8, budget))
                            .as(o.name()).isEqualTo(jdk.getInputStream(t).readAllBytes());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j-core-2.14.1.jar", "org.jacoco.cli-0.8.12-nodeps.jar", "jolokia-war-1.7.2.war"})
    void realArchivesFromMavenCentral(String name) throws IOException {
        agreesWithTheJdk(Zips.realBytes(name));
    }

    @Test
    void storedDeflatedEmptyAndUnicodeEntries() throws IOException {
        agreesWithTheJdk(Zips.zip(Zips.dir("META-INF"), Zips.manifest("Implementation-Version: 1"),
                Zips.stored("lib/inner.jar", Zips.zip(Zips.text("a", "b"))), Zips.deflated("empty", new byte[0]),
                Zips.text("données/é.txt", "ünïcödé"), Zips.deflated("big", new byte[300_000])));
    }

    @Test
    void archiveCommentsShortAndLong() throws IOException {
        for (int length : new int[] {0, 10, 300, 65_535}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("a.txt"));
                zip.write("a".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.setComment("c".repeat(length));
            }
            assertThat(entries(bytes.toByteArray())).as("comment of %d", length).extracting(ZipEntryInfo::name)
                    .containsExactly("a.txt");
        }
    }

    @Test
    void zip64WithMoreThan65535Entries() throws IOException {
        Zips.Entry[] entries = new Zips.Entry[70_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = Zips.stored("e" + i, new byte[] {(byte) i});
        }
        byte[] zip = Zips.zip(entries);
        assertThat(entries(zip)).hasSize(70_000);
        agreesWithTheJdk(zip);
    }

    @Test
    void bytesPrependedToTheArchiveAreSkipped() throws IOException {
        byte[] zip = Zips.zip(Zips.pom("g", "a", "1"), Zips.stored("x.jar", Zips.zip(Zips.text("y", "z"))));
        byte[] script = "#!/bin/bash\nexec java -jar \"$0\" \"$@\"\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] executable = Zips.concat(script, zip);

        List<ZipEntryInfo> entries = entries(executable);
        assertThat(entries).extracting(ZipEntryInfo::name)
                .containsExactly("META-INF/maven/g/a/pom.properties", "x.jar");
        assertThat(new String(ZipReader.readEntry(new ByteSource.Bytes(executable), entries.get(0), 1000,
                new Budget(ArchiveLimits.defaults())), StandardCharsets.UTF_8)).contains("artifactId=a");
    }

    @Test
    void damagedArchives() {
        byte[] zip = Zips.zip(Zips.text("a.txt", "hello hello hello"), Zips.text("b.txt", "world"));
        assertMalformed(new byte[0], "not a zip archive");
        assertMalformed("just some text, long enough to be looked at".getBytes(StandardCharsets.UTF_8),
                "no end of central directory");
        assertMalformed(java.util.Arrays.copyOf(zip, zip.length - 30), "no end of central directory");
        // The directory claims more entries than it holds.
        byte[] moreEntries = zip.clone();
        int eocd = zip.length - 22;
        moreEntries[eocd + 10] = 3;
        moreEntries[eocd + 8] = 3;
        assertMalformed(moreEntries, "declares 3 entries");
        // An entry pointing past the end.
        assertMalformed(Zips.patchCentral(zip, "b.txt", 42, 4, 0x7fff_0000L), "points outside the archive");
        // A damaged central record.
        byte[] badSignature = zip.clone();
        badSignature[Zips.centralRecord(zip, "b.txt")] = 'X';
        assertMalformed(badSignature, "damaged");
    }

    @Test
    void entriesThatInflateOtherwiseThanDeclared() throws IOException {
        byte[] zip = Zips.zip(Zips.deflated("bomb", new byte[1_000_000]), Zips.text("t", "text"));
        Budget budget = new Budget(ArchiveLimits.defaults());
        // Declared smaller than it inflates: stops one byte past the declared size.
        byte[] lying = Zips.patchCentral(zip, "bomb", 24, 4, 1000);
        ZipEntryInfo bomb = entries(lying).get(0);
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(lying), bomb, 10_000, budget))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("more than its declared 1000 bytes");
        // Declared larger than the bound: not inflated at all.
        ZipEntryInfo honest = entries(zip).get(0);
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(zip), honest, 10_000, budget))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("beyond the bound")
                .satisfies(e -> assertThat(((ArchiveException) e).kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED));
        // Declared larger than it inflates.
        byte[] shorter = Zips.patchCentral(zip, "t", 24, 4, 10);
        ZipEntryInfo t = entries(shorter).get(1);
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(shorter), t, 100, budget))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("not its declared 10");
        // A wrong CRC.
        byte[] badCrc = Zips.patchCentral(zip, "t", 16, 4, 12345);
        ZipEntryInfo crc = entries(badCrc).get(1);
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(badCrc), crc, 100, budget))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("CRC");
    }

    @Test
    void theInflationBudgetIsSharedByAllEntries() throws IOException {
        byte[] zip = Zips.zip(Zips.deflated("a", new byte[600]), Zips.deflated("b", new byte[600]));
        Budget budget = new Budget(new ArchiveLimits(8, 100, 1000, 1000, 1000));
        List<ZipEntryInfo> entries = entries(zip);
        ZipReader.readEntry(new ByteSource.Bytes(zip), entries.get(0), 1000, budget);
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(zip), entries.get(1), 1000, budget))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("would inflate 600 bytes");
    }

    @Test
    void unsupportedEntries() throws IOException {
        byte[] zip = Zips.zip(Zips.text("m", "method"), Zips.text("e", "encrypted"));
        byte[] patched = Zips.patchCentral(Zips.patchCentral(zip, "m", 10, 2, 12), "e", 8, 2, 1);
        List<ZipEntryInfo> entries = entries(patched);
        Budget budget = new Budget(ArchiveLimits.defaults());
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(patched), entries.get(0), 100, budget))
                .hasMessageContaining("compression method 12");
        assertThatThrownBy(() -> ZipReader.readEntry(new ByteSource.Bytes(patched), entries.get(1), 100, budget))
                .hasMessageContaining("encrypted");
    }

    @Test
    void theEntryBudgetBoundsTheDirectory() {
        byte[] zip = Zips.zip(Zips.text("a", "1"), Zips.text("b", "2"), Zips.text("c", "3"));
        Budget budget = new Budget(new ArchiveLimits(8, 2, 1000, 1000, 1000));
        assertThatThrownBy(() -> ZipReader.readCentralDirectory(new ByteSource.Bytes(zip), budget, e -> { }))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("more than 2 entries");
    }

    @Test
    void slicesReadInPlace() throws IOException {
        byte[] inner = Zips.zip(Zips.text("x", "inner"));
        byte[] outer = Zips.zip(Zips.text("before", "padding"), Zips.stored("in.jar", inner));
        ByteSource source = new ByteSource.Bytes(outer);
        ZipEntryInfo e = entries(outer).get(1);
        ByteSource slice = new ByteSource.Slice(source, ZipReader.dataStart(source, e), e.compressedSize());

        assertThat(slice.read(0, (int) slice.size())).isEqualTo(inner);
        try (var in = slice.openAt(slice.size() - 4)) {
            assertThat(in.readAllBytes()).hasSize(4);
        }
        assertThatThrownBy(() -> new ByteSource.Slice(source, 10, outer.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMalformed(byte[] zip, String message) {
        assertThatThrownBy(() -> entries(zip)).isInstanceOf(ArchiveException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ArchiveException) e).kind()).isEqualTo(ProblemKind.MALFORMED_FILE));
    }
}

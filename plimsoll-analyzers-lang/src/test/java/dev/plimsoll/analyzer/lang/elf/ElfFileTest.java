package dev.plimsoll.analyzer.lang.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ElfFileTest {
    static final Path GO_AMD64 = Path.of("src/test/resources/golang/bin/hello-amd64");
    static final Path GO_MIPS = Path.of("src/test/resources/golang/bin/hello-mips");
    static final Path RUST = Path.of("src/test/resources/rust/bin/app-auditable");

    private static ElfFile read(byte[] bytes) throws Exception {
        return ElfFile.read(SeekableBytes.of(bytes)).orElseThrow();
    }

    private static ElfException failure(byte[] bytes) {
        try {
            ElfFile.read(SeekableBytes.of(bytes));
        } catch (ElfException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read without an ElfException");
    }

    @ParameterizedTest
    @CsvSource({"golang/bin/hello-amd64, true, LITTLE_ENDIAN, 62", "golang/bin/hello-mips, false, BIG_ENDIAN, 8",
            "rust/bin/app-auditable, true, LITTLE_ENDIAN, 62"})
    void realBinariesReadAsReadelfReadsThem(String fixture, boolean wide, String order, int machine) throws Exception {
        Path binary = Path.of("src/test/resources", fixture);
        ElfFile elf = read(Files.readAllBytes(binary));
        Readelf readelf = Readelf.of(Path.of(binary + ".readelf.txt"));

        assertThat(elf.is64Bit()).isEqualTo(wide);
        assertThat(elf.byteOrder().toString()).isEqualTo(order);
        assertThat(elf.machine()).isEqualTo(machine);
        assertThat(elf.sections()).extracting(ElfSection::name, ElfSection::address, ElfSection::offset,
                        ElfSection::size, s -> s.type() == ElfSection.NOBITS)
                .containsExactlyElementsOf(readelf.sections().stream().map(s -> tuple(s.name(), s.address(),
                        s.offset(), s.size(), s.type() == ElfSection.NOBITS)).toList());
        assertThat(elf.segments().stream().filter(s -> s.type() == ElfSegment.LOAD).toList())
                .containsExactlyElementsOf(readelf.loads());
        assertThat(readelf.sections()).hasSizeGreaterThan(10);
    }

    @Test
    void sectionContentsAndMemoryAreTheFilesBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(GO_AMD64);
        ElfFile elf = read(bytes);
        ElfSection buildinfo = elf.section(".go.buildinfo").orElseThrow();
        byte[] contents = elf.contents(buildinfo, 4096);
        assertThat(new String(contents, 0, 14, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ff Go buildinf:");
        assertThat(elf.readMemory(buildinfo.address(), 14)).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo(Arrays.copyOf(contents, 14)));
        assertThat(elf.readMemory(0x10, 4)).as("below every segment").isEmpty();
        assertThat(elf.contents(elf.section(".bss").orElseThrow(), 16)).as("NOBITS").isEmpty();
        assertThatThrownBy(() -> elf.contents(elf.section(".text").orElseThrow(), 1024))
                .isInstanceOfSatisfying(ElfException.class, e -> assertThat(e.kind())
                        .isEqualTo(ProblemKind.LIMIT_EXCEEDED));
    }

    @Test
    void filesThatAreNotElfAreNotRead() throws Exception {
        assertThat(ElfFile.read(SeekableBytes.of("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(ElfFile.read(SeekableBytes.of(new byte[0]))).isEmpty();
        assertThat(ElfFile.read(SeekableBytes.of(new byte[] {0x7f, 'E', 'L'}))).isEmpty();
        assertThat(ElfFile.read(SeekableBytes.of("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))).isEmpty();
    }

    @Test
    void truncatedElfFilesAreMalformed() throws Exception {
        byte[] bytes = Files.readAllBytes(GO_MIPS);
        assertThat(failure(Arrays.copyOf(bytes, 10)).getMessage()).contains("shorter than its identification");
        assertThat(failure(Arrays.copyOf(bytes, 40)).getMessage()).contains("shorter than its 52-byte header");
        // Go writes the section header table near the start and the name table after the code.
        assertThat(failure(Arrays.copyOf(bytes, 0x140)).getMessage()).isEqualTo("section header table (16 entries "
                + "of 40 bytes at offset 308) ends beyond the end of the file (320 bytes)");
        ElfException cut = failure(Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(cut.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
        assertThat(cut.getMessage()).isEqualTo("section name table (184 bytes at offset 683520) ends beyond the end "
                + "of the file (524288 bytes)");
    }

    @Test
    void absurdHeaderFieldsAreMalformedOrBeyondBounds() throws Exception {
        byte[] original = Files.readAllBytes(GO_AMD64);

        byte[] badClass = original.clone();
        badClass[4] = 7;
        assertThat(failure(badClass).getMessage()).isEqualTo("unknown ELF class 7");

        byte[] badOrder = original.clone();
        badOrder[5] = 0;
        assertThat(failure(badOrder).getMessage()).isEqualTo("unknown ELF data encoding 0");

        byte[] hugeOffset = original.clone();
        ByteBuffer.wrap(hugeOffset).order(ByteOrder.LITTLE_ENDIAN).putLong(40, 0x8000_0000_0000_0010L);
        assertThat(failure(hugeOffset).getMessage()).contains("e_shoff 9223372036854775824 beyond any file");

        byte[] pastEnd = original.clone();
        ByteBuffer.wrap(pastEnd).order(ByteOrder.LITTLE_ENDIAN).putLong(40, original.length - 10);
        assertThat(failure(pastEnd).kind()).isEqualTo(ProblemKind.MALFORMED_FILE);

        byte[] shortEntries = original.clone();
        ByteBuffer.wrap(shortEntries).order(ByteOrder.LITTLE_ENDIAN).putShort(58, (short) 12);
        assertThat(failure(shortEntries).getMessage()).isEqualTo("section header entries of 12 bytes, fewer than 64");

        byte[] namesOutside = original.clone();
        ByteBuffer.wrap(namesOutside).order(ByteOrder.LITTLE_ENDIAN).putShort(62, (short) 200);
        assertThat(failure(namesOutside).getMessage()).isEqualTo("section name table index 200 beyond the 14 sections");

        // Extended numbering: e_shnum 0 takes the count from entry 0's sh_size, here absurd.
        byte[] extended = original.clone();
        ByteBuffer buffer = ByteBuffer.wrap(extended).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = buffer.getLong(40);
        buffer.putShort(60, (short) 0);
        buffer.putLong((int) shoff + 32, 1L << 40);
        ElfException tooMany = failure(extended);
        assertThat(tooMany.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED);
        assertThat(tooMany.getMessage()).isEqualTo("section header table with 1099511627776 entries, more than 65536");
    }

    @Test
    void extendedSectionNumberingIsFollowed() throws Exception {
        byte[] bytes = Files.readAllBytes(GO_AMD64);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = buffer.getLong(40);
        int count = buffer.getShort(60);
        int names = buffer.getShort(62);
        buffer.putShort(60, (short) 0).putShort(62, (short) 0xffff);
        buffer.putLong((int) shoff + 32, count).putInt((int) shoff + 40, names);
        assertThat(read(bytes).section(".go.buildinfo")).isPresent();
        assertThat(read(bytes).sections()).hasSize(count);
    }

    @Test
    void aSectionOrSegmentOutsideTheFileMarksItTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(GO_AMD64);
        ElfFile elf = read(bytes);
        int index = elf.sections().indexOf(elf.section(".go.buildinfo").orElseThrow());
        byte[] section = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong((int) (buffer.getLong(40) + 64L * index) + 24, bytes.length - 8); // sh_offset
        assertThat(failure(section).getMessage()).isEqualTo("section .go.buildinfo (496 bytes at offset 892920) "
                + "ends beyond the end of the file (892928 bytes): truncated or damaged");

        byte[] segment = bytes.clone();
        buffer = ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
        int load = 64 + 2 * 56; // the third program header, the first LOAD (readelf)
        assertThat(buffer.getInt(load)).isEqualTo(ElfSegment.LOAD);
        buffer.putLong(load + 32, bytes.length + 1); // p_filesz
        assertThat(failure(segment).getMessage()).isEqualTo("loadable segment (892929 bytes at offset 0) ends "
                + "beyond the end of the file (892928 bytes): truncated or damaged");
    }

    @ParameterizedTest
    @CsvSource({"true, LITTLE_ENDIAN", "true, BIG_ENDIAN", "false, LITTLE_ENDIAN", "false, BIG_ENDIAN"})
    void bothClassesAndByteOrders(boolean wide, String orderName) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] data = "some data".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new ElfBuilder(wide, order).section(".note.x", ElfBuilder.NOTE, new byte[] {1, 2, 3})
                .loaded(".data", 0x500000, ElfSegment.READ | ElfSegment.WRITE, data).build();
        ElfFile elf = read(bytes);
        assertThat(elf.is64Bit()).isEqualTo(wide);
        assertThat(elf.byteOrder()).isEqualTo(order);
        assertThat(elf.sections()).extracting(ElfSection::name)
                .containsExactly("", ".note.x", ".data", ".shstrtab");
        assertThat(elf.contents(elf.section(".note.x").orElseThrow(), 3)).containsExactly(1, 2, 3);
        assertThat(elf.readMemory(0x500005, 100)).hasValueSatisfying(m -> assertThat(new String(m,
                StandardCharsets.US_ASCII)).isEqualTo("data"));
        assertThat(elf.segments()).singleElement().satisfies(s -> assertThat(s.flags())
                .isEqualTo(ElfSegment.READ | ElfSegment.WRITE));

        ElfFile noSections = read(new ElfBuilder(wide, order)
                .loaded(".data", 0x500000, ElfSegment.READ, data).withoutSectionHeaders().build());
        assertThat(noSections.sections()).isEmpty();
        assertThat(noSections.readMemory(0x500000, 4)).hasValueSatisfying(m -> assertThat(m).hasSize(4));
    }
}

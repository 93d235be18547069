package dev.plimsoll.analyzer.lang.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Damaged ELF files: headers read or an ElfException, never another exception; every read stays bounded. */
class ElfProperties {
    private static final byte[] GO = read(ElfFileTest.GO_MIPS);
    /** Where the section header table starts: mutations there reach the table's fields. */
    private static final int SHOFF = ByteBuffer.wrap(GO).order(ByteOrder.BIG_ENDIAN).getInt(32);

    private static byte[] read(java.nio.file.Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> headerMutations() {
        Arbitrary<Integer> positions = Arbitraries.oneOf(Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(SHOFF, GO.length - 1));
        Arbitrary<Byte> values = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) 0, (byte) 0xff, (byte) 0x7f, (byte) 0x80, (byte) 1, (byte) 2));
        return Combinators.combine(positions, values).as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 400)
    void mutatedHeaders(@ForAll("headerMutations") List<Mutation> mutations) throws IOException {
        byte[] bytes = GO.clone();
        mutations.forEach(m -> bytes[m.position()] = m.value());
        readEverything(bytes);
    }

    @Property(tries = 200)
    void truncated(@ForAll @IntRange(min = 0, max = 1_100_000) int length) throws IOException {
        readEverything(Arrays.copyOf(GO, Math.min(length, GO.length)));
    }

    @Property(tries = 300)
    void noiseAfterTheMagic(@ForAll @Size(max = 300) byte[] noise) throws IOException {
        byte[] bytes = new byte[noise.length + 4];
        bytes[0] = 0x7f;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        System.arraycopy(noise, 0, bytes, 4, noise.length);
        readEverything(bytes);
    }

    /** Reads the headers, every section (bounded) and a few addresses; only ElfException may stop it. */
    static void readEverything(byte[] bytes) throws IOException {
        Optional<ElfFile> elf;
        try {
            elf = ElfFile.read(SeekableBytes.of(bytes));
        } catch (ElfException e) {
            return;
        }
        if (elf.isEmpty()) {
            return; // the magic number was mutated away
        }
        for (ElfSection s : elf.orElseThrow().sections()) {
            try {
                elf.get().contents(s, 64 * 1024);
            } catch (ElfException e) {
                // reported
            }
            try {
                elf.get().readMemory(s.address(), 64);
            } catch (ElfException e) {
                // reported
            }
        }
    }
}

package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.ElfSection;
import dev.plimsoll.analyzer.lang.elf.Executables;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.nio.ByteOrder;
import java.util.Arrays;
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
 * Damaged Go binaries, build information and go.mod files: packages or a problem naming the file, never another
 * exception.
 */
class GoProperties {
    private static final byte[] GO = GoBinaryAnalyzerTest.read("hello-amd64");
    private static final ElfSection BUILDINFO;

    static {
        try {
            BUILDINFO = ElfFile.read(SeekableBytes.of(GO)).orElseThrow().section(".go.buildinfo").orElseThrow();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> buildInfoMutations() {
        int start = (int) BUILDINFO.offset();
        return Combinators.combine(Arbitraries.integers().between(start, start + (int) BUILDINFO.size() - 1),
                        Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) '\t', (byte) '\n', (byte) 0x80,
                                (byte) 0xff, (byte) 0, (byte) 2)))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 400)
    void mutatedBuildInformation(@ForAll("buildInfoMutations") List<Mutation> mutations) {
        byte[] bytes = GO.clone();
        mutations.forEach(m -> bytes[m.position()] = m.value());
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/go", bytes);
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/go"));
    }

    @Property(tries = 200)
    void truncatedBinaries(@ForAll @IntRange(min = 0, max = 900_000) int length) {
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/go", Arrays.copyOf(GO,
                Math.min(length, GO.length)));
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/go"));
        if (length >= 4 && length < GO.length) {
            assertThat(out.packages()).isEmpty();
            assertThat(out.problems()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void noiseAfterTheHeader(@ForAll @Size(max = 200) byte[] noise, @ForAll boolean inline, @ForAll boolean wide,
                             @ForAll boolean bigEndian) {
        byte[] binary;
        if (inline) {
            byte[] blob = GoBlobs.inline("go1.21.0", new byte[0]);
            byte[] mutated = Arrays.copyOf(blob, 32 + noise.length);
            System.arraycopy(noise, 0, mutated, 32, noise.length);
            binary = new dev.plimsoll.analyzer.lang.elf.ElfBuilder(wide, ByteOrder.LITTLE_ENDIAN)
                    .loaded(".go.buildinfo", 0x4000, 6, mutated).build();
        } else {
            binary = GoBlobs.pointerBinary(wide, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                    "go1.16", noise);
        }
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/x", binary);
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/x"));
    }

    @Provide
    Arbitrary<String> modInfoText() {
        Arbitrary<String> fragment = Arbitraries.of("path\t", "mod\t", "dep\t", "=>\t", "build\t", "\t", "\n",
                "x.test/a", "v1.0.0", "h1:abc=", "(devel)", "=", "\"", " ", "\u00e9");
        return fragment.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void modInfo(@ForAll("modInfoText") String text) {
        try {
            GoBuildInfo info = ModInfo.parse("go1.21.0", text);
            assertThat(info.deps().size()).isLessThanOrEqualTo(text.length());
        } catch (BuildInfoException e) {
            assertThat(e.getMessage()).startsWith("Go build information, line ");
        }
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/y",
                GoBlobs.inlineBinary("go1.21.0", GoBlobs.framed(text)));
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/y"));
    }

    @Provide
    Arbitrary<String> goModText() {
        Arbitrary<String> fragment = Arbitraries.of("module ", "require ", "replace ", "exclude ", "go ", "(", ")",
                "=>", " ", "\n", "\t", "//", " indirect", "\"", "`", "\\", "\\x4", "\\u00e9", "x.test/a", "v1.0.0",
                "./dir", "../up", "toolchain go1.22.0");
        return fragment.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void goMod(@ForAll("goModText") String text) {
        GoMod mod = GoMod.parse(text);
        assertThat(mod.faults()).allSatisfy(f -> assertThat(f.line()).isPositive());
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/go.mod", text)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/go.mod"));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.name()).doesNotContainAnyWhitespaces());
    }

    @Property(tries = 200)
    void goModNoise(@ForAll @Size(max = 400) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/go.mod", bytes)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/go.mod"));
    }
}

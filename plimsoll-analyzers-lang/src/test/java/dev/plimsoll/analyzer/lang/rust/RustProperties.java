package dev.plimsoll.analyzer.lang.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.analyzer.lang.elf.Executables;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Damaged Cargo.lock files and cargo-auditable data: packages or a problem naming the file, never an exception. */
class RustProperties {
    private static final byte[] V1 = read(CargoLockAnalyzerTest.LOCKFILES.resolve("v1.lock"));
    private static final byte[] V4 = read(CargoLockAnalyzerTest.LOCKFILES.resolve("v4.lock"));
    private static final byte[] JSON = read(CargoAuditableAnalyzerTest.BIN.resolve("app-auditable.json"));

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    private static Arbitrary<List<Mutation>> mutations(int length, Byte... values) {
        return Combinators.combine(Arbitraries.integers().between(0, length - 1), Arbitraries.of(values))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Mutation>> lockMutations() {
        return mutations(Math.min(V1.length, V4.length), (byte) '[', (byte) ']', (byte) '"', (byte) '\'',
                (byte) '=', (byte) '\n', (byte) '#', (byte) '\\', (byte) '{', (byte) ',', (byte) '.', (byte) ' ',
                (byte) 'x', (byte) '1', (byte) 0, (byte) 0xC3);
    }

    @Property(tries = 500)
    void mutatedLockfiles(@ForAll("lockMutations") List<Mutation> mutations, @ForAll boolean v1) {
        byte[] lock = (v1 ? V1 : V4).clone();
        mutations.forEach(m -> lock[m.position()] = m.value());
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/Cargo.lock", lock)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/Cargo.lock"));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.name()).doesNotContainAnyWhitespaces());
    }

    @Provide
    Arbitrary<String> tomlText() {
        return Arbitraries.of("[", "]", "[[", "]]", "a", "b.c", "\"q\"", "'l'", " = ", "1", "-0", "true", "\n",
                "#", ",", "{", "}", "\"\"\"", "'''", "\\u12", "\\", "\t", "=", "1.5", "[package]", "version = 3")
                .list().ofMaxSize(50).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void tomlFragments(@ForAll("tomlText") String text) {
        try {
            Toml.parse(text);
        } catch (TomlException e) {
            assertThat(e.line()).isPositive();
        }
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/Cargo.lock", text)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/Cargo.lock"));
    }

    @Property(tries = 200)
    void noise(@ForAll @Size(max = 500) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/Cargo.lock", bytes)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/Cargo.lock"));
    }

    @Provide
    Arbitrary<List<Mutation>> jsonMutations() {
        return mutations(JSON.length, (byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ':',
                (byte) ',', (byte) '-', (byte) '9', (byte) 'x', (byte) 0, (byte) 0xC3);
    }

    @Property(tries = 400)
    void mutatedAuditableJson(@ForAll("jsonMutations") List<Mutation> mutations) {
        byte[] json = JSON.clone();
        mutations.forEach(m -> json[m.position()] = m.value());
        AnalyzerOutput out = Executables.scan(new CargoAuditableAnalyzer(), "/bin/r",
                CargoAuditableAnalyzerTest.binary(CargoAuditableAnalyzerTest.zlib(new String(json,
                        java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/r"));
    }

    @Property(tries = 300)
    void noiseInTheSection(@ForAll @Size(max = 300) byte[] section) {
        AnalyzerOutput out = Executables.scan(new CargoAuditableAnalyzer(), "/bin/r",
                CargoAuditableAnalyzerTest.binary(section));
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.path()).contains("/bin/r"));
    }
}

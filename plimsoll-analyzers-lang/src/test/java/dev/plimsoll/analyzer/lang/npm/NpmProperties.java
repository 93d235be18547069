package dev.plimsoll.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.ByteArrayInputStream;
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

/** Damaged lockfiles and package.json files: a parse error or a fault naming the entry, never another exception. */
class NpmProperties {
    private static final byte[] LOCK = read("src/test/resources/npm/lockfiles/v2.json");
    private static final byte[] LOCK_V1 = read("src/test/resources/npm/lockfiles/v1.json");

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, LOCK.length - 1),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ':', (byte) ',',
                        (byte) 'x', (byte) '1', (byte) 0, (byte) 0xC3)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 500)
    void mutatedLockfiles(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean v1) {
        byte[] lock = (v1 ? LOCK_V1 : LOCK).clone();
        mutations.stream().filter(m -> m.position() < lock.length).forEach(m -> lock[m.position()] = m.value());
        try {
            PackageLock.read(new ByteArrayInputStream(lock));
        } catch (JsonProcessingException | MalformedJsonException e) {
            // a reported parse error
        } catch (IOException e) {
            throw new AssertionError("unexpected " + e, e);
        }
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/package-lock.json", lock).file("/q/node_modules/x/package.json", lock)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 500) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/package-lock.json", bytes).file("/q/node_modules/x/package.json", bytes)).run();
        assertThat(run.output().packages()).isEmpty();
    }
}

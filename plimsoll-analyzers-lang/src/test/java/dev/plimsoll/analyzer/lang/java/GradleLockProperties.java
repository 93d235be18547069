package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
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

/** Damaged Gradle lock files: modules with valid coordinates, or faults on lines of the file; never an exception. */
class GradleLockProperties {
    private static final byte[] LOCK = read("java/gradle/app/gradle.lockfile");
    private static final byte[] LEGACY = read("java/gradle/legacy/gradle/dependency-locks/testRuntimeClasspath.lockfile");

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, LOCK.length - 1),
                Arbitraries.of((byte) ':', (byte) '=', (byte) ',', (byte) '#', (byte) ' ', (byte) '\n', (byte) '\r',
                        (byte) 'x', (byte) '1', (byte) 0, (byte) 0xC3, (byte) 0xFF)).as(Mutation::new).list()
                .ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 500)
    void mutatedLockfiles(@ForAll("mutations") List<Mutation> mutations) {
        byte[] lock = LOCK.clone();
        byte[] legacy = LEGACY.clone();
        for (Mutation m : mutations) {
            lock[m.position()] = m.value();
            legacy[m.position() % legacy.length] = m.value();
        }
        check(lock, GradleLockfile.parse(lock));
        check(legacy, GradleLockfile.parseLegacy(legacy, "testRuntimeClasspath"));
        analyze(lock, legacy);
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 800) byte[] bytes) {
        check(bytes, GradleLockfile.parse(bytes));
        check(bytes, GradleLockfile.parseLegacy(bytes, "compileClasspath"));
        analyze(bytes, bytes);
    }

    private static void check(byte[] bytes, GradleLockfile lock) {
        long lines = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r?\n|\r", -1).length;
        assertThat(lock.entries()).allSatisfy(e -> {
            assertThat(Coordinates.isMavenId(e.groupId()) && Coordinates.isMavenId(e.artifactId())).isTrue();
            assertThat(e.version()).isNotBlank().doesNotContainAnyWhitespaces();
            assertThat(e.configurations()).isNotEmpty();
            assertThat(e.line()).isBetween(1, (int) lines);
        });
        assertThat(lock.faults()).allSatisfy(f -> assertThat(f.line()).isBetween(1, (int) lines));
    }

    private static void analyze(byte[] lock, byte[] legacy) {
        AnalyzerHarness.Run run = LangHarness.of(new GradleLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/gradle.lockfile", lock).file("/q/gradle/dependency-locks/compileClasspath.lockfile", legacy))
                .run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
    }
}

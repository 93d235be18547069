package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Damaged archives (bytes flipped anywhere, cut anywhere, or just noise) give packages and problems naming the file,
 * never an exception: the analyzer's session and the zip reader only ever fail with a reported reason.
 */
class ArchiveProperties {
    /** A fat jar with every kind of entry the scanner reads: stored and deflated nested jars, pom.properties. */
    private static final byte[] SAMPLE = Zips.zip(
            Zips.manifest("Implementation-Title: demo", "Implementation-Version: 1.0"),
            Zips.pom("com.example", "demo", "1.0"),
            Zips.clazz("BOOT-INF/classes/com/example/Demo.class"),
            Zips.stored("BOOT-INF/lib/a-1.0.jar", Zips.zip(Zips.pom("org.a", "a", "1.0"),
                    Zips.stored("inner/b-2.0.jar", Zips.zip(Zips.pom("org.b", "b", "2.0"))))),
            Zips.deflated("BOOT-INF/lib/c-3.0.jar", Zips.zip(Zips.manifest("Implementation-Version: 3.0"),
                    Zips.clazz("org/c/C.class"))));

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length - 1), Arbitraries.bytes())
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 400)
    void flippedBytes(@ForAll("mutations") List<Mutation> mutations) {
        byte[] jar = SAMPLE.clone();
        mutations.forEach(m -> jar[m.position()] = m.value());
        analyze(jar);
    }

    @Property(tries = 200)
    void truncated(@ForAll("cut") int length) {
        analyze(java.util.Arrays.copyOf(SAMPLE, length));
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, SAMPLE.length);
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 2000) byte[] bytes) {
        analyze(bytes);
        try {
            ZipReader.readCentralDirectory(new ByteSource.Bytes(bytes), new Budget(ArchiveLimits.defaults()),
                    e -> { });
        } catch (IOException e) {
            assertThat(e).isInstanceOf(ArchiveException.class);
        }
    }

    @Property(tries = 100)
    void anEndRecordAfterNoise(@ForAll @Size(max = 500) byte[] noise, @ForAll @Size(min = 22, max = 22) byte[] end) {
        end[0] = 'P';
        end[1] = 'K';
        end[2] = 5;
        end[3] = 6;
        end[20] = 0;
        end[21] = 0;
        analyze(Zips.concat(noise, end));
    }

    private static void analyze(byte[] jar) {
        AnalyzerHarness.Run run = LangHarness.of(new JarAnalyzer()).layer(AnalyzerHarness.layer().file("/app/app.jar", jar))
                .run();
        assertThat(run.output().problems()).extracting(ScanProblem::path)
                .allSatisfy(p -> assertThat(p.orElseThrow()).startsWith("/app/app.jar"));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.locations().get(0).path())
                .startsWith("/app/app.jar"));
    }
}

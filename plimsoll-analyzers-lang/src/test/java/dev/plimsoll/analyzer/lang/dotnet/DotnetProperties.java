package dev.plimsoll.analyzer.lang.dotnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.testkit.AnalyzerHarness;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/** Damaged deps.json and packages.lock.json files: packages or a reported parse error, never another exception. */
class DotnetProperties {
    private static final byte[] DEPS = read("app/Fixture.Web.deps.json");
    private static final byte[] SELF_CONTAINED = read("selfcontained/Fixture.Worker.deps.json");
    private static final byte[] LOCK = read("project/packages.lock.json");

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/dotnet", path));
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
                        (byte) '/', (byte) 'x', (byte) '1', (byte) ' ', (byte) 0, (byte) 0xC3, (byte) 0xFE))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 400)
    void mutatedFiles(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(max = 2) int which) {
        byte[] file = (which == 0 ? DEPS : which == 1 ? SELF_CONTAINED : LOCK).clone();
        mutations.stream().filter(m -> m.position() < file.length).forEach(m -> file[m.position()] = m.value());
        try {
            int read = which == 2 ? PackagesLock.read(file).entries().size()
                    : DepsJson.read(file, which == 0 ? "Fixture.Web" : "Fixture.Worker").entries().size();
            assertThat(read).isLessThanOrEqualTo(10 + mutations.size());
        } catch (FormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        String path = which == 2 ? "/p/packages.lock.json" : "/p/App.deps.json";
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().file(path, file)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains(path));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.name()).doesNotContain("/", " "));
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 400) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/packages.lock.json", bytes).file("/q/App.deps.json", bytes)).run();
        assertThat(run.output().packages()).isEmpty();
    }
}

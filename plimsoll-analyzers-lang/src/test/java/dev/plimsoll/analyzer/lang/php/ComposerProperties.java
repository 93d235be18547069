package dev.plimsoll.analyzer.lang.php;

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
import net.jqwik.api.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/** Damaged composer.lock and installed.json files: packages or a reported parse error, never another exception. */
class ComposerProperties {
    private static final byte[] LOCK = read("project/composer.lock");
    private static final byte[] INSTALLED = read("project/vendor/composer/installed.json");
    private static final byte[] INSTALLED_1 = read("composer1/vendor/composer/installed.json");

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/php", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, INSTALLED.length - 1),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ':', (byte) ',',
                        (byte) 'x', (byte) '1', (byte) ' ', (byte) 0, (byte) 0xC3, (byte) 0xFF))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 400)
    void mutatedFiles(@ForAll("mutations") List<Mutation> mutations, @ForAll("which") int which) {
        byte[] file = (which == 0 ? LOCK : which == 1 ? INSTALLED : INSTALLED_1).clone();
        mutations.stream().filter(m -> m.position() < file.length).forEach(m -> file[m.position()] = m.value());
        try {
            ComposerFile parsed = which == 0 ? ComposerFile.readLock(file) : ComposerFile.readInstalled(file);
            assertThat(parsed.entries().size() + parsed.faults().size()).isLessThanOrEqualTo(14 + mutations.size());
        } catch (FormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/composer.lock", which == 0 ? file : LOCK)
                .file("/p/vendor/composer/installed.json", which == 0 ? INSTALLED : file)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.name()).contains("/"));
    }

    @Provide
    Arbitrary<Integer> which() {
        return Arbitraries.integers().between(0, 2);
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 400) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/composer.lock", bytes).file("/q/vendor/composer/installed.json", bytes)).run();
        assertThat(run.output().packages()).isEmpty();
    }
}

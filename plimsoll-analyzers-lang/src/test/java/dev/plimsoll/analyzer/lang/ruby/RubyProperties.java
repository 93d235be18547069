package dev.plimsoll.analyzer.lang.ruby;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/** Damaged lockfiles and specifications: gems or a reported parse error, never another exception. */
class RubyProperties {
    private static final String LOCK = read("project/Gemfile.lock");
    private static final String SPEC = read("debian/usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec");

    private static String read(String path) {
        try {
            return Files.readString(Path.of("src/test/resources/ruby", path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int position, String text) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SPEC.length() - 1),
                Arbitraries.of(" ", "  ", "\n", "\t", "(", ")", "-", "!", "\"", "#{", "%q{", "}", "[", "]", ",",
                        ".freeze", "x", "1", "\0", "GEM\n", "  specs:\n", "    a (1.0)\n", "s.name = ", "s.version = "))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static String mutate(String text, List<Mutation> mutations) {
        StringBuilder sb = new StringBuilder(text);
        for (Mutation m : mutations) {
            int at = Math.min(m.position(), sb.length());
            sb.replace(at, Math.min(at + 1, sb.length()), m.text());
        }
        return sb.toString();
    }

    @Property(tries = 400)
    void mutatedLockfiles(@ForAll("mutations") List<Mutation> mutations) {
        String lock = mutate(LOCK, mutations);
        try {
            GemfileLock parsed = GemfileLock.parse(lock);
            assertThat(parsed.specs()).allSatisfy(s -> {
                assertThat(s.name()).isNotBlank().doesNotContain(" ");
                assertThat(s.version()).isNotBlank().doesNotContain(" ");
            });
        } catch (FormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/Gemfile.lock", lock)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains("/p/Gemfile.lock"));
    }

    @Property(tries = 400)
    void mutatedSpecifications(@ForAll("mutations") List<Mutation> mutations) {
        String spec = mutate(SPEC, mutations);
        try {
            Gemspec parsed = Gemspec.parse(spec);
            assertThat(parsed.name()).matches("[A-Za-z0-9._-]+");
            assertThat(parsed.version()).doesNotContain(" ", "\"");
        } catch (FormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer())
                .layer(AnalyzerHarness.layer().file("/g/specifications/rake-13.0.6.gemspec", spec)).run();
        assertThat(run.output().packages().size() + run.output().problems().size()).isEqualTo(1);
    }

    @Property(tries = 300)
    void anyText(@ForAll @Size(max = 400) String text) {
        try {
            GemfileLock.parse(text);
        } catch (FormatException e) {
            assertThat(e.describe()).isNotBlank();
        }
        try {
            Gemspec.parse(text);
        } catch (FormatException e) {
            assertThat(e.describe()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void noise(@ForAll @Size(max = 400) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/Gemfile.lock", bytes).file("/g/specifications/n-1.gemspec", bytes)).run();
        assertThat(run.output().packages()).isEmpty();
    }
}

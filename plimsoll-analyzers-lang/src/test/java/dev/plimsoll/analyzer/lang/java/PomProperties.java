package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Damaged pom.xml files (the fixtures' real poms with bytes changed or cut, noise, arbitrary expressions): the reader
 * gives a POM or its own parse error, resolution gives packages or problems, never another exception.
 */
class PomProperties {
    private static final Path FIXTURES = Path.of("src/test/resources/java/maven");
    private static final byte[] PARENT = read("shop/pom.xml");
    private static final byte[] CORE = read("shop/shop-core/pom.xml");
    private static final byte[] WEB = read("shop/shop-web/pom.xml");
    private static final byte[] ORPHAN = read("orphan/pom.xml");
    private static final List<byte[]> SAMPLES = List.of(PARENT, CORE, WEB, ORPHAN);

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int sample, int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLES.size() - 1),
                Arbitraries.integers().between(0, 4000),
                Arbitraries.of((byte) '<', (byte) '>', (byte) '/', (byte) '&', (byte) ';', (byte) '$', (byte) '{',
                        (byte) '}', (byte) '"', (byte) '!', (byte) '[', (byte) '?', (byte) '=', (byte) 'x',
                        (byte) '1', (byte) ' ', (byte) '\n', (byte) 0, (byte) 0xC3, (byte) 0xFF))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 400)
    void mutatedPoms(@ForAll("mutations") List<Mutation> mutations) {
        List<byte[]> poms = SAMPLES.stream().map(byte[]::clone).toList();
        for (Mutation m : mutations) {
            byte[] pom = poms.get(m.sample());
            if (m.position() < pom.length) {
                pom[m.position()] = m.value();
            }
        }
        poms.forEach(PomProperties::readOrParseError);
        analyze(poms);
    }

    @Property(tries = 200)
    void truncated(@ForAll("cuts") List<Integer> cuts) {
        List<byte[]> poms = List.of(Arrays.copyOf(PARENT, Math.min(cuts.get(0), PARENT.length)),
                Arrays.copyOf(CORE, Math.min(cuts.get(1), CORE.length)),
                Arrays.copyOf(WEB, Math.min(cuts.get(2), WEB.length)),
                Arrays.copyOf(ORPHAN, Math.min(cuts.get(3), ORPHAN.length)));
        poms.forEach(PomProperties::readOrParseError);
        analyze(poms);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 4000).list().ofSize(4);
    }

    @Property(tries = 300)
    void noise(@ForAll @Size(max = 600) byte[] bytes) {
        readOrParseError(bytes);
        analyze(List.of(bytes, bytes, bytes, bytes));
    }

    /** Properties and versions made of expressions, braces and names, referring to each other at random. */
    @Property(tries = 300)
    void arbitraryExpressions(@ForAll("expressions") List<String> values) {
        StringBuilder properties = new StringBuilder();
        StringBuilder dependencies = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            properties.append("<p").append(i).append(">").append(values.get(i)).append("</p").append(i).append(">");
            dependencies.append(PomAnalyzerTest.dependency("g", "a" + i, values.get(i)));
        }
        String parent = PomAnalyzerTest.pom("<groupId>g</groupId><artifactId>parent</artifactId><version>"
                + values.get(0) + "</version><properties>" + properties + "</properties>");
        String child = PomAnalyzerTest.pom("<parent><groupId>g</groupId><artifactId>parent</artifactId><version>"
                + values.get(0) + "</version></parent><artifactId>child</artifactId><dependencies>" + dependencies
                + "</dependencies>");
        AnalyzerHarness.Run run = LangHarness.of(new PomAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/pom.xml", parent).file("/p/c/pom.xml", child)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.version()).doesNotContain("${"));
        assertThat(run.output().packages().size() + run.output().problems().size()).isPositive();
    }

    @Provide
    Arbitrary<List<String>> expressions() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 7).map(i -> "${p" + i + "}"),
                Arbitraries.of("${project.version}", "${project.parent.version}", "${env.X}", "${", "}", "$",
                        "1.0", "-", "[1,2)", "x", "${p", "${${p1}}", "${}"));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l)).list().ofMinSize(1).ofMaxSize(8);
    }

    private static void readOrParseError(byte[] pom) {
        try {
            PomReader.read(pom);
        } catch (PomException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.line()).isNotNegative();
        }
    }

    private static void analyze(List<byte[]> poms) {
        Map<String, byte[]> files = Map.of("/s/pom.xml", poms.get(0), "/s/shop-core/pom.xml", poms.get(1),
                "/s/shop-web/pom.xml", poms.get(2), "/o/pom.xml", poms.get(3));
        AnalyzerHarness.Layer layer = AnalyzerHarness.layer();
        files.forEach(layer::file);
        AnalyzerHarness.Run run = LangHarness.of(new PomAnalyzer()).layer(layer).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(files).containsKey(p.path().orElseThrow()));
        assertThat(run.output().packages()).extracting(Package::name)
                .allSatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8)).isNotEmpty());
    }
}

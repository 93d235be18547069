package dev.plimsoll.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.testkit.AnalyzerHarness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any text, however broken, parses to fields or to a reported problem, never to an exception. */
class CoreMetadataProperties {

    @Property
    void anyTextParses(@ForAll String text) {
        CoreMetadata m = CoreMetadata.parse(text);
        assertThat(m.badLine()).isBetween(0, text.length() + 1);
    }

    @Property(tries = 300)
    void anyMetadataFileGivesAPackageOrAProblem(@ForAll String header, @ForAll byte[] tail) {
        byte[] head = ("Name: fuzz\nVersion: 1.0\n" + header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer())
                .layer(AnalyzerHarness.layer().file("/site-packages/fuzz-1.0.dist-info/METADATA", bytes)).run();

        // A continuation line can make the version a two-line value: then a problem names the file instead.
        assertThat(run.output().packages().size() + run.output().problems().size()).isEqualTo(1);
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.name()).isEqualTo("fuzz"));
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path())
                .contains("/site-packages/fuzz-1.0.dist-info/METADATA"));
    }
}

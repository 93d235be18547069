package dev.plimsoll.check.cis.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.compose.ComposeOptions;
import dev.plimsoll.check.cis.input.compose.ComposeReader;
import dev.plimsoll.check.cis.input.dockerrun.DockerRunParser;
import dev.plimsoll.check.cis.input.inspect.DockerInspectReader;
import dev.plimsoll.check.cis.run.RunConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, a reader answers with targets and problems; it never throws. */
class HostileInputProperties {
    /** Text made of the characters that matter to each syntax, so the generator reaches deep into the parsers. */
    private static Arbitrary<String> textOf(String alphabet, int maxLength) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(maxLength);
    }

    @Provide
    Arbitrary<String> shellText() {
        return Arbitraries.oneOf(textOf(" -=:/\\\"'$()`;&|#\nabpvPmu0189", 200),
                textOf(" -=:/,\"[]abceimnoprstuvdxy0123456789", 120).map(s -> "docker run " + s));
    }

    @Provide
    Arbitrary<String> yamlText() {
        return Arbitraries.oneOf(textOf(" \n:-[]{}&*<$!'\"#abcdeimprsuv0123", 200),
                textOf(" \n:-[]{}&*<$abcdeimprsuv0123", 150).map(s -> "services:\n  s:\n    " + s));
    }

    @Provide
    Arbitrary<String> jsonText() {
        return Arbitraries.oneOf(textOf("[]{}\":,0123456789truefalsnHostConfigPrvd ", 200),
                textOf("[]{}\":,0123456789truefalsn ", 100).map(s -> "{\"HostConfig\":{\"Privileged\":" + s));
    }

    private static void wellFormed(Loaded<RunConfig> loaded) {
        assertThat(loaded).isNotNull();
        loaded.problems().forEach(p -> assertThat(p.reason()).isNotBlank());
    }

    @Property(tries = 300)
    void dockerRunLines(@ForAll("shellText") String text) {
        wellFormed(DockerRunParser.parse("fuzz", text));
    }

    @Property(tries = 200)
    void composeFiles(@ForAll("yamlText") String text) throws Exception {
        Path file = Files.createTempFile("fuzz", ".yaml");
        try {
            Files.writeString(file, text);
            wellFormed(ComposeReader.read(List.of(file), ComposeOptions.defaults(Map.of())));
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 300)
    void inspectJson(@ForAll("jsonText") String text) {
        wellFormed(DockerInspectReader.read("fuzz", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }
}

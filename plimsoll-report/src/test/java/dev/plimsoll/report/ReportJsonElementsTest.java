package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A large array written in parallel lanes is the same document, byte for byte, as one written element by element. */
class ReportJsonElementsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ReportJson.PARALLEL_THRESHOLD - 1, ReportJson.PARALLEL_THRESHOLD,
            ReportJson.PARALLEL_THRESHOLD + 1, 3 * ReportJson.CHUNK + 17, 10_000})
    void parallelLanesWriteTheBytesOneGeneratorWrites(int count) throws IOException {
        List<Integer> elements = IntStream.range(0, count).boxed().toList();
        byte[] serialPretty = pretty(elements, 1);
        byte[] serialCompact = compact(elements, 1);

        for (int lanes : new int[] {2, 3, 8}) {
            assertThat(pretty(elements, lanes)).as("pretty, %d lanes", lanes).isEqualTo(serialPretty);
            assertThat(compact(elements, lanes)).as("compact, %d lanes", lanes).isEqualTo(serialCompact);
        }
        JsonNode read = ReportJson.newMapper().readTree(serialPretty);
        assertThat(read.path("items")).hasSize(count);
        if (count > 0) {
            assertThat(read.path("items").get(count - 1).path("n").asInt()).isEqualTo(count - 1);
            assertThat(new String(serialPretty, StandardCharsets.UTF_8)).contains("\n    {\n      \"n\": 0,");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWorkersFailureIsTheWritersFailure(int lanes) {
        List<Integer> elements = IntStream.range(0, 2 * ReportJson.PARALLEL_THRESHOLD).boxed().toList();
        assertThatThrownBy(() -> ReportJson.write(new ByteArrayOutputStream(), g -> {
            g.writeStartArray();
            ReportJson.writeElements(g, elements, new StringBuilder(), StringBuilder::new, (gen, n, state) -> {
                if (n == elements.size() - 1) {
                    throw new IOException("element " + n + " cannot be written");
                }
                gen.writeNumber(n);
            }, lanes);
            g.writeEndArray();
        })).isInstanceOfAny(IOException.class, UncheckedIOException.class)
                .hasMessageContaining("cannot be written");
    }

    private static byte[] pretty(List<Integer> elements, int lanes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(out, g -> document(g, elements, lanes));
        return out.toByteArray();
    }

    private static byte[] compact(List<Integer> elements, int lanes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.writeCompact(out, g -> document(g, elements, lanes));
        return out.toByteArray();
    }

    /** Elements that are objects holding arrays and repeated text, so nesting and each lane's state both show. */
    private static void document(JsonGenerator g, List<Integer> elements, int lanes) throws IOException {
        g.writeStartObject();
        g.writeStringField("before", "x");
        g.writeArrayFieldStart("items");
        ReportJson.writeElements(g, elements, new RepeatedStrings(), RepeatedStrings::new, (gen, n, repeated) -> {
            gen.writeStartObject();
            gen.writeNumberField("n", n);
            gen.writeFieldName("rule");
            repeated.write(gen, "rule-" + (n % 7) + " \u00e9\u2028\"quoted\"");
            gen.writeArrayFieldStart("tags");
            for (int i = 0; i < n % 3; i++) {
                gen.writeString("t" + i);
            }
            gen.writeEndArray();
            gen.writeObjectFieldStart("empty");
            gen.writeEndObject();
            gen.writeEndObject();
        }, lanes);
        g.writeEndArray();
        g.writeStringField("after", "y");
        g.writeEndObject();
    }
}

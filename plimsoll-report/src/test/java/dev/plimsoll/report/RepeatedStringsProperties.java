package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RepeatedStringsProperties {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Whatever the text (controls, quotes, non-ASCII, lone surrogates), cached or not, the generator's own bytes. */
    @Property(tries = 500)
    void writesTheBytesTheGeneratorWrites(@ForAll List<String> values) throws IOException {
        assertWritesAsTheGenerator(values);
    }

    @Example
    void textTheEncoderTreatsSpeciallyIsStillWrittenAsTheGeneratorWritesIt() throws IOException {
        assertWritesAsTheGenerator(List.of("lone \uD800 high", "lone \uDC00 low", "pair \uD83D\uDE00", "\"q\" \\ \u0001\t",
                "é ü \u2028", ""));
    }

    private static void assertWritesAsTheGenerator(List<String> values) throws IOException {
        RepeatedStrings repeated = new RepeatedStrings();
        assertThat(written(g -> {
            for (int pass = 0; pass < 2; pass++) {
                for (String v : values) {
                    repeated.write(g, v);
                }
            }
        })).isEqualTo(written(g -> {
            for (int pass = 0; pass < 2; pass++) {
                for (String v : values) {
                    g.writeString(v);
                }
            }
        }));
    }

    private static byte[] written(ReportJson.Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            body.writeTo(g);
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}

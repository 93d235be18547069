package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one place this module configures Jackson. Every JSON format is built as a tree and written through
 * {@link #write}, so all of them share one layout: two-space indent, {@code "key": value}, one array element per
 * line, {@code \n} line ends on every platform (golden files compare bytes), and a final newline.
 */
final class ReportJson {
    private static final String NEWLINE = "\n";

    private ReportJson() {
    }

    /** A new mapper; callers keep their own, so no configured instance is shared through static state. */
    static JsonMapper newMapper() {
        return JsonMapper.builder()
                // Reporters write to streams they do not own (stdout, a buffer the CLI renames into place).
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** Writes {@code tree} pretty-printed and newline-terminated, and flushes without closing {@code out}. */
    static void write(JsonMapper mapper, JsonNode tree, OutputStream out) throws IOException {
        writer(mapper).writeValue(out, tree);
        out.write(NEWLINE.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectWriter writer(JsonMapper mapper) {
        DefaultIndenter indenter = new DefaultIndenter("  ", NEWLINE);
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer);
    }
}

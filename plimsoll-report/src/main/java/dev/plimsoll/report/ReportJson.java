package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one place this module configures Jackson. Every JSON format is written through {@link #write}, so all of them
 * share one layout: two-space indent, {@code "key": value}, one array element per line, {@code \n} line ends on every
 * platform (golden files compare bytes), and a final newline.
 *
 * <p>Reports are streamed with jackson-core's generator, never serialised through an {@code ObjectMapper} or built as
 * a tree first: in a fresh JVM, as every CLI run is, setting up a mapper's serialisers costs more than writing a
 * whole report.
 */
final class ReportJson {
    private static final byte NEWLINE = '\n';

    /**
     * Shared: a built factory is immutable and thread-safe. Reporters write to streams they do not own (stdout, a
     * buffer the CLI renames into place), so closing a generator must not close them.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ReportJson() {
    }

    /** A document's content, written between the generator's creation and its close. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /** A mapper for reading reports back (tests, tools); writing never goes through one. */
    static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** Writes {@code body} pretty-printed and newline-terminated, and flushes without closing {@code out}. */
    static void write(OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(prettyPrinter());
            body.writeTo(g);
        }
        out.write(NEWLINE);
        out.flush();
    }

    /** Writes {@code body} with no whitespace at all, and flushes without closing {@code out}. */
    static void writeCompact(OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.writeTo(g);
        }
    }

    /** A new printer per document: printers keep the nesting depth while they write. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Indenter indenter = new LineIndenter();
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        Printer printer = new Printer(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * A line break and two spaces per level, as Jackson's DefaultIndenter("  ", "\n") writes them, but from bytes
     * encoded once per level: the stock indenter hands the generator characters to encode before every field, a
     * fifth of the time a large report (an audit's tens of thousands of results) took to write.
     */
    private static final class LineIndenter implements Indenter {
        private static final int CACHED_LEVELS = 32;
        private final SerializableString[] levels = new SerializableString[CACHED_LEVELS];

        LineIndenter() {
            for (int i = 0; i < CACHED_LEVELS; i++) {
                levels[i] = new SerializedString("\n" + "  ".repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            g.writeRaw(level < CACHED_LEVELS ? levels[level] : new SerializedString("\n" + "  ".repeat(level)));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * Jackson's printer, writing its separators from pre-encoded bytes. The stock one writes each ": " and "," as a
     * String the generator copies and encodes again, which was over a quarter of the time a warm CycloneDX report
     * took; the bytes written are the same.
     */
    private static final class Printer extends DefaultPrettyPrinter {
        private final SerializableString fieldValueSeparator;
        private final SerializableString objectEntrySeparator;
        private final SerializableString arrayValueSeparator;

        Printer(Separators separators) {
            super(separators);
            fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
            objectEntrySeparator = new SerializedString(_objectEntrySeparator);
            arrayValueSeparator = new SerializedString(_arrayValueSeparator);
        }

        private Printer(Printer base) {
            super(base);
            fieldValueSeparator = base.fieldValueSeparator;
            objectEntrySeparator = base.objectEntrySeparator;
            arrayValueSeparator = base.arrayValueSeparator;
        }

        @Override
        public Printer createInstance() {
            return new Printer(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(fieldValueSeparator);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(objectEntrySeparator);
            _objectIndenter.writeIndentation(g, _nesting);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(arrayValueSeparator);
            _arrayIndenter.writeIndentation(g, _nesting);
        }
    }
}

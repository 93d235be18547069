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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

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
            // writeElements flushes between rounds to append workers' bytes; the stream is flushed once, at the end
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
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

    /** Writes one element of an array with the state its lane keeps (a {@link RepeatedStrings}, say). */
    @FunctionalInterface
    interface ElementWriter<T, S> {
        void write(JsonGenerator g, T element, S laneState) throws IOException;
    }

    /** Below this many elements an array is written on the calling thread. */
    static final int PARALLEL_THRESHOLD = 4_096;
    /** Elements one lane writes per round; a worker's round is held in memory until its turn comes. */
    static final int CHUNK = 1_024;
    private static final int MAX_LANES = 8;

    /**
     * Writes {@code elements} into the array {@code g} has just started, byte for byte as writing them one by one
     * through {@code g} would. A large array (an audit's tens of thousands of results, some forty megabytes) is
     * encoded in rounds: the calling thread writes the round's first chunk straight to the output while workers of
     * the common pool encode the next chunks, each into its own buffer through its own generator set at the same
     * nesting, and their bytes follow in order. Each lane keeps its state for the whole array; {@code main} is the
     * calling thread's. Memory is bounded by one round of buffers, whatever the array's length.
     */
    static <T, S> void writeElements(JsonGenerator g, List<T> elements, S main, Supplier<S> workerState,
                                     ElementWriter<T, S> writer) throws IOException {
        writeElements(g, elements, main, workerState, writer,
                Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors()));
    }

    /** As above, over {@code lanes} lanes (the calling thread's included); tests choose their number. */
    static <T, S> void writeElements(JsonGenerator g, List<T> elements, S main, Supplier<S> workerState,
                                     ElementWriter<T, S> writer, int lanes) throws IOException {
        Fragments fragments = lanes < 2 || elements.size() < PARALLEL_THRESHOLD ? null : Fragments.of(g);
        if (fragments == null) {
            for (T e : elements) {
                writer.write(g, e, main);
            }
            return;
        }
        List<Lane<S>> workers = new ArrayList<>(lanes - 1);
        for (int i = 1; i < lanes; i++) {
            workers.add(new Lane<>(workerState.get()));
        }
        OutputStream out = (OutputStream) g.getOutputTarget();
        List<ForkJoinTask<Lane<S>>> round = new ArrayList<>(workers.size());
        for (int start = 0; start < elements.size(); start += lanes * CHUNK) {
            round.clear();
            for (int w = 0; w < workers.size(); w++) {
                int from = start + (w + 1) * CHUNK;
                if (from < elements.size()) {
                    List<T> chunk = elements.subList(from, Math.min(elements.size(), from + CHUNK));
                    Lane<S> lane = workers.get(w);
                    round.add(ForkJoinPool.commonPool().submit(() -> lane.encode(fragments, chunk, writer)));
                }
            }
            for (T e : elements.subList(start, Math.min(elements.size(), start + CHUNK))) {
                writer.write(g, e, main);
            }
            g.flush();
            for (ForkJoinTask<Lane<S>> task : round) {
                task.join().drainTo(out);
            }
        }
    }

    /**
     * How to write array elements apart from the generator that writes the array: a generator over another stream,
     * set at the array's nesting, and the separator the array's own generator would write before each of them.
     */
    private record Fragments(Printer printer, int nesting, SerializableString separator) {
        /** Null when {@code g} is not one this class configured: its layout is then unknown. */
        static Fragments of(JsonGenerator g) {
            if (g.getPrettyPrinter() instanceof Printer p) {
                // Read now, in the array: the generator's printer changes as the calling thread writes on.
                int nesting = p.nesting();
                return new Fragments(p, nesting, p.arrayValueSeparators.at(nesting));
            }
            return g.getPrettyPrinter() == null ? new Fragments(null, 0, new SerializedString(",")) : null;
        }

        JsonGenerator generator(OutputStream sink) throws IOException {
            JsonGenerator g = FACTORY.createGenerator(sink, JsonEncoding.UTF8);
            if (printer != null) {
                g.setPrettyPrinter(printer.fragment(nesting));
            } else {
                g.setRootValueSeparator(null);
            }
            return g;
        }
    }

    /** A worker's state and buffer, used by one task at a time: a round's tasks are joined before the next. */
    private static final class Lane<S> {
        private final S state;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

        Lane(S state) {
            this.state = state;
        }

        <T> Lane<S> encode(Fragments fragments, List<T> chunk, ElementWriter<T, S> writer) {
            buffer.reset();
            try (JsonGenerator g = fragments.generator(buffer)) {
                for (T e : chunk) {
                    g.writeRaw(fragments.separator());
                    writer.write(g, e, state);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        void drainTo(OutputStream out) throws IOException {
            buffer.writeTo(out);
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

    /** A line break and two spaces per level, as Jackson's DefaultIndenter("  ", "\n") writes them. */
    private static String lineAndIndent(int level) {
        return "\n" + "  ".repeat(level);
    }

    /**
     * Pre-encoded text for each nesting level: {@code prefix} followed by the level's line break and indentation. The
     * stock indenter hands the generator characters to encode before every field, a fifth of the time a large report
     * (an audit's tens of thousands of results) took to write.
     */
    private static final class Levels {
        private static final int CACHED = 32;
        private final String prefix;
        private final SerializableString[] levels = new SerializableString[CACHED];

        Levels(String prefix) {
            this.prefix = prefix;
            for (int i = 0; i < CACHED; i++) {
                levels[i] = new SerializedString(prefix + lineAndIndent(i));
            }
        }

        SerializableString at(int level) {
            return level < CACHED ? levels[level] : new SerializedString(prefix + lineAndIndent(level));
        }
    }

    private static final class LineIndenter implements Indenter {
        private final Levels levels = new Levels("");

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            g.writeRaw(levels.at(level));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * Jackson's printer, writing its separators from pre-encoded bytes, each with the line break and indentation that
     * follows it in one piece. The stock one writes each ": " and "," as a String the generator copies and encodes
     * again, which was over a quarter of the time a warm CycloneDX report took, then the indentation in a second call;
     * the bytes written are the same.
     */
    private static final class Printer extends DefaultPrettyPrinter {
        private final SerializableString fieldValueSeparator;
        private final Levels objectEntrySeparators;
        private final Levels arrayValueSeparators;

        Printer(Separators separators) {
            super(separators);
            fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
            objectEntrySeparators = new Levels(_objectEntrySeparator);
            arrayValueSeparators = new Levels(_arrayValueSeparator);
        }

        private Printer(Printer base) {
            super(base);
            fieldValueSeparator = base.fieldValueSeparator;
            objectEntrySeparators = base.objectEntrySeparators;
            arrayValueSeparators = base.arrayValueSeparators;
        }

        @Override
        public Printer createInstance() {
            return new Printer(this);
        }

        int nesting() {
            return _nesting;
        }

        /**
         * A printer for values written on their own at {@code nesting}, with nothing between them. Only the
         * separators are read from this printer, which another thread may be writing with.
         */
        Printer fragment(int nesting) {
            Printer p = new Printer(this);
            p._nesting = nesting;
            p._rootSeparator = null;
            return p;
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(fieldValueSeparator);
        }

        /** Objects and arrays are indented by {@link LineIndenter}, whose line break these separators carry. */
        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(objectEntrySeparators.at(_nesting));
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(arrayValueSeparators.at(_nesting));
        }
    }
}

package dev.plimsoll.check.dockerfile.hadolint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.check.dockerfile.HadolintLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * hadolint's {@code tty} and {@code json} output formats ({@code Hadolint/Formatter/TTY.hs}, {@code Json.hs}), for
 * scripts and CI steps that read hadolint's output.
 */
public final class HadolintFormat {
    private static final JsonFactory JSON = new JsonFactory();

    private HadolintFormat() {
    }

    /**
     * One finding as hadolint prints it.
     *
     * @param fileIndex the position of its file among the files given, for hadolint's order (files as given, then
     *                  lines)
     * @param file      the path as given, {@code -} for stdin
     */
    public record Entry(int fileIndex, String file, int line, int column, String code, HadolintLevel level,
                        String message) {
        public Entry {
            Objects.requireNonNull(file);
            Objects.requireNonNull(code);
            Objects.requireNonNull(level);
            Objects.requireNonNull(message);
        }
    }

    /** Files in the order given, then by line; stable otherwise. */
    public static List<Entry> ordered(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(Entry::fileIndex).thenComparingInt(Entry::line))
                .toList();
    }

    /**
     * {@code <file>:<line> <code> <level>: <message>}, one line each, nothing for no findings; the level in ANSI
     * colours when {@code color} (error bold red, warning bold yellow, info green, style cyan). Control characters of
     * the text are replaced, so a hostile Dockerfile cannot drive the terminal.
     */
    public static String tty(List<Entry> entries, boolean color) {
        StringBuilder out = new StringBuilder();
        for (Entry e : ordered(entries)) {
            out.append(clean(e.file())).append(':').append(e.line()).append(' ').append(clean(e.code())).append(' ')
                    .append(color ? colored(e.level()) : e.level().label()).append(": ").append(clean(e.message()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String colored(HadolintLevel level) {
        String code = switch (level) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[32m";
            case STYLE, IGNORE -> "\u001b[36m";
        };
        return code + level.label() + "\u001b[0m";
    }

    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append('?');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /**
     * One JSON array, no trailing newline, an object per finding with the keys in alphabetical order as current
     * hadolint writes them: {@code code}, {@code column}, {@code file}, {@code level}, {@code line}, {@code message};
     * {@code []} for none.
     */
    public static String json(List<Entry> entries) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (Entry e : ordered(entries)) {
                g.writeStartObject();
                g.writeStringField("code", e.code());
                g.writeNumberField("column", e.column());
                g.writeStringField("file", e.file());
                g.writeStringField("level", e.level().label());
                g.writeNumberField("line", e.line());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void writeJson(List<Entry> entries, OutputStream out) throws IOException {
        out.write(json(entries).getBytes(StandardCharsets.UTF_8));
    }

    public static void writeTty(List<Entry> entries, boolean color, OutputStream out) throws IOException {
        out.write(tty(entries, color).getBytes(StandardCharsets.UTF_8));
    }
}

package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A script and where its characters are in the Dockerfile. The script text keeps its line continuations
 * (backslash-newline), so script line {@code k} is Dockerfile line {@code lineOf(k)}; the first script line starts at
 * {@code firstColumn} (after {@code RUN }), later lines at column 1. When the Dockerfile parser dropped lines from the
 * middle of an instruction (comment lines and empty lines inside a continuation), {@link #withLines} takes the
 * Dockerfile line of every script line explicitly.
 */
public final class ScriptSource {
    private final String text;
    private final int firstColumn;
    /** Dockerfile line of each script line; the last entry repeats for text beyond the known lines. */
    private final int[] lines;
    /** Offset of the first character of each script line. */
    private final int[] lineStarts;
    private final boolean dockerfileContinuations;

    private ScriptSource(String text, int[] lines, int firstColumn) {
        this(text, lines, firstColumn, true);
    }

    private ScriptSource(String text, int[] lines, int firstColumn, boolean dockerfileContinuations) {
        this.text = Objects.requireNonNull(text);
        if (firstColumn < 1) {
            throw new IllegalArgumentException("firstColumn is 1-based: " + firstColumn);
        }
        this.firstColumn = firstColumn;
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.lines = lines;
        this.dockerfileContinuations = dockerfileContinuations;
    }

    /**
     * A script on its own (a shell file, a heredoc, a test): line 1, column 1, and backslash-newline is only a
     * continuation where the shell says so.
     */
    public static ScriptSource of(String text) {
        return new ScriptSource(text, new int[] {1}, 1, false);
    }

    /** A RUN script in shell form whose first character is at {@code line}:{@code column} of the Dockerfile. */
    public static ScriptSource at(String text, int line, int column) {
        if (line < 1) {
            throw new IllegalArgumentException("line is 1-based: " + line);
        }
        return new ScriptSource(text, new int[] {line}, column);
    }

    /**
     * A heredoc body ({@code RUN <<EOF}): its first line is {@code firstBodyLine}, every line starts at column 1,
     * and the shell sees it as written (BuildKit does not join its lines).
     */
    public static ScriptSource heredoc(String body, int firstBodyLine) {
        if (firstBodyLine < 1) {
            throw new IllegalArgumentException("line is 1-based: " + firstBodyLine);
        }
        return new ScriptSource(body, new int[] {firstBodyLine}, 1, false);
    }

    /** A script whose script line {@code k} is Dockerfile line {@code dockerfileLines.get(k)}. */
    public static ScriptSource withLines(String text, List<Integer> dockerfileLines, int firstColumn) {
        if (dockerfileLines.isEmpty()) {
            throw new IllegalArgumentException("no lines");
        }
        int[] lines = new int[dockerfileLines.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = dockerfileLines.get(i);
            if (lines[i] < 1) {
                throw new IllegalArgumentException("line is 1-based: " + lines[i]);
            }
        }
        return new ScriptSource(text, lines, firstColumn);
    }

    /**
     * The shell-form RUN text as it stands in the Dockerfile (continuations included) made into what the shell
     * receives: BuildKit drops comment lines and empty lines inside a continuation, and the shell would otherwise end
     * the command there. The line map keeps pointing at the original lines.
     */
    public static ScriptSource fromDockerfileContinuation(String raw, int line, int column, char escape) {
        StringBuilder kept = new StringBuilder(raw.length());
        List<Integer> lines = new ArrayList<>();
        int start = 0;
        int index = 0;
        boolean continued = false;
        while (start <= raw.length()) {
            int end = raw.indexOf('\n', start);
            int stop = end < 0 ? raw.length() : end;
            String content = raw.substring(start, stop);
            boolean drop = continued && index > 0 && isBlankOrComment(content);
            if (!drop) {
                if (!lines.isEmpty()) {
                    kept.append('\n');
                }
                continued = endsWithEscape(content, escape);
                if (continued && escape != '\\') {
                    // Under "# escape=`" BuildKit joins lines ending in a backtick; the shell knows only the
                    // backslash, so the backtick becomes one (same length: positions are unchanged).
                    int at = content.stripTrailing().length() - 1;
                    content = content.substring(0, at) + '\\' + content.substring(at + 1);
                }
                kept.append(content);
                lines.add(line + index);
            }
            index++;
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return withLines(kept.toString(), lines, column);
    }

    private static boolean isBlankOrComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return c == '#';
            }
        }
        return true;
    }

    private static boolean endsWithEscape(String line, char escape) {
        int i = line.length() - 1;
        while (i >= 0 && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) {
            i--;
        }
        return i >= 0 && line.charAt(i) == escape;
    }

    public String text() {
        return text;
    }

    /**
     * Whether the text is shell-form RUN text in which BuildKit removes every backslash-newline before the shell
     * runs, even inside single quotes and comments ({@link #at}, {@link #withLines},
     * {@link #fromDockerfileContinuation}); false for {@link #of} and {@link #heredoc}.
     */
    public boolean dockerfileContinuations() {
        return dockerfileContinuations;
    }

    /** Number of script lines (a trailing newline starts one more, empty, line). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The Dockerfile line of script line {@code scriptLine} (0-based). */
    public int dockerfileLine(int scriptLine) {
        if (lines.length == 1) {
            return lines[0] + scriptLine;
        }
        if (scriptLine < lines.length) {
            return lines[scriptLine];
        }
        return lines[lines.length - 1] + (scriptLine - lines.length + 1);
    }

    /** The 0-based script line holding {@code offset}. */
    public int scriptLine(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return index >= 0 ? index : -index - 2;
    }

    /** The Dockerfile position of the character at {@code offset} (clamped into the text). */
    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int scriptLine = scriptLine(clamped);
        int column = clamped - lineStarts[scriptLine] + 1;
        if (scriptLine == 0) {
            column += firstColumn - 1;
        }
        return new Position(dockerfileLine(scriptLine), column);
    }

    /**
     * The Dockerfile position of script line {@code scriptLine} (0-based), character {@code index} (0-based) in
     * that line; both are clamped into the text, so tools reporting one past the end still map.
     */
    public Position position(int scriptLine, int index) {
        int line = Math.max(0, Math.min(scriptLine, lineStarts.length - 1));
        int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        return position(Math.min(lineStarts[line] + Math.max(0, index), lineEnd));
    }

    /**
     * The source of a script embedded in this one ({@code sh -c '…'}, backticks) whose first character is at
     * {@code offset}: exact when the embedded text is verbatim (single quotes), close otherwise.
     */
    ScriptSource embedded(String embeddedText, int offset) {
        Position first = position(offset);
        int scriptLine = scriptLine(offset);
        int count = 1;
        for (int i = 0; i < embeddedText.length(); i++) {
            if (embeddedText.charAt(i) == '\n') {
                count++;
            }
        }
        int[] mapped = new int[count];
        for (int i = 0; i < count; i++) {
            mapped[i] = dockerfileLine(scriptLine + i);
        }
        return new ScriptSource(embeddedText, mapped, first.column(), false);
    }

    @Override
    public String toString() {
        return "ScriptSource[line " + dockerfileLine(0) + ", column " + firstColumn + ", " + text.length() + " chars]";
    }
}

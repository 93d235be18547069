package dev.plimsoll.check.dockerfile.syntax;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns physical lines into logical lines the way BuildKit does: blank lines and comment lines are skipped (and
 * comments collected), a line ending in the escape character (optionally followed by spaces or tabs) continues on
 * the next line, comment lines and blank lines inside a continuation are dropped, and a continuation still open at
 * the end of the file simply ends there. Heredoc bodies are read on request, right after the line that opened them.
 */
final class LineJoiner {
    private final Path path;
    private final SourceText source;
    private final List<String> lines;
    private final char escape;
    private final List<Comment> comments;
    private int next;

    LineJoiner(Path path, SourceText source, int firstLine, char escape, List<Comment> comments) {
        this.path = path;
        this.source = source;
        this.lines = source.lines();
        this.next = firstLine;
        this.escape = escape;
        this.comments = comments;
    }

    /** The next instruction's logical line, or null at the end. */
    LogicalLine next() {
        while (next < lines.size()) {
            String line = lines.get(next++);
            int start = Chars.skipSpaces(line, 0);
            if (start == line.length() || collectComment(line, start)) {
                continue;
            }
            LogicalLine logical = new LogicalLine();
            int continuation = continuationAt(line, start);
            if (continuation < 0) {
                logical.append(line, start, line.length(), next);
                return logical;
            }
            logical.append(line, start, continuation, next);
            readContinuation(logical);
            if (Chars.skipSpaces(logical.text(), 0) < logical.text().length()) {
                return logical;
            }
        }
        return null;
    }

    private void readContinuation(LogicalLine logical) {
        while (next < lines.size()) {
            String line = lines.get(next++);
            int start = Chars.skipSpaces(line, 0);
            if (start == line.length() || collectComment(line, start)) {
                continue;
            }
            int continuation = continuationAt(line, 0);
            if (continuation < 0) {
                logical.append(line, 0, line.length(), next);
                return;
            }
            logical.append(line, 0, continuation, next);
        }
    }

    /**
     * The body of a heredoc whose marker was on the logical line just returned. A terminator matches a whole line
     * (after removing leading tabs for {@code <<-}).
     */
    Heredoc readHeredoc(HeredocMarker marker, int openedAtLine) {
        StringBuilder body = new StringBuilder();
        int bodyStart = next + 1;
        while (next < lines.size()) {
            String line = lines.get(next++);
            String content = marker.stripTabs() ? stripLeadingTabs(line) : line;
            if (content.equals(marker.delimiter())) {
                return new Heredoc(marker.delimiter(), marker.word(), marker.stripTabs(), marker.expands(),
                        marker.fileDescriptor(), body.toString(), bodyStart, next);
            }
            body.append(content).append('\n');
        }
        SourcePosition end = source.end();
        throw new DockerfileSyntaxException(path, new SyntaxProblem(end.line(), end.column(),
                "unterminated heredoc " + marker.word().text() + " started at line " + openedAtLine
                        + " (expected a line " + marker.delimiter() + ")"));
    }

    /** The last line consumed so far. */
    int lastLineRead() {
        return next;
    }

    private boolean collectComment(String line, int start) {
        if (line.charAt(start) != '#') {
            return false;
        }
        int textStart = Chars.skipSpaces(line, start + 1);
        comments.add(new Comment(line.substring(textStart, Chars.trimEnd(line, textStart, line.length())),
                new SourcePosition(next, start + 1)));
        return true;
    }

    /** Where the continuation escape sits if the line continues (escape then only spaces or tabs), else -1. */
    private int continuationAt(String line, int from) {
        int end = line.length();
        while (end > from && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return end > from && line.charAt(end - 1) == escape ? end - 1 : -1;
    }

    private static String stripLeadingTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') {
            i++;
        }
        return i == 0 ? line : line.substring(i);
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The physical lines of a Dockerfile: BOM removed, split on LF with a trailing CR dropped (CRLF files). */
final class SourceText {
    private final List<String> lines;
    private final boolean endsWithNewline;

    private SourceText(List<String> lines, boolean endsWithNewline) {
        this.lines = lines;
        this.endsWithNewline = endsWithNewline;
    }

    static SourceText split(Path path, String text, ParserLimits limits) {
        if (text.length() > limits.maxChars()) {
            throw new DockerfileSyntaxException(path, new SyntaxProblem(1, 1,
                    "file is " + text.length() + " characters, over the limit of " + limits.maxChars()));
        }
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<String> lines = new ArrayList<>();
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd - start > limits.maxLineLength()) {
                throw new DockerfileSyntaxException(path, new SyntaxProblem(lines.size() + 1, 1,
                        "line is " + (contentEnd - start) + " characters, over the limit of "
                                + limits.maxLineLength()));
            }
            lines.add(text.substring(start, contentEnd));
            if (newline < 0) {
                return new SourceText(lines, false);
            }
            start = newline + 1;
        }
        return new SourceText(lines, true);
    }

    List<String> lines() {
        return lines;
    }

    /** Where the text ends, for errors about something still open there. */
    SourcePosition end() {
        if (lines.isEmpty()) {
            return new SourcePosition(1, 1);
        }
        if (endsWithNewline) {
            return new SourcePosition(lines.size() + 1, 1);
        }
        return new SourcePosition(lines.size(), lines.get(lines.size() - 1).length() + 1);
    }
}

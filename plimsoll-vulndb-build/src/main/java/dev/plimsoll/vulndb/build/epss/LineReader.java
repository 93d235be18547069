package dev.plimsoll.vulndb.build.epss;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Lines of a text stream with a bound on line length ({@link java.io.BufferedReader#readLine} has none, so a file
 * without newlines would become one string of its whole size). Accepts \n and \r\n endings.
 */
final class LineReader {
    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its ending; empty at the end of the stream. */
    Optional<String> next() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line.isEmpty()) {
                        return Optional.empty();
                    }
                    lineNumber++;
                    return Optional.of(line.toString());
                }
            }
            char c = buffer[position++];
            if (c == '\n') {
                lineNumber++;
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return Optional.of(line.toString());
            }
            if (line.length() >= maxLength) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + maxLength + " characters");
            }
            line.append(c);
        }
    }

    /** The number of the line {@link #next} returned last (1 for the first). */
    long lineNumber() {
        return lineNumber;
    }
}

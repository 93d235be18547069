package dev.plimsoll.analyzer.lang.npm;

import java.io.IOException;

/** A JSON file that parses but does not have the shape its format requires. */
final class MalformedJsonException extends IOException {
    private final int line;

    MalformedJsonException(String message, int line) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}

package dev.plimsoll.analyzer.lang.npm;

import java.io.IOException;

/** A yarn.lock or pnpm-lock.yaml that cannot be read at all: none of its packages are taken. */
final class LockfileException extends IOException {
    private final int line;

    /** @param line the 1-based line where reading stopped, 0 when unknown */
    LockfileException(String message, int line) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}

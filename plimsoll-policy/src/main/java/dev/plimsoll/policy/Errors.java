package dev.plimsoll.policy;

import dev.plimsoll.core.error.ConfigException;

/** Errors in policy, ignore and baseline files, each naming the file, the line where known, and what is wrong. */
final class Errors {
    private Errors() {
    }

    static ConfigException at(String file, int line, String message) {
        return new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}

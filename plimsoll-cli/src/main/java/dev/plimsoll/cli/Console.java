package dev.plimsoll.cli;

import java.io.PrintStream;
import java.time.Clock;

/** The streams and clock of one run, and the quiet/debug switches that decide what goes to stderr. */
final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private boolean quiet;
    private boolean debug;

    Console(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    void configure(boolean quietOutput, boolean debugOutput) {
        quiet = quietOutput;
        debug = debugOutput;
    }

    PrintStream out() {
        return out;
    }

    Clock clock() {
        return clock;
    }

    boolean debugEnabled() {
        return debug;
    }

    void error(String message) {
        err.println("plimsoll: error: " + message);
    }

    void warn(String message) {
        if (!quiet) {
            err.println("plimsoll: warning: " + message);
        }
    }

    void info(String message) {
        if (!quiet) {
            err.println("plimsoll: " + message);
        }
    }

    void debug(String message) {
        if (debug) {
            err.println("plimsoll: debug: " + message);
        }
    }

    /** A debug line stamped with the time since the JVM started: start-up is part of what users wait for. */
    void debugUptime(String what) {
        if (debug) {
            err.println("plimsoll: debug: " + what + " at "
                    + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
    }

    void debugTrace(Throwable t) {
        if (debug) {
            t.printStackTrace(err);
        }
    }

    void trace(Throwable t) {
        t.printStackTrace(err);
    }
}

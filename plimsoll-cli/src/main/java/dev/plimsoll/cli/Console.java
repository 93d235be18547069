package dev.plimsoll.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The streams, clock and surroundings (environment, working and home directory) of one run, and the quiet/debug
 * switches that decide what goes to stderr. Tests give their own surroundings; nothing else reads the process's.
 */
final class Console {
    /** What a run may read of the process it runs in. */
    record Host(InputStream in, Map<String, String> env, Path workingDir, Path home, String osName) {
        static Host system() {
            return new Host(System.in, System.getenv(), Path.of("").toAbsolutePath(),
                    Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Host host;
    private boolean quiet;
    private boolean debug;

    Console(PrintStream out, PrintStream err, Clock clock) {
        this(out, err, clock, Host.system());
    }

    Console(PrintStream out, PrintStream err, Clock clock, Host host) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.host = host;
    }

    Host host() {
        return host;
    }

    void configure(boolean quietOutput, boolean debugOutput) {
        quiet = quietOutput;
        debug = debugOutput;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
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
            // Counted from the start of main, not read from the management beans (the JVM's uptime): loading
            // those would cost a debug run a tenth of a second and skew the timings it prints.
            err.println("plimsoll: debug: " + what + " at " + (System.nanoTime() - Main.STARTED) / 1_000_000
                    + " ms");
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

package dev.plimsoll.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The ahead-of-time cache's training run (bin/plimsoll, JDK 25+): several command lines in one JVM, separated by
 * {@code --}, so that the cache holds the classes and profiles of every kind of work (an image scan and a
 * Dockerfile lint), since a JVM records one training run per cache. Output is discarded; not a user command.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        DigestWarmup.start();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                runQuietly(discard, current);
                current.clear();
            } else {
                current.add(arg);
            }
        }
        runQuietly(discard, current);
        System.exit(0);
    }

    private static void runQuietly(PrintStream discard, List<String> commandLine) {
        if (!commandLine.isEmpty()) {
            Main.run(discard, discard, Clock.systemUTC(), commandLine.toArray(String[]::new));
        }
    }
}

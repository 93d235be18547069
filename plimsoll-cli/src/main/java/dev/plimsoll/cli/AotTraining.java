package dev.plimsoll.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The ahead-of-time cache's training run (bin/plimsoll, JDK 25+): several command lines in one JVM, separated by
 * {@code --}, so that the cache holds the classes and profiles of every kind of work (an image scan and a
 * Dockerfile lint), since a JVM records one training run per cache. Output is discarded; not a user command.
 */
public final class AotTraining {
    /** Marks a command line whose image is served by a {@link TrainingRegistry}. */
    static final String FROM_REGISTRY = "@registry";

    private AotTraining() {
    }

    public static void main(String[] args) {
        List<List<String>> commandLines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                commandLines.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(arg);
            }
        }
        commandLines.add(List.copyOf(current));
        // Only a cache for image commands gets the warm-ups' classes: a cache loads all of its classes at every
        // start, so an audit's cache without the HTTP client's 1,500 starts faster.
        if (commandLines.stream().anyMatch(line -> Main.readsImages(line.toArray(String[]::new))
                || !line.isEmpty() && line.get(0).equals(FROM_REGISTRY))) {
            DigestWarmup.start();
            // The HTTP client and a TLS handshake's set-up, as a registry scan's warm-up does them: their classes
            // then come from the cache too (most of the start of a scan whose layers are cached).
            dev.plimsoll.image.registry.RegistryImages.warmUp();
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> line : commandLines) {
            runQuietly(discard, line);
        }
        System.exit(0);
    }

    /**
     * Runs one command line. One that starts with {@value #FROM_REGISTRY} and ends with a docker-archive tar scans
     * that image from a {@link TrainingRegistry} instead, twice: with an empty layer cache, then with the cache the
     * first scan filled, so both paths of a registry scan are recorded.
     */
    private static void runQuietly(PrintStream discard, List<String> commandLine) {
        if (commandLine.isEmpty()) {
            return;
        }
        if (!commandLine.get(0).equals(FROM_REGISTRY)) {
            Main.run(discard, discard, Clock.systemUTC(), commandLine.toArray(String[]::new));
            return;
        }
        List<String> args = new ArrayList<>(commandLine.subList(1, commandLine.size()));
        Path archive = Path.of(args.remove(args.size() - 1));
        Path cache = null;
        try (TrainingRegistry registry = TrainingRegistry.serve(archive)) {
            cache = Files.createTempDirectory("plimsoll-aot-training");
            args.addAll(List.of("--insecure-registry", registry.host(), "--cache-dir", cache.toString(),
                    registry.reference()));
            for (int pass = 0; pass < 2; pass++) {
                Main.run(discard, discard, Clock.systemUTC(), args.toArray(String[]::new));
            }
        } catch (IOException e) {
            // training is best effort: the cache then lacks the registry path, and scans only start slower
        } finally {
            if (cache != null) {
                deleteTree(cache);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}

package dev.plimsoll.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where bench/images.sh put the images and their truth: -Dplimsoll.bench.dir=DIR (DIR/images, DIR/truth). */
final class BenchDir {
    private BenchDir() {
    }

    static Path root() {
        String dir = System.getProperty("plimsoll.bench.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("-Dplimsoll.bench.dir is not set: run the bench tests through bin/test,"
                    + " which builds the images with bench/images.sh");
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root.resolve("images")) || !Files.isDirectory(root.resolve("truth"))) {
            throw new IllegalStateException(root + " has no images/ and truth/: run bench/images.sh " + root);
        }
        return root;
    }

    static Path images() {
        return root().resolve("images");
    }

    static Path truth() {
        return root().resolve("truth");
    }

    static Path work() throws IOException {
        return Files.createDirectories(root().resolve("work"));
    }

    /** Rows of truth/NAME.tsv without its header line. */
    static List<List<String>> truthRows(String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(truth().resolve(name + ".tsv"))) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                rows.add(Arrays.asList(line.split("\t", -1)));
            }
        }
        return rows;
    }
}

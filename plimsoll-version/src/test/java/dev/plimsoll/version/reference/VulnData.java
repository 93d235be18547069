package dev.plimsoll.version.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the full real-data corpus (the project's shared vulndata folder) is, for the tests that read all of it:
 * {@code -Dplimsoll.vulndata.dir=DIR}, else {@code $PLIMSOLL_VULNDATA}, else {@code $PLIMSOLL_SHARED/vulndata}.
 * Without one the test is skipped with a message; the fixtures copied into src/test/resources always run.
 */
public final class VulnData {
    /** Advisory files are small; anything larger is not one and is not read. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private VulnData() {
    }

    /** The named subfolder of the corpus, or the calling test is aborted saying how to point at it. */
    public static Path require(String subfolder) {
        String dir = System.getProperty("plimsoll.vulndata.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("PLIMSOLL_VULNDATA");
        }
        if ((dir == null || dir.isBlank()) && System.getenv("PLIMSOLL_SHARED") != null) {
            dir = Path.of(System.getenv("PLIMSOLL_SHARED"), "vulndata").toString();
        }
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "full real-data test skipped: set "
            + "-Dplimsoll.vulndata.dir=/path/to/shared/vulndata (or PLIMSOLL_VULNDATA, or PLIMSOLL_SHARED)");
        Path folder = Path.of(dir).resolve(subfolder);
        Assumptions.assumeTrue(Files.isDirectory(folder), "full real-data test skipped: " + folder + " missing");
        return folder;
    }

    /**
     * Regular files under {@code root} ending in {@code suffix}, sorted; symbolic links are neither followed nor
     * returned, so nothing outside the root is read.
     */
    public static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .sorted()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

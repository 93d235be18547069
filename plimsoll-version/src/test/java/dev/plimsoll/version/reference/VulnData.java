package dev.plimsoll.version.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the full real-data corpus (the project's shared vulndata folder) is, for the tests that read all of it, and
 * how its files are read. The folder is named by {@code -Dplimsoll.vulndata=DIR} (the property every module's tests
 * read), else {@code -Dplimsoll.vulndata.dir=DIR}, {@code $PLIMSOLL_VULNDATA} or {@code $PLIMSOLL_SHARED/vulndata}.
 * Without one the whole-corpus tests are skipped with a message; the fixtures copied into src/test/resources
 * always run.
 */
public final class VulnData {
    /** Advisory files are small; anything larger is not one and is not read. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW = "set -Dplimsoll.vulndata=DIR (or PLIMSOLL_VULNDATA) to ../shared/vulndata";

    /** One OSV record: its file, its name relative to the folder read, and its {@code affected} list. */
    public record OsvRecord(Path file, String name, JsonNode affected) {
    }

    private VulnData() {
    }

    /** The whole shared folder, when configured and present. */
    public static Optional<Path> shared() {
        String dir = System.getProperty("plimsoll.vulndata");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("plimsoll.vulndata.dir");
        }
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("PLIMSOLL_VULNDATA");
        }
        if ((dir == null || dir.isBlank()) && System.getenv("PLIMSOLL_SHARED") != null) {
            dir = Path.of(System.getenv("PLIMSOLL_SHARED"), "vulndata").toString();
        }
        return dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir)) ? Optional.empty()
            : Optional.of(Path.of(dir));
    }

    /** The named subfolder of the corpus, or the calling test is aborted saying how to point at it. */
    public static Path require(String subfolder) {
        return require(subfolder, "to run the full real-data test");
    }

    /**
     * The named subfolder of the corpus, or the calling test is aborted saying how to point at it and what
     * {@code purpose} it would then serve ("to check every Go OSV event version").
     */
    public static Path require(String subfolder, String purpose) {
        Optional<Path> shared = shared();
        Assumptions.assumeTrue(shared.isPresent(), "shared vulndata not configured: " + HOW + " " + purpose);
        Path folder = shared.get().resolve(subfolder);
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

    /**
     * One advisory file read by {@code mapper} (JSON or YAML); a file larger than {@link #MAX_FILE_BYTES} or not
     * in the format is added to {@code problems} as "name: reason" and gives nothing, never skipped silently.
     */
    public static Optional<JsonNode> readTree(Path file, String name, ObjectMapper mapper, List<String> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(name + ": larger than " + MAX_FILE_BYTES + " bytes");
                return Optional.empty();
            }
            JsonNode tree = mapper.readTree(file.toFile());
            // An empty document reads as nothing: the caller reports it as missing its fields.
            return Optional.of(tree == null ? MissingNode.getInstance() : tree);
        } catch (IOException e) {
            problems.add(name + ": not " + mapper.getFactory().getFormatName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The OSV records (.json files) under {@code root}, each read only when the iteration reaches it. A file that
     * {@link #readTree} rejects, or that has no {@code affected} list, is added to {@code problems} and skipped.
     */
    public static Iterable<OsvRecord> osvRecords(Path root, List<String> problems) {
        return () -> files(root, ".json").stream().flatMap(file -> {
            String name = root.relativize(file).toString();
            return readTree(file, name, JSON, problems).stream().flatMap(record -> {
                JsonNode affected = record.path("affected");
                if (!affected.isArray()) {
                    problems.add(name + ": no affected list");
                    return Stream.empty();
                }
                return Stream.of(new OsvRecord(file, name, affected));
            });
        }).iterator();
    }
}

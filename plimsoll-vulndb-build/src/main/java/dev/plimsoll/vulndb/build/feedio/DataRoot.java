package dev.plimsoll.vulndb.build.feedio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.vulndb.build.FeedSink;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The data root a feed reads, with the rules every feed parser of hostile input needs: nothing outside the root is
 * read (symbolic links are reported and never followed, every directory is checked against the root's real path),
 * files are opened with {@code O_NOFOLLOW} and refused above a size bound, and listings are walked in name order so
 * that two builds from the same directory hand records to the sink in the same order.
 */
public final class DataRoot {
    /** Deeper than any feed layout (the GHSA archive is the deepest: 6 levels); stops a crafted directory chain. */
    private static final int MAX_DEPTH = 16;

    private final Path realRoot;

    public DataRoot(Path root) throws IOException {
        this.realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new IOException("data root is not a directory: " + root);
        }
    }

    public Path path() {
        return realRoot;
    }

    /** What a feed looks for in a data root. */
    @FunctionalInterface
    public interface Probe {
        boolean finds(DataRoot data) throws IOException;
    }

    /**
     * Whether {@code root} is a readable data root in which {@code probe} finds something: a feed's answer to
     * {@code present}. An unreadable root holds nothing a feed can read; its {@code parse} reports why.
     */
    public static boolean holds(Path root, Probe probe) {
        try {
            return probe.finds(new DataRoot(root));
        } catch (IOException e) {
            return false;
        }
    }

    /** The directory at {@code relative}, if it is a real directory (not a link) inside the root. */
    public Optional<Path> directory(String relative) throws IOException {
        Path dir = realRoot.resolve(relative).normalize();
        if (!dir.startsWith(realRoot) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return dir.toRealPath().startsWith(realRoot) ? Optional.of(dir) : Optional.empty();
    }

    /** The regular file at {@code relative}, if it is one (not a link) inside the root. */
    public Optional<Path> regularFile(String relative) throws IOException {
        Path file = realRoot.resolve(relative).normalize();
        if (!file.startsWith(realRoot) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return file.getParent().toRealPath().startsWith(realRoot) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The regular file at {@code relative}, like {@link #regularFile(String)}, but a link or special file at that
     * path is reported to the sink rather than passed over in silence.
     */
    public Optional<Path> regularFile(String relative, FeedSink sink) throws IOException {
        Optional<Path> file = regularFile(relative);
        Path path = realRoot.resolve(relative).normalize();
        if (file.isEmpty() && path.startsWith(realRoot) && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            sink.skipped(relative, Files.isSymbolicLink(path) ? "symbolic link: not followed"
                    : "not a regular file inside the data root: not read");
        }
        return file;
    }

    /** {@code file} relative to the root with '/' separators: what {@link FeedSink#skipped} is given. */
    public String relative(Path file) {
        return realRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Receives the regular files a {@link #walk} finds. */
    @FunctionalInterface
    public interface FileVisitor {
        void visit(Path file, String relative) throws IOException;
    }

    /**
     * Visits the regular files under {@code dir} whose names {@code wantFile} accepts, in name order, depth first.
     * Links and special files are reported to the sink and not followed; directories named in
     * {@code excludedDirectories} are reported once with their reason and not entered.
     */
    public void walk(Path dir, Predicate<String> wantFile, Map<String, String> excludedDirectories,
                     FileVisitor visitor, FeedSink sink) throws IOException {
        walk(dir, wantFile, excludedDirectories, visitor, sink, 0);
    }

    private void walk(Path dir, Predicate<String> wantFile, Map<String, String> excludedDirectories,
                      FileVisitor visitor, FeedSink sink, int depth) throws IOException {
        if (!dir.toRealPath().startsWith(realRoot)) {
            sink.skipped(relative(dir), "directory resolves outside the data root: not read");
            return;
        }
        for (String name : sortedNames(dir)) {
            Path entry = dir.resolve(name);
            BasicFileAttributes attributes =
                    Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                sink.skipped(relative(entry), "symbolic link: not followed");
            } else if (attributes.isDirectory()) {
                if (excludedDirectories.containsKey(name)) {
                    sink.skipped(relative(entry), excludedDirectories.get(name));
                } else if (depth + 1 >= MAX_DEPTH) {
                    sink.skipped(relative(entry), "directory nested deeper than " + MAX_DEPTH + " levels: not read");
                } else {
                    walk(entry, wantFile, excludedDirectories, visitor, sink, depth + 1);
                }
            } else if (attributes.isRegularFile()) {
                if (wantFile.test(name)) {
                    visitor.visit(entry, relative(entry));
                }
            } else {
                sink.skipped(relative(entry), "not a regular file: not read");
            }
        }
    }

    /** Names, not Paths: an osv.dev archive directory can hold hundreds of thousands of records. */
    private static List<String> sortedNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    /** The whole file, refused when it is larger than {@code maxBytes}. */
    public byte[] read(Path file, long maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw new FileTooLargeException(size, maxBytes);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new EOFException("file shrank while being read");
                }
            }
            return buffer.array();
        }
    }

    /** Turns a record file's bytes into a tree: {@code FeedJson}'s mapper or {@code FeedYaml}. */
    @FunctionalInterface
    public interface TreeReader {
        JsonNode read(byte[] content) throws IOException;
    }

    /**
     * The record file as a tree, read whole within {@code maxBytes}; empty after reporting to the sink why it could
     * not be read (too large, unreadable, not valid JSON or YAML).
     */
    public Optional<JsonNode> readTree(Path file, String relative, long maxBytes, TreeReader reader, FeedSink sink) {
        try {
            return Optional.of(reader.read(read(file, maxBytes)));
        } catch (IOException e) {
            sink.skipped(relative, "not read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A stream over the file, refused when it is larger than {@code maxBytes}. */
    public InputStream open(Path file, long maxBytes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            long size = channel.size();
            if (size > maxBytes) {
                throw new FileTooLargeException(size, maxBytes);
            }
            // Bounded again while reading: the file may grow after the size check.
            return new BoundedInputStream(Channels.newInputStream(channel), maxBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}

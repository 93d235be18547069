package dev.plimsoll.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The private directory where content too large for the heap is written. Created on first use with owner-only
 * permissions (image content may hold secrets; other local users must not read it), deleted as a whole on close.
 * Confined to the walk's thread until the view takes ownership.
 */
final class SpillArea implements AutoCloseable {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path parent;
    private Path dir;
    private long files;
    private boolean closed;

    /** @param parent where to create the directory; null for the JVM's temporary directory */
    SpillArea(Path parent) {
        this.parent = parent;
    }

    /** A new empty file, readable and writable by the owner only. */
    Path newFile() throws IOException {
        if (closed) {
            throw new IllegalStateException("spill area already closed");
        }
        if (dir == null) {
            FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {ownerOnly("rwx------")} : new FileAttribute<?>[0];
            dir = parent == null
                    ? Files.createTempDirectory("plimsoll-fs-", attrs)
                    : Files.createTempDirectory(parent, "plimsoll-fs-", attrs);
        }
        Path file = dir.resolve("content-" + (files++) + ".bin");
        return POSIX ? Files.createFile(file, ownerOnly("rw-------")) : Files.createFile(file);
    }

    private static FileAttribute<?> ownerOnly(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }

    /** The directory, once something was spilled. */
    Path directory() {
        return dir;
    }

    /** Deletes every spilled file and the directory; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (dir == null) {
            return;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spill directory " + dir, e);
        }
    }
}

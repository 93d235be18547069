package dev.plimsoll.image.rootfs;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a directory tree depth first, names sorted, never following symlinks: a link to /etc inside the root is
 * reported as a SYMLINK and not entered. Metadata comes from lstat; content is opened only when asked.
 * <p>
 * A file that cannot be read is still reported; its {@link #content()} throws an IOException naming it, which the
 * consumer records as a per-file problem. A directory that cannot be listed is fatal (the IOException from
 * {@link #next()} names it): its files would otherwise vanish from the scan without a trace, as LayerReader has no
 * way to report a partial walk.
 */
public final class RootfsLayerReader implements LayerReader {
    private static final int S_IFMT = 0170000;

    private final Path root;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private Path current;
    private FileType currentType;
    private boolean started;

    RootfsLayerReader(Path root) {
        this.root = root;
    }

    @Override
    public RawEntry next() throws IOException {
        if (!started) {
            started = true;
            stack.push(list(root));
        }
        current = null;
        while (!stack.isEmpty()) {
            Iterator<Path> level = stack.peek();
            if (!level.hasNext()) {
                stack.pop();
                continue;
            }
            Path p = level.next();
            Optional<RawEntry> entry = describe(p);
            if (entry.isEmpty()) {
                continue;
            }
            current = p;
            currentType = entry.get().type();
            if (currentType == FileType.DIRECTORY) {
                stack.push(list(p));
            }
            return entry.get();
        }
        return null;
    }

    @Override
    public InputStream content() throws IOException {
        if (current == null || currentType != FileType.REGULAR) {
            return InputStream.nullInputStream();
        }
        // NOFOLLOW_LINKS: a file swapped for a symlink since it was listed is refused, not followed
        return Files.newInputStream(current, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() {
        stack.clear();
        current = null;
    }

    /** The sorted children of a directory, listed now so the walk holds no directory handles open. */
    private static Iterator<Path> list(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children.iterator();
    }

    /** The lstat of a path as an entry; empty when it vanished since its directory was listed. */
    private Optional<RawEntry> describe(Path p) throws IOException {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(p, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int mode = (Integer) attrs.get("mode");
        FileType type = type(mode);
        Optional<String> link = type == FileType.SYMLINK
                ? Optional.of(Files.readSymbolicLink(p).toString()) : Optional.empty();
        long size = type == FileType.REGULAR ? (Long) attrs.get("size") : 0;
        String name = root.relativize(p).toString();
        return Optional.of(new RawEntry(name, type, mode & 07777, ((Integer) attrs.get("uid")) & 0xffffffffL,
                ((Integer) attrs.get("gid")) & 0xffffffffL, size, link));
    }

    static FileType type(int mode) {
        return switch (mode & S_IFMT) {
            case 0100000 -> FileType.REGULAR;
            case 0040000 -> FileType.DIRECTORY;
            case 0120000 -> FileType.SYMLINK;
            case 0020000 -> FileType.CHAR_DEVICE;
            case 0060000 -> FileType.BLOCK_DEVICE;
            case 0010000 -> FileType.FIFO;
            case 0140000 -> FileType.SOCKET;
            default -> FileType.OTHER;
        };
    }
}

package dev.plimsoll.vulndb.build.nvd;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVD pages kept in the download cache between updates, one folder per sync named after the time it started:
 * {@code <yyyyMMdd'T'HHmmss.SSS'Z'>-full} for a full download, then one {@code …-delta} per incremental sync. The
 * names sort by time, which is what makes the newest copy of a CVE win in {@link NvdFeed} (it reads the folder that
 * sorts last first). A sync is written to a hidden {@code .part} folder and renamed into place only when every
 * page arrived and checked out, so a failed sync leaves the mirror as it was; a full download removes the folders
 * before it. Files are never changed once written: the update lays them out under its data root as hard links.
 */
final class NvdMirror {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern FOLDER = Pattern.compile("(\\d{8}T\\d{6}\\.\\d{3}Z)-(full|delta)");
    private static final String PART = ".part";

    /** One committed sync. */
    record Folder(Instant syncedAt, boolean full, Path path) {
    }

    private final Path dir;
    private final List<Folder> folders;

    private NvdMirror(Path dir, List<Folder> folders) {
        this.dir = dir;
        this.folders = folders;
    }

    /** The mirror in {@code dir}, after removing what an interrupted sync left there. */
    static NvdMirror open(Path dir) throws IOException {
        List<Folder> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher m = FOLDER.matcher(name);
                if (name.startsWith(".") && name.endsWith(PART)) {
                    deleteFolder(p);
                } else if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    parse(m.group(1)).ifPresent(at -> folders.add(new Folder(at, m.group(2).equals("full"), p)));
                }
            }
        }
        folders.sort(Comparator.comparing(f -> f.path().getFileName().toString()));
        return new NvdMirror(dir, folders);
    }

    private static Optional<Instant> parse(String stamp) {
        try {
            return Optional.of(STAMP.parse(stamp, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the mirror is whole and ends with the sync recorded at {@code lastSync}: one full download, then
     * only incremental ones, the newest started then. Anything else (a cache emptied or edited, a state file
     * from elsewhere) is not built on.
     */
    boolean endsWith(Instant lastSync) {
        if (folders.isEmpty() || !folders.getFirst().full()
                || folders.stream().skip(1).anyMatch(Folder::full)) {
            return false;
        }
        return folders.getLast().syncedAt().equals(lastSync);
    }

    /** Bytes in the full download's folder. */
    long fullBytes() throws IOException {
        return folders.isEmpty() ? 0 : size(folders.getFirst().path());
    }

    /** Bytes in the incremental folders. */
    long deltaBytes() throws IOException {
        long total = 0;
        for (Folder f : folders.subList(Math.min(1, folders.size()), folders.size())) {
            total += size(f.path());
        }
        return total;
    }

    /** A fresh hidden folder for the sync starting at {@code syncedAt}. */
    Path begin(Instant syncedAt, boolean full) throws IOException {
        Path part = dir.resolve("." + name(syncedAt, full) + PART);
        deleteFolder(part);
        return Files.createDirectory(part);
    }

    /** Renames a completed sync into place; a full download replaces every earlier folder. */
    void commit(Path part, Instant syncedAt, boolean full) throws IOException {
        Path target = dir.resolve(name(syncedAt, full));
        deleteFolder(target);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        folders.removeIf(f -> f.path().equals(target));
        if (full) {
            for (Folder f : folders) {
                deleteFolder(f.path());
            }
            folders.clear();
        }
        folders.add(new Folder(syncedAt, full, target));
    }

    /**
     * Removes a sync's folder that was not committed (a failed sync); nothing when it was. Best effort: what it
     * cannot remove, {@link #open} removes next time, and the failure being reported matters more.
     */
    void abandon(Path part) {
        try {
            deleteFolder(part);
        } catch (IOException ignored) {
            // removed by the next open()
        }
    }

    /** Links (or, across file systems, copies) every committed page to {@code target}/&lt;folder&gt;/. */
    void layOut(Path target) throws IOException {
        for (Folder f : folders) {
            Path into = Files.createDirectories(target.resolve(f.path().getFileName().toString()));
            try (DirectoryStream<Path> pages = Files.newDirectoryStream(f.path())) {
                for (Path page : pages) {
                    if (Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)) {
                        link(page, into.resolve(page.getFileName().toString()));
                    }
                }
            }
        }
    }

    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String name(Instant syncedAt, boolean full) {
        return STAMP.format(syncedAt) + (full ? "-full" : "-delta");
    }

    private static long size(Path folder) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                total += Files.size(f);
            }
        }
        return total;
    }

    /** Sync folders hold only page files, so a folder is emptied and removed without walking a tree. */
    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}

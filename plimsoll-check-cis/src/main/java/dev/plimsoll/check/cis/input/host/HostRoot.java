package dev.plimsoll.check.cis.input.host;

import dev.plimsoll.core.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's root directory, a live {@code /} or a captured copy, read as if chrooted into it. Every path is resolved
 * segment by segment inside the root: a symlink's relative target continues from its directory, an absolute one
 * starts again at the root, {@code ..} at the root stays there, and at most {@link #MAX_SYMLINK_HOPS} links are
 * followed, so no path, however hostile the copy, leads outside the root. Owners are named through the root's own
 * /etc/passwd and /etc/group. Immutable once opened.
 */
public final class HostRoot {
    public static final int MAX_SYMLINK_HOPS = 40;
    public static final int MAX_PATH_LENGTH = 4096;
    /** Bound for configuration files read whole: unit files, daemon.json, audit rules, passwd, fstab. */
    public static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;
    /** Bound for directory listings (rules.d, certs.d, drop-in directories). */
    public static final int MAX_LIST_ENTRIES = 10_000;

    private final Path directory;
    private final Accounts accounts;

    private HostRoot(Path directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** Opens a root directory and reads its account names. */
    public static HostRoot open(Path directory) {
        Objects.requireNonNull(directory);
        if (!Files.isDirectory(directory)) {
            throw new UsageException("host root is not a directory: " + directory);
        }
        HostRoot bare = new HostRoot(directory.toAbsolutePath().normalize(), Accounts.NONE);
        return new HostRoot(bare.directory, Accounts.parse(bare.textOrEmpty("/etc/passwd"),
                bare.textOrEmpty("/etc/group")));
    }

    public Path directory() {
        return directory;
    }

    /** The root as reports name it. */
    public String name() {
        return directory.toString();
    }

    public Accounts accounts() {
        return accounts;
    }

    /** A path resolved inside the root: {@code path} is its name there, {@code hostPath} where to read it. */
    public record Resolved(String path, Path hostPath) {
    }

    /**
     * Resolves {@code path} (absolute inside the root) following symlinks in every segment, and in the last one too
     * when {@code followFinal}. Empty when a segment does not exist, a non-directory sits in the middle, the links
     * loop or exceed {@link #MAX_SYMLINK_HOPS}, or the path grows beyond {@link #MAX_PATH_LENGTH}.
     */
    public Optional<Resolved> resolve(String path, boolean followFinal) {
        Deque<String> pending = new ArrayDeque<>();
        pushFront(pending, path);
        List<String> current = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String segment = pending.pollFirst();
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!current.isEmpty()) {
                    current.remove(current.size() - 1);
                }
                continue;
            }
            current.add(segment);
            String logical = join(current);
            if (logical.length() > MAX_PATH_LENGTH) {
                return Optional.empty();
            }
            Path host = hostPath(current);
            FileKind kind;
            try {
                kind = FileKind.ofMode(mode(host));
            } catch (IOException e) {
                return Optional.empty();
            }
            boolean last = pending.stream().allMatch(s -> s.isEmpty() || s.equals("."));
            if (kind == FileKind.SYMLINK && (!last || followFinal)) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(host).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                current.remove(current.size() - 1);
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    current.clear();
                }
                pushFront(pending, target);
                continue;
            }
            if (!last && kind != FileKind.DIRECTORY) {
                return Optional.empty();
            }
        }
        return Optional.of(new Resolved(join(current), hostPath(current)));
    }

    /** The file at {@code path}, following every symlink (the final one too) inside the root. */
    public Optional<FileStat> stat(String path) {
        return statOf(path, true);
    }

    /** The file at {@code path} itself: a final symlink is reported as the link. */
    public Optional<FileStat> lstat(String path) {
        return statOf(path, false);
    }

    private Optional<FileStat> statOf(String path, boolean followFinal) {
        Optional<Resolved> r = resolve(path, followFinal);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Path host = r.get().hostPath();
        try {
            int stMode = mode(host);
            long uid = ((Number) Files.getAttribute(host, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            long gid = ((Number) Files.getAttribute(host, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue();
            FileKind kind = FileKind.ofMode(stMode);
            Optional<String> link = kind == FileKind.SYMLINK
                    ? Optional.of(Files.readSymbolicLink(host).toString()) : Optional.empty();
            return Optional.of(new FileStat(normalizeShown(path), r.get().path(), kind, stMode & 07777, uid, gid,
                    accounts.userName(uid), accounts.groupName(gid), link));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The text of a regular file (UTF-8, following links inside the root), empty when there is none.
     *
     * @throws IOException when it exists but cannot be read, or is larger than {@code maxBytes}
     */
    public Optional<String> readText(String path, long maxBytes) throws IOException {
        Optional<Resolved> r = resolve(path, true);
        if (r.isEmpty() || !Files.isRegularFile(r.get().hostPath(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        // NOFOLLOW: a live root's link swapped in after resolve() must not be followed out of the root
        try (InputStream in = Files.newInputStream(r.get().hostPath(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    public Optional<String> readText(String path) throws IOException {
        return readText(path, MAX_TEXT_BYTES);
    }

    private String textOrEmpty(String path) {
        try {
            return readText(path).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The names in a directory (following links to it inside the root), sorted; empty when it is not a directory.
     *
     * @throws IOException when it holds more than {@link #MAX_LIST_ENTRIES} entries or cannot be listed
     */
    public List<String> list(String dir) throws IOException {
        Optional<Resolved> r = resolve(dir, true);
        if (r.isEmpty() || !Files.isDirectory(r.get().hostPath(), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(r.get().hostPath())) {
            for (Path p : entries) {
                if (names.size() >= MAX_LIST_ENTRIES) {
                    throw new IOException("more than " + MAX_LIST_ENTRIES + " entries");
                }
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    /** {@code dir + "/" + name} for paths inside the root. */
    public static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private static int mode(Path host) throws IOException {
        return ((Number) Files.getAttribute(host, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
    }

    private Path hostPath(List<String> segments) {
        Path p = directory;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }

    private static String join(List<String> segments) {
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    private static String normalizeShown(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static void pushFront(Deque<String> pending, String path) {
        String[] segments = path.split("/", -1);
        for (int i = segments.length - 1; i >= 0; i--) {
            pending.addFirst(segments[i]);
        }
    }

    @Override
    public String toString() {
        return "host root " + directory;
    }
}

package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.problem.ScanProblem;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The squashed filesystem (metadata only) plus what the walk noticed. Reading it is thread-safe: it does not change
 * after the walk.
 *
 * <p>Closing it deletes the content the walk spilled to disk, so entries handed to the sink with large content cannot
 * be opened afterwards; metadata stays readable. Close it once analysis is finished.
 */
public final class SquashedView implements AutoCloseable {
    private static final Comparator<FileMeta> BY_PATH = Comparator.comparing(FileMeta::path);

    private final Map<String, FileMeta> visible;
    private final List<FileMeta> files;
    private final List<FileMeta> deleted;
    private final List<ScanProblem> problems;
    private final long entriesRead;
    private final WalkLimits limits;
    private final SpillArea spill;
    private final List<PathSkips.Skipped> skipped;

    /**
     * Takes ownership of the walk's collections, which nobody changes afterwards. The lists come in walk order:
     * a layer's tar order is usually sorted already, so sorting them costs little more than a pass.
     */
    SquashedView(Map<String, FileMeta> visible, List<FileMeta> visibleInWalkOrder, List<FileMeta> deleted,
                 List<ScanProblem> problems, long entriesRead, WalkLimits limits, SpillArea spill,
                 List<PathSkips.Skipped> skipped) {
        this.skipped = List.copyOf(skipped);
        this.visible = visible;
        this.files = sortedByPath(visibleInWalkOrder);
        this.deleted = sortedByPath(deleted); // stable: copies of one path stay newest layer first
        this.problems = List.copyOf(problems);
        this.entriesRead = entriesRead;
        this.limits = limits;
        this.spill = spill;
    }

    private static List<FileMeta> sortedByPath(List<FileMeta> metas) {
        FileMeta[] array = metas.toArray(FileMeta[]::new);
        Arrays.sort(array, BY_PATH);
        return Collections.unmodifiableList(Arrays.asList(array));
    }

    /** Whether some visible path lies below {@code dir}: then the directory exists even without an entry of its own. */
    private boolean hasEntriesBelow(String dir) {
        String prefix = dir + "/";
        int low = 0;
        int high = files.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (files.get(mid).path().compareTo(prefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < files.size() && files.get(low).path().startsWith(prefix);
    }

    /** The visible entry at exactly this path (normalised first: "/etc//passwd" finds "/etc/passwd"). */
    public Optional<FileMeta> get(String absolutePath) {
        try {
            return Optional.ofNullable(visible.get(
                    PathNormalizer.normalize(absolutePath, limits.maxPathLength(), limits.maxPathDepth(), false)));
        } catch (PathNormalizer.UnsafePathException e) {
            return Optional.empty();
        }
    }

    /**
     * The visible entry a process inside the container reaches through this path: symlinks are followed in every
     * segment, absolute targets start again at the image root, and ".." at the root stays there (chroot semantics,
     * like Docker's FollowSymlinkInScope), so no link leads outside the image. Empty for a dangling link, a loop, more
     * than {@link WalkLimits#maxSymlinkHops()} links, a non-directory in the middle of the path, or a directory that
     * exists only because entries lie below it (it has no metadata to return).
     */
    public Optional<FileMeta> resolve(String absolutePath) {
        Deque<String> pending = new ArrayDeque<>();
        pushFront(pending, absolutePath);
        String current = "/";
        int hops = 0;
        while (!pending.isEmpty()) {
            String segment = pending.pollFirst();
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                String parent = PathNormalizer.parent(current);
                current = parent == null ? "/" : parent;
                continue;
            }
            String candidate = PathNormalizer.child(current, segment);
            if (candidate.length() > limits.maxPathLength()) {
                return Optional.empty();
            }
            FileMeta meta = visible.get(candidate);
            if (meta == null) {
                if (!pending.isEmpty() && hasEntriesBelow(candidate)) {
                    current = candidate;
                    continue;
                }
                return Optional.empty();
            }
            if (meta.type() == FileType.SYMLINK) {
                if (++hops > limits.maxSymlinkHops()) {
                    return Optional.empty();
                }
                String target = meta.linkTarget().orElse("");
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    current = "/";
                }
                pushFront(pending, target);
                continue;
            }
            if (!pending.isEmpty() && meta.type() != FileType.DIRECTORY) {
                return Optional.empty();
            }
            current = candidate;
        }
        return Optional.ofNullable(visible.get(current));
    }

    private static void pushFront(Deque<String> pending, String path) {
        String[] segments = path.split("/", -1);
        for (int i = segments.length - 1; i >= 0; i--) {
            pending.addFirst(segments[i]);
        }
    }

    /** Visible entries, sorted by path. */
    public List<FileMeta> files() {
        return files;
    }

    /** Shadowed and whited-out entries seen (metadata), sorted by path; copies of one path newest layer first. */
    public List<FileMeta> deleted() {
        return deleted;
    }

    /** Per-entry trouble the walk met, in walk order. */
    public List<ScanProblem> problems() {
        return problems;
    }

    /** Layer entries read in the walk (whiteout markers and skipped entries included, second reads excluded). */
    /** What each skip pattern left out of the walk (entries are not counted in {@link #entriesRead()}'s view). */
    public List<PathSkips.Skipped> skipped() {
        return skipped;
    }

    public long entriesRead() {
        return entriesRead;
    }

    /** The spill directory, once anything was spilled; for tests and diagnostics. */
    Optional<Path> spillDirectory() {
        return Optional.ofNullable(spill.directory());
    }

    /** Deletes spilled content; idempotent. Metadata stays readable. */
    @Override
    public void close() {
        spill.close();
    }
}

package dev.plimsoll.fs;

import dev.plimsoll.core.image.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Squashes an image's layers top-down into the filesystem a container sees, handing the files analyzers want to a
 * {@link FileSink} in the same single pass over each layer. Holds only its limits, so one walker may serve many
 * walks, on any threads; each walk is confined to the thread that calls {@link #walk}.
 *
 * <p>Semantics, following the OCI image spec's layer.md and what overlay-based runtimes show:
 * <ul>
 *   <li>Layers are read newest first, each once and always to its end (the reader verifies the digest there). An
 *       entry is VISIBLE iff no higher layer has the same path, a whiteout of it or of an ancestor, an opaque marker
 *       on an ancestor, or a non-directory at an ancestor; entries below a higher layer's entries (with no entry for
 *       the directory itself) make that directory exist there, which shadows a lower non-directory at that path.
 *       Otherwise it is SHADOWED or WHITED_OUT, decided by the nearest layer that hid it.</li>
 *   <li>Names are normalised ("./a//b" is "/a/b"); names that climb out of the root, are too long or too deep, or
 *       put entries below a whiteout name are skipped as UNSAFE_ENTRY problems. Too many entries stop the walk with
 *       an {@link dev.plimsoll.core.error.ImageException}: a view without them would be silently incomplete.</li>
 *   <li>Whiteout and opaque markers affect lower layers only and never appear in the view.</li>
 *   <li>Within a layer the last entry for a path wins (see {@link Walk} for the conflicts that are refused).</li>
 *   <li>Hard links are reported as the type, mode and size of their target (an earlier entry of the same layer),
 *       with the target's normalised path as linkTarget, and deliver its bytes. If a link is wanted but its target's
 *       bytes were neither wanted nor kept, the layer is read a second time for them after the first pass; such links
 *       reach the sink after the rest of their layer.</li>
 *   <li>Symlinks are metadata, never followed during the walk; {@link SquashedView#resolve} follows them afterwards,
 *       inside the image root.</li>
 *   <li>Device nodes, fifos and sockets are kept as metadata without a problem (containers do hold /dev entries
 *       now and then, and checks may want to see them), but never deliver content. Entry types a filesystem does
 *       not hold ({@link dev.plimsoll.core.image.FileType#OTHER}) are skipped as UNSUPPORTED.</li>
 *   <li>Wanted regular files are read once: onto the heap up to {@link WalkLimits#inMemoryContentBytes()}, beyond it
 *       into a private spill directory (owner-only permissions) that {@link SquashedView#close()} deletes. A file
 *       larger than an analyzer's maxBytes is not delivered to it and is recorded as LIMIT_EXCEEDED.</li>
 * </ul>
 */
public final class SquashWalker {
    private final WalkLimits limits;
    private final Path spillParent;

    /** A walker spilling large content under the JVM's temporary directory. */
    public SquashWalker(WalkLimits limits) {
        this(limits, null);
    }

    /** A walker spilling large content under {@code spillParent} (null: the JVM's temporary directory). */
    public SquashWalker(WalkLimits limits, Path spillParent) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.spillParent = spillParent;
    }

    public WalkLimits limits() {
        return limits;
    }

    /**
     * Walks image layers top-down, newest first, calling {@code sink} for every wanted file as it is met. Fatal
     * trouble (a layer that fails verification, too many entries, truncated content, a sink failure) throws
     * {@link dev.plimsoll.core.error.ImageException} or {@link IOException}, and whatever was spilled is deleted;
     * per-entry trouble becomes a {@link dev.plimsoll.core.problem.ScanProblem} in the result.
     *
     * <p>The caller owns the returned view and closes it once the delivered entries are no longer read: closing
     * deletes spilled content.
     */
    public SquashedView walk(Image image, InterestIndex interests, FileSink sink) throws IOException {
        return walk(image, interests, sink, PathSkips.NONE);
    }

    /** As {@link #walk(Image, InterestIndex, FileSink)}, leaving out the entries {@code skips} names. */
    public SquashedView walk(Image image, InterestIndex interests, FileSink sink, PathSkips skips)
            throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(skips, "skips");
        Objects.requireNonNull(interests, "interests");
        Objects.requireNonNull(sink, "sink");
        SpillArea spill = new SpillArea(spillParent);
        try {
            return new Walk(limits, image, interests, sink, spill, skips).run();
        } catch (IOException | RuntimeException | Error e) {
            try {
                spill.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}

package dev.plimsoll.fs;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One walk over one image: the mutable state of the top-down squash, confined to the calling thread.
 *
 * <h2>How visibility is known on arrival</h2>
 * Layers are read newest first. Every path any layer mentions gets a {@link PathNode}; its <em>committed</em> fields
 * say what the layers already read (all above the current one) did to that path, as the nearest such layer:
 * <ul>
 *   <li>{@code selfLayer}: an entry at the path (lower copies are SHADOWED) or a whiteout of it (WHITED_OUT);</li>
 *   <li>{@code implicitLayer}: entries below the path, which make it a directory there; a lower non-directory at the
 *       path is SHADOWED by it, a lower directory merges with it and stays visible;</li>
 *   <li>{@code subtreeLayer}: a whiteout, an opaque marker or a non-directory at the path, each of which removes
 *       everything below it from lower layers (WHITED_OUT).</li>
 * </ul>
 * An entry of layer k is visible iff none of its own node's fields and none of its ancestors' subtree fields is set.
 * When several are, the nearest layer decides between SHADOWED and WHITED_OUT, and within one layer a deletion wins
 * because OCI applies a layer's whiteouts before its other entries. The minimum subtree layer over the ancestors is
 * memoised per directory and layer, so an entry costs a few hash lookups however deep it lies. What the current
 * layer does goes into separate per-layer fields and is committed when the layer ends, which is how whiteouts and
 * opaque markers affect lower layers only.
 *
 * <h2>Within one layer</h2>
 * Tar semantics: the last entry for a path wins; the earlier copy becomes SHADOWED. Because the walk streams, an
 * earlier copy that was already handed to analyzers as visible cannot be recalled: that case is recorded as an
 * INCONSISTENT problem (and analyzers that keep the last copy of a path match the view). Entries that would need an
 * extractor to delete same-layer entries again are refused as INCONSISTENT, as extractors fail on them too: an entry
 * below a path this layer made a non-directory, and a non-directory replacing a directory this layer already put
 * entries in. That keeps every layer a tree, so a layer can never both shadow a path and delete its parent.
 */
final class Walk {
    private static final int NONE = Integer.MAX_VALUE;
    private static final String COMPONENT = "fs";
    private static final int COPY_BUFFER = 64 * 1024;

    /** What the walk knows about one path. */
    private static final class PathNode {
        final String path;
        final PathNode parent;
        // committed: the nearest layer above the current one with each kind of effect (NONE: no such layer)
        int selfLayer = NONE;
        Visibility selfFate = Visibility.VISIBLE;
        int implicitLayer = NONE;
        int subtreeLayer = NONE;
        // memo: minimum subtreeLayer over this node and its ancestors, valid while memoLayer is the current layer
        int memoLayer = -1;
        int memoSubtree = NONE;
        // the current layer's effects; valid while curLayer is the current layer
        int curLayer = -1;
        Slot curEntry;
        boolean curWhiteout;
        boolean curOpaque;
        boolean curImplicitDir;
        boolean curHadEntry;
        boolean curHadNonDir;

        PathNode(String path, PathNode parent) {
            this.path = path;
            this.parent = parent;
        }
    }

    /** One accepted entry of the current layer. */
    private static final class Slot {
        final FileMeta meta;
        final long rawIndex;
        final String rawName;
        final long rawSize;
        final boolean hardLink;
        /** The regular entry whose bytes this entry has: itself, or a hard link's target. */
        Slot source;
        /** Captured bytes kept for hard links to this entry. */
        Content content;
        boolean superseded;
        boolean deliveredVisible;

        Slot(FileMeta meta, long rawIndex, String rawName, long rawSize, boolean hardLink) {
            this.meta = meta;
            this.rawIndex = rawIndex;
            this.rawName = rawName;
            this.rawSize = rawSize;
            this.hardLink = hardLink;
        }
    }

    private final WalkLimits limits;
    private final Image image;
    private final InterestIndex interests;
    private final FileSink sink;
    private final SpillArea spill;
    private final String imageName;
    private final PathSkips.Tally skips;

    private final Map<String, PathNode> nodes = new HashMap<>();
    private final PathNode root = new PathNode("/", null);
    private final Map<String, FileMeta> visible = new HashMap<>();
    private final List<FileMeta> visibleInWalkOrder = new ArrayList<>();
    private final List<FileMeta> deleted = new ArrayList<>();
    private final List<ScanProblem> problems = new ArrayList<>();
    private long totalEntries;

    // the current layer
    private int layer;
    private LayerRef ref;
    private String layerId;
    private long layerEntries;
    private long retainedBytes;
    private PathNode lastParent;
    private final List<PathNode> touched = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final List<Slot> deferred = new ArrayList<>();

    Walk(WalkLimits limits, Image image, InterestIndex interests, FileSink sink, SpillArea spill, PathSkips skips) {
        this.limits = limits;
        this.skips = skips.tally();
        this.image = image;
        this.interests = interests;
        this.sink = sink;
        this.spill = spill;
        this.imageName = image.summary().name();
        nodes.put("/", root);
    }

    SquashedView run() throws IOException {
        List<LayerRef> layers = image.layers();
        for (int k = layers.size() - 1; k >= 0; k--) {
            walkLayer(k, layers.get(k));
        }
        return new SquashedView(visible, visibleInWalkOrder, deleted, problems, totalEntries, limits, spill,
                skips.counts());
    }

    private void walkLayer(int k, LayerRef layerRef) throws IOException {
        layer = k;
        ref = layerRef;
        layerId = layerRef.id();
        layerEntries = 0;
        retainedBytes = 0;
        lastParent = null;
        // Read to the end even when nobody wants anything: the reader verifies the digest there.
        try (LayerReader reader = image.openLayer(layerRef)) {
            RawEntry raw;
            while ((raw = reader.next()) != null) {
                long index = layerEntries++;
                if (layerEntries > limits.maxEntriesPerLayer()) {
                    throw ImageException.inLayer(imageName, layerId, raw.name(),
                            "more than " + limits.maxEntriesPerLayer() + " entries in one layer");
                }
                if (++totalEntries > limits.maxTotalEntries()) {
                    throw ImageException.inLayer(imageName, layerId, raw.name(),
                            "more than " + limits.maxTotalEntries() + " entries in all layers");
                }
                entry(raw, index, reader);
            }
        }
        if (!deferred.isEmpty()) {
            deliverDeferred();
        }
        finishLayer();
    }

    private void entry(RawEntry raw, long index, LayerReader reader) throws IOException {
        String path;
        try {
            path = PathNormalizer.normalize(raw.name(), limits.maxPathLength(), limits.maxPathDepth(), false);
        } catch (PathNormalizer.UnsafePathException e) {
            problem(ProblemKind.UNSAFE_ENTRY, raw.name(), e.getMessage());
            return;
        }
        if (skips.skip(path, raw.type() == FileType.DIRECTORY)) {
            return;
        }
        int slash = path.lastIndexOf('/');
        int whiteout = path.indexOf("/.wh.");
        if (whiteout >= 0 && whiteout < slash) {
            // A whiteout name is a marker, never a directory: entries below one are crafted.
            problem(ProblemKind.UNSAFE_ENTRY, raw.name(), "entry lies below a whiteout marker");
            return;
        }
        if (whiteout >= 0) {
            marker(raw, path, slash);
            return;
        }
        realEntry(raw, index, path, slash, reader);
    }

    /** A whiteout or opaque marker: recorded for lower layers, never part of the view. */
    private void marker(RawEntry raw, String path, int slash) {
        String name = path.substring(slash + ".wh.".length() + 1);
        String dir = slash == 0 ? "/" : path.substring(0, slash);
        if (name.startsWith(".wh.")) {
            if (name.equals(".wh..opq")) {
                touch(node(dir)).curOpaque = true;
            }
            // Other ".wh..wh." names are AUFS bookkeeping (.wh..wh.plnk, .wh..wh.aufs) that OCI tools skip too.
            return;
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            problem(ProblemKind.UNSAFE_ENTRY, raw.name(), "whiteout that names no file");
            return;
        }
        touch(node(PathNormalizer.child(dir, name))).curWhiteout = true;
    }

    private void realEntry(RawEntry raw, long index, String path, int slash, LayerReader reader) throws IOException {
        FileType type = raw.type();
        if (type == FileType.OTHER) {
            problem(ProblemKind.UNSUPPORTED, raw.name(), "entry of a type a container filesystem does not hold");
            return;
        }
        if (path.length() == 1 && type != FileType.DIRECTORY) {
            problem(ProblemKind.UNSAFE_ENTRY, raw.name(), "the image root must be a directory, not a " + type);
            return;
        }
        FileType effectiveType = type;
        int mode = raw.mode();
        long uid = raw.uid();
        long gid = raw.gid();
        long size = raw.size();
        Optional<String> linkTarget = Optional.empty();
        Slot source = null;
        if (type == FileType.HARDLINK) {
            Slot target = hardLinkTarget(raw, path);
            if (target == null) {
                return;
            }
            // Same inode: report what the link points to, and share its bytes.
            FileMeta t = target.meta;
            effectiveType = t.type();
            mode = t.mode();
            uid = t.uid();
            gid = t.gid();
            size = t.size();
            linkTarget = t.type() == FileType.SYMLINK ? t.linkTarget() : Optional.of(t.path());
            source = target.source;
        } else if (type == FileType.SYMLINK) {
            String target = raw.linkName().orElse("");
            if (target.isEmpty()) {
                problem(ProblemKind.INCONSISTENT, raw.name(), "symlink without a target");
                return;
            }
            if (target.length() > limits.maxPathLength()) {
                problem(ProblemKind.UNSAFE_ENTRY, raw.name(), "symlink target of " + target.length()
                        + " characters exceeds the bound " + limits.maxPathLength());
                return;
            }
            linkTarget = Optional.of(target);
        }

        boolean isDir = effectiveType == FileType.DIRECTORY;
        PathNode parent = parentNode(path, slash);
        for (PathNode a = parent; a != null; a = a.parent) {
            if (a.curLayer != layer) {
                continue;
            }
            if (a.curImplicitDir) {
                break; // it holds entries of this layer, so it and its ancestors stay directories here
            }
            if (a.curEntry != null && a.curEntry.meta.type() != FileType.DIRECTORY) {
                problem(ProblemKind.INCONSISTENT, raw.name(), "entry lies below " + a.path
                        + ", which this layer made a " + a.curEntry.meta.type() + "; extractors fail on it");
                return;
            }
        }
        PathNode node = nodes.get(path);
        if (!isDir && node != null && node.curLayer == layer && node.curImplicitDir) {
            problem(ProblemKind.INCONSISTENT, raw.name(), "a " + effectiveType
                    + " would replace a directory that already holds entries of this layer; the entry is skipped");
            return;
        }
        if (node == null) {
            node = new PathNode(path, parent);
            nodes.put(path, node);
        }
        touch(node);
        for (PathNode a = parent; a != null; a = a.parent) {
            touch(a);
            if (a.curImplicitDir) {
                break;
            }
            a.curImplicitDir = true;
        }

        FileMeta meta = new FileMeta(path, effectiveType, mode, uid, gid, size, linkTarget, ref,
                fate(node, parent, isDir));
        Slot slot = new Slot(meta, index, raw.name(), raw.size(), type == FileType.HARDLINK);
        slot.source = type == FileType.REGULAR ? slot : source;
        if (node.curEntry != null) {
            supersede(node.curEntry, slot);
        }
        node.curEntry = slot;
        node.curHadEntry = true;
        if (!isDir) {
            node.curHadNonDir = true;
        }
        slots.add(slot);
        deliver(slot, meta, reader);
    }

    /** The earlier entry of this layer a hard link names, or null after recording why there is none. */
    private Slot hardLinkTarget(RawEntry raw, String path) {
        String written = raw.linkName().orElse("");
        if (written.isEmpty()) {
            problem(ProblemKind.INCONSISTENT, raw.name(), "hard link without a target");
            return null;
        }
        String targetPath;
        try {
            targetPath = PathNormalizer.normalize(written, limits.maxPathLength(), limits.maxPathDepth(), false);
        } catch (PathNormalizer.UnsafePathException e) {
            problem(ProblemKind.UNSAFE_ENTRY, raw.name(), "hard link target " + written + ": " + e.getMessage());
            return null;
        }
        if (targetPath.equals(path)) {
            problem(ProblemKind.INCONSISTENT, raw.name(), "hard link to itself");
            return null;
        }
        PathNode targetNode = nodes.get(targetPath);
        Slot target = targetNode != null && targetNode.curLayer == layer ? targetNode.curEntry : null;
        if (target == null) {
            problem(ProblemKind.INCONSISTENT, raw.name(),
                    "hard link to " + targetPath + ", which is not an earlier entry of this layer");
            return null;
        }
        if (target.meta.type() == FileType.DIRECTORY) {
            problem(ProblemKind.INCONSISTENT, raw.name(), "hard link to directory " + targetPath);
            return null;
        }
        return target;
    }

    /** Tar semantics: a later entry for the same path replaces the earlier one. */
    private void supersede(Slot earlier, Slot later) {
        earlier.superseded = true;
        FileType before = earlier.meta.type();
        FileType after = later.meta.type();
        if (earlier.deliveredVisible || before != after) {
            String what = before == after ? "appears again in this layer"
                    : "appears again in this layer, as a " + after + " instead of a " + before;
            problem(ProblemKind.INCONSISTENT, later.rawName, what + "; the last copy is the one a container sees"
                    + (earlier.deliveredVisible ? ", but analyzers also received the earlier copy as visible" : ""));
        }
    }

    /** Visibility of an entry of the current layer, from what the layers above did. */
    private Visibility fate(PathNode node, PathNode parent, boolean isDir) {
        int nearest = NONE;
        Visibility fate = Visibility.VISIBLE;
        if (node.selfLayer < nearest) {
            nearest = node.selfLayer;
            fate = node.selfFate;
        }
        if (!isDir && node.implicitLayer < nearest) {
            nearest = node.implicitLayer;
            fate = Visibility.SHADOWED;
        }
        if (parent != null) {
            int ancestors = subtreeMemo(parent);
            if (ancestors != NONE && ancestors <= nearest) {
                fate = Visibility.WHITED_OUT;
            }
        }
        return fate;
    }

    private int subtreeMemo(PathNode n) {
        if (n.memoLayer == layer) {
            return n.memoSubtree;
        }
        int v = n.subtreeLayer;
        if (n.parent != null) {
            v = Math.min(v, subtreeMemo(n.parent));
        }
        n.memoLayer = layer;
        n.memoSubtree = v;
        return v;
    }

    private void deliver(Slot slot, FileMeta meta, LayerReader reader) throws IOException {
        if (meta.visibility().deleted() && !interests.anyWantsDeleted()) {
            return;
        }
        BitSet wanted = interests.match(meta);
        if (wanted.isEmpty()) {
            return;
        }
        if (meta.type() != FileType.REGULAR) {
            // Symlinks, directories, devices, fifos and sockets exist in containers but have no bytes to read.
            sink.accept(CapturedFile.metadataOnly(meta), wanted);
            slot.deliveredVisible = meta.visibility() == Visibility.VISIBLE;
            return;
        }
        BitSet withContent = withContent(slot, meta, wanted, true);
        Content content = null;
        if (!withContent.isEmpty()) {
            if (!slot.hardLink) {
                content = capture(reader.content(), slot, true);
            } else if (slot.source.content != null) {
                content = slot.source.content;
            } else {
                // The target's bytes streamed past unwanted: deliver after a second read of this layer.
                deferred.add(slot);
                return;
            }
        }
        if (hand(meta, wanted, withContent, content)) {
            slot.deliveredVisible = meta.visibility() == Visibility.VISIBLE;
        }
    }

    /**
     * The analyzers that get bytes; those whose bound the file exceeds are removed from {@code wanted}, and the drop
     * is recorded when {@code record} (false when a deferred hard link repeats the decision already recorded).
     */
    private BitSet withContent(Slot slot, FileMeta meta, BitSet wanted, boolean record) {
        BitSet content = new BitSet();
        BitSet tooBig = null;
        for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
            if (interests.metadataOnly(i)) {
                continue;
            }
            if (meta.size() > interests.maxBytes(i)) {
                if (tooBig == null) {
                    tooBig = new BitSet();
                }
                tooBig.set(i);
            } else {
                content.set(i);
            }
        }
        if (tooBig != null) {
            wanted.andNot(tooBig);
        }
        if (tooBig != null && record) {
            problem(ProblemKind.LIMIT_EXCEEDED, slot.rawName, "file of " + meta.size()
                    + " bytes exceeds the content bound of analyzer(s) " + tooBig + "; not delivered to them");
        }
        return content;
    }

    /**
     * Calls the sink: once with the bytes for content analyzers, once with metadata for the metadata-only ones.
     * Returns whether anything was handed over.
     */
    private boolean hand(FileMeta meta, BitSet wanted, BitSet withContent, Content content) throws IOException {
        if (!withContent.isEmpty()) {
            sink.accept(new CapturedFile(meta, content), withContent);
        }
        BitSet metadataOnly = (BitSet) wanted.clone();
        metadataOnly.andNot(withContent);
        if (!metadataOnly.isEmpty()) {
            sink.accept(CapturedFile.metadataOnly(meta), metadataOnly);
        }
        return !wanted.isEmpty();
    }

    /**
     * Reads exactly {@code slot.rawSize} bytes: onto the heap up to the in-memory bound, else into a spill file. With
     * {@code retain}, heap content is also kept on the slot (within a per-layer budget) so later hard links to it
     * need no second read; spilled content is always kept, since the file lives until the view closes anyway.
     */
    private Content capture(InputStream in, Slot slot, boolean retain) throws IOException {
        long size = slot.rawSize;
        Content content;
        if (size <= limits.inMemoryContentBytes() && size <= Integer.MAX_VALUE - 16) {
            byte[] bytes = in.readNBytes((int) size);
            if (bytes.length < size) {
                throw truncated(slot, bytes.length);
            }
            content = new Content.InMemory(bytes);
            if (!retain || retainedBytes + size <= limits.inMemoryContentBytes()) {
                slot.content = content;
                retainedBytes += size;
            }
        } else {
            Path file = spill.newFile();
            long copied = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, size))];
                while (copied < size) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (copied < size) {
                throw truncated(slot, copied);
            }
            content = new Content.Spilled(file, size);
            slot.content = content;
        }
        return content;
    }

    private ImageException truncated(Slot slot, long got) {
        return ImageException.inLayer(imageName, layerId, slot.rawName,
                "content ends after " + got + " of " + slot.rawSize + " bytes");
    }

    /**
     * Hard links that analyzers want but whose target's bytes were not captured: read the layer once more, capture
     * just those targets (matched by entry position, checked by name and size), then deliver the links. Rare: it
     * needs a wanted link to an unwanted file whose bytes did not fit the retention budget. The second read also runs
     * to the end, so its bytes are verified like the first.
     */
    private void deliverDeferred() throws IOException {
        Map<Long, Slot> needed = new HashMap<>();
        for (Slot link : deferred) {
            if (link.source.content == null) {
                needed.put(link.source.rawIndex, link.source);
            }
        }
        if (!needed.isEmpty()) {
            try (LayerReader reader = image.openLayer(ref)) {
                long index = 0;
                RawEntry raw;
                while ((raw = reader.next()) != null) {
                    Slot source = needed.get(index++);
                    if (index > layerEntries) {
                        throw changed(raw.name());
                    }
                    if (source != null) {
                        if (!raw.name().equals(source.rawName) || raw.size() != source.rawSize) {
                            throw changed(raw.name());
                        }
                        capture(reader.content(), source, false);
                    }
                }
                if (index != layerEntries) {
                    throw changed(null);
                }
            }
        }
        for (Slot link : deferred) {
            FileMeta meta = link.superseded ? link.meta.withVisibility(Visibility.SHADOWED) : link.meta;
            if (meta.visibility().deleted() && !interests.anyWantsDeleted()) {
                continue;
            }
            BitSet wanted = interests.match(meta);
            if (!wanted.isEmpty()) {
                hand(meta, wanted, withContent(link, meta, wanted, false), link.source.content);
            }
        }
        deferred.clear();
    }

    private ImageException changed(String entry) {
        return ImageException.inLayer(imageName, layerId, entry, "layer content changed between two reads");
    }

    /** Moves the layer's entries into the view and commits its effects for the layers below. */
    private void finishLayer() {
        for (Slot slot : slots) {
            FileMeta meta = slot.meta;
            if (slot.superseded) {
                deleted.add(meta.withVisibility(Visibility.SHADOWED));
            } else if (meta.visibility() == Visibility.VISIBLE) {
                if (visible.putIfAbsent(meta.path(), meta) != null) {
                    throw new IllegalStateException("two visible copies of " + meta.path());
                }
                visibleInWalkOrder.add(meta);
            } else {
                deleted.add(meta);
            }
        }
        slots.clear();
        for (PathNode n : touched) {
            if (n.curWhiteout) {
                n.selfLayer = layer;
                n.selfFate = Visibility.WHITED_OUT;
                n.subtreeLayer = layer;
            } else if (n.curHadEntry) {
                n.selfLayer = layer;
                n.selfFate = Visibility.SHADOWED;
            }
            if (n.curOpaque || n.curHadNonDir) {
                n.subtreeLayer = layer;
            }
            if (n.curImplicitDir) {
                n.implicitLayer = layer;
            }
            n.curEntry = null;
        }
        touched.clear();
    }

    private PathNode touch(PathNode n) {
        if (n.curLayer != layer) {
            n.curLayer = layer;
            n.curEntry = null;
            n.curWhiteout = false;
            n.curOpaque = false;
            n.curImplicitDir = false;
            n.curHadEntry = false;
            n.curHadNonDir = false;
            touched.add(n);
        }
        return n;
    }

    /** The parent directory's node; siblings usually follow each other in a tar, so the last one is cached. */
    private PathNode parentNode(String path, int slash) {
        if (path.length() == 1) {
            return null;
        }
        if (slash == 0) {
            return root;
        }
        PathNode last = lastParent;
        if (last != null && last.path.length() == slash && path.startsWith(last.path)) {
            return last;
        }
        PathNode p = node(path.substring(0, slash));
        lastParent = p;
        return p;
    }

    private PathNode node(String path) {
        PathNode n = nodes.get(path);
        if (n == null) {
            String parentPath = PathNormalizer.parent(path);
            n = new PathNode(path, parentPath == null ? null : node(parentPath));
            nodes.put(path, n);
        }
        return n;
    }

    private void problem(ProblemKind kind, String entry, String message) {
        problems.add(new ScanProblem(kind, COMPONENT, Optional.of(layerId), Optional.of(entry), message));
    }
}

package dev.plimsoll.fs;

import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The naive model the top-down walk must agree with: apply layers bottom up into a map, the way an extractor fills
 * a directory. Per layer: first its whiteouts and opaque markers delete from what lies below (OCI: they only affect
 * lower layers), then its entries apply in tar order; an entry replaces what is at its path (SHADOWED), a
 * non-directory deletes everything below its path (WHITED_OUT), a directory merges, and a lower non-directory on the
 * way to an entry gives way to the directory the entry implies (SHADOWED). Entries extractors would fail on are
 * skipped: below a non-directory of the same layer, or a non-directory replacing a directory that already holds
 * entries of the same layer.
 */
final class ReferenceSquash {
    /** One accepted entry, with what a delivery of it must carry. */
    record Entry(String path, FileType type, int layer, int seq, int mode, long size, Optional<String> linkTarget,
                 String content) {
        boolean isDir() {
            return type == FileType.DIRECTORY;
        }

        String key() {
            return path + "|" + type + "|" + layer + "|" + mode + "|" + size + "|" + linkTarget.orElse("-");
        }
    }

    /** An entry a later operation removed; {@code byLayer} is the layer of that operation. */
    record Removed(Entry entry, Visibility fate, int byLayer) {
        boolean supersededInItsLayer() {
            return byLayer == entry.layer();
        }
    }

    final Map<String, Entry> view = new HashMap<>();
    final List<Removed> removed = new ArrayList<>();
    final List<Entry> accepted = new ArrayList<>();
    int unsafe;

    static ReferenceSquash of(List<List<LayerOp>> layers) {
        ReferenceSquash r = new ReferenceSquash();
        for (int k = 0; k < layers.size(); k++) {
            r.apply(k, layers.get(k));
        }
        return r;
    }

    /** Independent normaliser: a stack of segments; null when ".." climbs above the root. */
    static String normalize(String raw) {
        Deque<String> stack = new ArrayDeque<>();
        for (String s : raw.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (stack.isEmpty()) {
                    return null;
                }
                stack.removeLast();
            } else {
                stack.addLast(s);
            }
        }
        return "/" + String.join("/", stack);
    }

    static List<String> properAncestors(String path) {
        List<String> out = new ArrayList<>();
        if (path.equals("/")) {
            return out;
        }
        String p = path;
        while (true) {
            int slash = p.lastIndexOf('/');
            p = slash == 0 ? "/" : p.substring(0, slash);
            out.add(p);
            if (p.equals("/")) {
                return out;
            }
        }
    }

    private int current;

    private void apply(int k, List<LayerOp> ops) {
        current = k;
        Map<String, Entry> latest = new HashMap<>();
        Set<String> holdsEntries = new HashSet<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaques = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int seq = 0; seq < ops.size(); seq++) {
            LayerOp op = ops.get(seq);
            String name = op.kind() == LayerOp.Kind.WHITEOUT ? whiteoutName(op.name())
                    : op.kind() == LayerOp.Kind.OPAQUE ? (op.name().endsWith("/") ? op.name() : op.name() + "/")
                    + ".wh..wh..opq" : op.name();
            String path = normalize(name);
            if (path == null) {
                unsafe++;
                continue;
            }
            String[] segs = path.substring(1).split("/");
            boolean marker = false;
            for (int i = 0; i < segs.length; i++) {
                if (segs[i].startsWith(".wh.")) {
                    if (i < segs.length - 1) {
                        unsafe++;
                        marker = true; // skipped
                        break;
                    }
                    marker = true;
                    String target = segs[i].substring(4);
                    String dir = path.substring(0, path.lastIndexOf('/'));
                    dir = dir.isEmpty() ? "/" : dir;
                    if (target.startsWith(".wh.")) {
                        if (target.equals(".wh..opq")) {
                            opaques.add(dir);
                        }
                    } else if (target.isEmpty() || target.equals(".") || target.equals("..")) {
                        unsafe++;
                    } else {
                        whiteouts.add(dir.equals("/") ? "/" + target : dir + "/" + target);
                    }
                }
            }
            if (marker) {
                continue;
            }
            FileType type = switch (op.kind()) {
                case FILE -> FileType.REGULAR;
                case DIR -> FileType.DIRECTORY;
                case SYMLINK -> FileType.SYMLINK;
                case HARDLINK -> FileType.HARDLINK;
                case DEVICE -> FileType.CHAR_DEVICE;
                default -> throw new IllegalStateException();
            };
            if (path.equals("/") && type != FileType.DIRECTORY) {
                unsafe++;
                continue;
            }
            Entry e;
            switch (type) {
                case REGULAR -> {
                    String c = LayerOp.content(k, seq);
                    e = new Entry(path, type, k, seq, op.mode(), c.length(), Optional.empty(), c);
                }
                case DIRECTORY -> e = new Entry(path, type, k, seq, op.mode(), 0, Optional.empty(), null);
                case SYMLINK -> e = new Entry(path, type, k, seq, 0777, 0, Optional.of(op.target()), null);
                case CHAR_DEVICE -> e = new Entry(path, type, k, seq, 0666, 0, Optional.empty(), null);
                case HARDLINK -> {
                    String target = normalize(op.target());
                    if (target == null) {
                        unsafe++;
                        continue;
                    }
                    Entry t = latest.get(target);
                    if (target.equals(path) || t == null || t.isDir()) {
                        continue;
                    }
                    e = new Entry(path, t.type(), k, seq, t.mode(), t.size(),
                            t.type() == FileType.SYMLINK ? t.linkTarget() : Optional.of(target), t.content());
                }
                default -> throw new IllegalStateException();
            }
            boolean conflict = false;
            for (String a : properAncestors(path)) {
                Entry at = latest.get(a);
                if (at != null && !at.isDir()) {
                    conflict = true;
                }
            }
            if (conflict || (!e.isDir() && holdsEntries.contains(path))) {
                continue;
            }
            latest.put(path, e);
            holdsEntries.addAll(properAncestors(path));
            entries.add(e);
        }

        for (String w : whiteouts) {
            remove(w, Visibility.WHITED_OUT);
            removeBelow(w, Visibility.WHITED_OUT);
        }
        for (String o : opaques) {
            removeBelow(o, Visibility.WHITED_OUT);
        }
        for (Entry e : entries) {
            for (String a : properAncestors(e.path())) {
                Entry at = view.get(a);
                if (at != null && !at.isDir()) {
                    remove(a, Visibility.SHADOWED);
                }
            }
            remove(e.path(), Visibility.SHADOWED);
            if (!e.isDir()) {
                removeBelow(e.path(), Visibility.WHITED_OUT);
            }
            view.put(e.path(), e);
            accepted.add(e);
        }
    }

    private static String whiteoutName(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + ".wh." + path.substring(slash + 1);
    }

    private void remove(String path, Visibility fate) {
        Entry e = view.remove(path);
        if (e != null) {
            removed.add(new Removed(e, fate, current));
        }
    }

    private void removeBelow(String dir, Visibility fate) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        Iterator<Map.Entry<String, Entry>> it = view.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (!e.getKey().equals("/") && e.getKey().startsWith(prefix)) {
                removed.add(new Removed(e.getValue(), fate, current));
                it.remove();
            }
        }
    }
}

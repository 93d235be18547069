package dev.plimsoll.image.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of an outer archive by normalised name. Links inside the archive are followed the way an extractor
 * would lay them out (skopeo writes {@code <id>/layer.tar -> ../<hex>.tar}), but never out of the archive: names
 * are only keys in this table, never file system paths.
 */
final class EntryTable {
    private static final int MAX_LINK_HOPS = 16;

    enum Kind { FILE, SYMLINK, HARDLINK, OTHER }

    /** One archive entry; {@code ordinal} is its position, {@code offset} where its data starts (plain tar). */
    record Entry(String name, Kind kind, long size, long offset, int ordinal, String link) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    /** Later entries replace earlier ones of the same name, as extraction would. */
    void add(Entry entry) {
        String key = normalize(entry.name());
        if (key != null && !key.isEmpty()) {
            byName.put(key, entry);
        }
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    Iterable<Entry> entries() {
        return byName.values();
    }

    /** The regular file an archive path names, after following links inside the archive. */
    Optional<Entry> resolve(String name) {
        String key = normalize(name);
        for (int hop = 0; key != null && hop <= MAX_LINK_HOPS; hop++) {
            Entry e = byName.get(key);
            if (e == null) {
                return Optional.empty();
            }
            switch (e.kind()) {
                case FILE -> {
                    return Optional.of(e);
                }
                case SYMLINK -> {
                    String link = e.link();
                    int slash = key.lastIndexOf('/');
                    key = link.startsWith("/") || slash < 0 ? normalize(link)
                            : normalize(key.substring(0, slash + 1) + link);
                }
                case HARDLINK -> key = normalize(e.link());
                case OTHER -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** "./a//b/../c/" becomes "a/c"; a name that climbs above the root is null. */
    static String normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}

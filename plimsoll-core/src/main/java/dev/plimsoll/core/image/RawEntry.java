package dev.plimsoll.core.image;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a layer exactly as the layer states it: the name is not normalised yet and may be hostile
 * ({@code ../x}, absolute, whiteout markers). The filesystem view interprets it.
 *
 * @param name     the entry name as written in the layer
 * @param type     entry type
 * @param mode     permission and special bits (07777), without the file-type bits
 * @param uid      owner
 * @param gid      group
 * @param size     content size in bytes (0 for everything but regular files)
 * @param linkName target of a symlink or hard link, as written
 */
public record RawEntry(String name, FileType type, int mode, long uid, long gid, long size, Optional<String> linkName) {
    public RawEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(linkName, "linkName");
        if (size < 0) {
            throw new IllegalArgumentException("negative size for entry " + name);
        }
    }
}

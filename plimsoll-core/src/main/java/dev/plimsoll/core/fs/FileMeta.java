package dev.plimsoll.core.fs;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of the image as the view knows it.
 *
 * @param path       normalised absolute path ("/etc/os-release"): no "..", no "." segments, no trailing slash
 * @param type       file type; a hard link is reported as the type of what it links to, with linkTarget set
 * @param mode       permission and special bits (07777)
 * @param uid        owner
 * @param gid        group
 * @param size       content size in bytes
 * @param linkTarget symlink target as written, or the normalised absolute path of a hard link's target
 * @param layer      the layer that wrote this copy of the file
 * @param visibility whether a container sees this copy
 */
public record FileMeta(String path, FileType type, int mode, long uid, long gid, long size,
                       Optional<String> linkTarget, LayerRef layer, Visibility visibility) {
    public static final int SETUID = 04000;
    public static final int SETGID = 02000;
    public static final int STICKY = 01000;

    public FileMeta {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(visibility, "visibility");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
    }

    public boolean isRegular() {
        return type == FileType.REGULAR;
    }

    /** The last path segment; "/" for the root. */
    public String basename() {
        int slash = path.lastIndexOf('/');
        return slash == path.length() - 1 ? path : path.substring(slash + 1);
    }

    public FileMeta withVisibility(Visibility v) {
        return new FileMeta(path, type, mode, uid, gid, size, linkTarget, layer, v);
    }
}

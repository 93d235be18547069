package dev.plimsoll.core.finding;

import java.util.Objects;

/** What was scanned: an image, a directory, a Dockerfile, a host… {@code name} is the user's name for it. */
public record Target(Kind kind, String name) {
    public enum Kind { IMAGE, ROOTFS, FILESYSTEM, DOCKERFILE, MANIFEST, HOST, CONTAINER, REPOSITORY }

    public Target {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}

package dev.plimsoll.core.fs;

/** Whether a container sees a file: the squashed view holds VISIBLE files only. */
public enum Visibility {
    /** The file as the container sees it. */
    VISIBLE,
    /** An older copy of a path that a higher layer replaced. */
    SHADOWED,
    /** Deleted by a whiteout or an opaque directory in a higher layer. */
    WHITED_OUT;

    public boolean deleted() {
        return this != VISIBLE;
    }
}

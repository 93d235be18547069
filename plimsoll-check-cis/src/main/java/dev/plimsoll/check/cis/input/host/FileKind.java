package dev.plimsoll.check.cis.input.host;

/** The file types the host checks tell apart, from the {@code st_mode} type bits. */
public enum FileKind {
    REGULAR, DIRECTORY, SYMLINK, SOCKET, OTHER;

    static FileKind ofMode(int stMode) {
        return switch (stMode & 0170000) {
            case 0100000 -> REGULAR;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            case 0140000 -> SOCKET;
            default -> OTHER;
        };
    }
}

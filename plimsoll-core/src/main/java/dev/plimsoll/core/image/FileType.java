package dev.plimsoll.core.image;

/** The type of a layer entry or file, as tar and stat know them. */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, SOCKET, OTHER;

    public boolean isDevice() {
        return this == CHAR_DEVICE || this == BLOCK_DEVICE;
    }
}

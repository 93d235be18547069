package dev.plimsoll.vulndb.build.feedio;

import java.io.IOException;

/** A feed file (or its decompressed content) over the size a parser accepts. */
public final class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public FileTooLargeException(long size, long maxBytes) {
        super("file has " + size + " bytes, over the " + maxBytes + "-byte bound");
    }

    public FileTooLargeException(long maxBytes) {
        super("content is over the " + maxBytes + "-byte bound");
    }
}

package dev.plimsoll.image.blob;

import java.io.IOException;
import java.io.InputStream;

/** The stored bytes of one blob or archive entry; re-openable, each stream independent of the others. */
public interface BlobSource {
    /** Where the bytes live, for messages: a layout-relative path or an archive entry name. */
    String name();

    /** Size in bytes as stored. */
    long size();

    /** A fresh, unbuffered stream over the stored bytes; callers buffer. */
    InputStream open() throws IOException;

    /** Says the bytes will be wanted soon: a remote blob starts downloading. Local blobs need nothing. */
    default void prefetch() {
    }
}

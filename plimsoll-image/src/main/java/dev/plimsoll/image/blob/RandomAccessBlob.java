package dev.plimsoll.image.blob;

import java.io.IOException;

/** A blob that lies in place in a regular file (a layout's blob file, an entry of an uncompressed archive). */
public interface RandomAccessBlob extends BlobSource {
    /** Opens the blob's bytes for positional reads; the caller closes the range. */
    FileRange openRange() throws IOException;
}

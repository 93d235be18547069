package dev.plimsoll.image.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A blob that is a whole regular file, checked to be inside its layout before this is made. */
public record PathBlob(String name, Path path, long size) implements RandomAccessBlob {
    @Override
    public InputStream open() throws IOException {
        return new RangeInputStream(channel(), 0, size, true);
    }

    @Override
    public FileRange openRange() throws IOException {
        return new FileRange(channel(), true, path, 0, size);
    }

    private FileChannel channel() throws IOException {
        // NOFOLLOW_LINKS: a blob swapped for a symlink after validation is refused, not followed
        return FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
}

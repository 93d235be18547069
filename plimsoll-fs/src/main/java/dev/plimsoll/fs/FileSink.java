package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileEntry;
import java.io.IOException;
import java.util.BitSet;

/** Receives the files analyzers want, as the walk meets them. */
@FunctionalInterface
public interface FileSink {
    /**
     * One wanted file, called on the walker's thread; {@code analyzers} are the indices (as given to
     * {@link InterestIndex#compile}) that want it and may receive it (its size is within their maxBytes). The entry
     * stays readable ({@link FileEntry#open()} re-openable) after the call, until the {@link SquashedView} is closed.
     * An exception stops the walk.
     */
    void accept(FileEntry entry, BitSet analyzers) throws IOException;
}

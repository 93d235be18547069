package dev.plimsoll.fs;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image held in memory: one uncompressed tar per layer, bottom first. It counts how often each layer was opened
 * and how often a reader was read to its end, so tests can check that the walk verifies every layer.
 */
final class TestImage implements Image {
    private final List<byte[]> tars;
    private final List<LayerRef> refs;
    private final int[] opened;
    private final int[] readToEnd;

    private TestImage(List<byte[]> tars) {
        this.tars = List.copyOf(tars);
        List<LayerRef> r = new ArrayList<>();
        for (int i = 0; i < tars.size(); i++) {
            Digest diffId = Digest.sha256(sha256(tars.get(i)));
            r.add(new LayerRef(i, Optional.of(diffId), Optional.of(diffId), tars.get(i).length, Optional.empty(),
                    Optional.of("layer " + i)));
        }
        this.refs = List.copyOf(r);
        this.opened = new int[tars.size()];
        this.readToEnd = new int[tars.size()];
    }

    /** Layers bottom first, as the image lists them. */
    static TestImage of(byte[]... tarsBottomFirst) {
        return new TestImage(List.of(tarsBottomFirst));
    }

    static TestImage of(List<byte[]> tarsBottomFirst) {
        return new TestImage(tarsBottomFirst);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int opened(int layer) {
        return opened[layer];
    }

    int readToEnd(int layer) {
        return readToEnd[layer];
    }

    @Override
    public ImageSummary summary() {
        return new ImageSummary("test-image", "memory", List.of(), Optional.empty(), Optional.empty(),
                Platform.LINUX_AMD64);
    }

    @Override
    public ImageConfig config() {
        return ImageConfig.empty(Platform.LINUX_AMD64);
    }

    @Override
    public List<LayerRef> layers() {
        return refs;
    }

    @Override
    public LayerReader openLayer(LayerRef layer) {
        int i = layer.index();
        opened[i]++;
        return new TarLayerReader(new TarArchiveInputStream(new ByteArrayInputStream(tars.get(i))),
                () -> readToEnd[i]++);
    }

    @Override
    public void close() {
    }

    /** A LayerReader over commons-compress, mapping tar types the way the image module does. */
    static final class TarLayerReader implements LayerReader {
        private final TarArchiveInputStream in;
        private final Runnable atEnd;
        private boolean ended;

        TarLayerReader(TarArchiveInputStream in, Runnable atEnd) {
            this.in = in;
            this.atEnd = atEnd;
        }

        @Override
        public RawEntry next() throws IOException {
            TarArchiveEntry e = in.getNextEntry();
            if (e == null) {
                if (!ended) {
                    ended = true;
                    atEnd.run();
                }
                return null;
            }
            FileType type;
            if (e.isSymbolicLink()) {
                type = FileType.SYMLINK;
            } else if (e.isLink()) {
                type = FileType.HARDLINK;
            } else if (e.isDirectory()) {
                type = FileType.DIRECTORY;
            } else if (e.isCharacterDevice()) {
                type = FileType.CHAR_DEVICE;
            } else if (e.isBlockDevice()) {
                type = FileType.BLOCK_DEVICE;
            } else if (e.isFIFO()) {
                type = FileType.FIFO;
            } else if (e.isFile()) {
                type = FileType.REGULAR;
            } else {
                type = FileType.OTHER;
            }
            String link = e.getLinkName();
            return new RawEntry(e.getName(), type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(),
                    type == FileType.REGULAR ? e.getSize() : 0,
                    link == null || link.isEmpty() ? Optional.empty() : Optional.of(link));
        }

        @Override
        public InputStream content() {
            return in;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

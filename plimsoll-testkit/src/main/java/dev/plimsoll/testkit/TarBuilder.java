package dev.plimsoll.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds tar archives for tests, hostile ones included: names are written as given ("../x", "/abs", duplicates),
 * so tests can craft every attack a layer can carry.
 */
public final class TarBuilder {
    private final List<Item> items = new ArrayList<>();

    private record Item(String name, byte type, int mode, long uid, long gid, byte[] content, String link,
                        long declaredSize) {
    }

    public static TarBuilder tar() {
        return new TarBuilder();
    }

    public TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TarBuilder file(String name, byte[] content) {
        return file(name, content, 0644);
    }

    public TarBuilder file(String name, byte[] content, int mode) {
        return file(name, content, mode, 0, 0);
    }

    public TarBuilder file(String name, byte[] content, int mode, long uid, long gid) {
        items.add(new Item(name, TarConstants.LF_NORMAL, mode, uid, gid, content, null, content.length));
        return this;
    }

    public TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    public TarBuilder dir(String name, int mode) {
        items.add(new Item(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode, 0, 0, new byte[0],
                null, 0));
        return this;
    }

    public TarBuilder symlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_SYMLINK, 0777, 0, 0, new byte[0], target, 0));
        return this;
    }

    public TarBuilder hardlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_LINK, 0644, 0, 0, new byte[0], target, 0));
        return this;
    }

    public TarBuilder charDevice(String name) {
        items.add(new Item(name, TarConstants.LF_CHR, 0666, 0, 0, new byte[0], null, 0));
        return this;
    }

    public TarBuilder blockDevice(String name) {
        items.add(new Item(name, TarConstants.LF_BLK, 0660, 0, 0, new byte[0], null, 0));
        return this;
    }

    public TarBuilder fifo(String name) {
        items.add(new Item(name, TarConstants.LF_FIFO, 0644, 0, 0, new byte[0], null, 0));
        return this;
    }

    /** A whiteout for {@code path} ("dir/.wh.name"). */
    public TarBuilder whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        String base = path.substring(slash + 1);
        return file(dir + ".wh." + base, new byte[0]);
    }

    /** An opaque-directory marker for {@code dir} ("dir/.wh..wh..opq"). */
    public TarBuilder opaque(String dir) {
        return file((dir.endsWith("/") ? dir : dir + "/") + ".wh..wh..opq", new byte[0]);
    }

    public byte[] build() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                // preserveAbsolutePath: hostile names must reach the reader as written
                TarArchiveEntry e = new TarArchiveEntry(item.name, item.type, true);
                e.setMode(item.mode);
                e.setUserId(item.uid);
                e.setGroupId(item.gid);
                e.setModTime(0);
                if (item.link != null) {
                    e.setLinkName(item.link);
                }
                if (item.type == TarConstants.LF_NORMAL) {
                    e.setSize(item.declaredSize);
                }
                out.putArchiveEntry(e);
                if (item.type == TarConstants.LF_NORMAL) {
                    out.write(item.content);
                }
                out.closeArchiveEntry();
            }
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zstd(byte[] data) {
        return com.github.luben.zstd.Zstd.compress(data, 3);
    }
}

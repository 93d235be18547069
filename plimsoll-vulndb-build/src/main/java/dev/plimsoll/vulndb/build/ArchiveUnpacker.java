package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Lays a downloaded file out under the staging root as its {@link Download} says, treating the archive as hostile:
 * entry names that are absolute, climb with {@code ..} or hold a backslash or NUL fail the update; links are never
 * created (one pointing outside the target fails the update, others are left out); device and FIFO entries are
 * left out; a duplicate name fails; entry count, each entry's size and the total are bounded, counting the bytes
 * actually inflated rather than what headers claim.
 */
final class ArchiveUnpacker {
    private final UpdateConfig.UnpackLimits limits;

    ArchiveUnpacker(UpdateConfig.UnpackLimits limits) {
        this.limits = limits;
    }

    /** What unpacking did. */
    record Unpacked(int files, long bytes, int linksLeftOut, int othersLeftOut) {
    }

    Unpacked unpack(Download download, Path downloaded, Path stagingRoot) throws UpdateException {
        String what = download.key() + " (" + download.target() + ")";
        String target = relative(download.target())
                .orElseThrow(() -> new UpdateException(what + ": target is not a relative path inside the data root"));
        Path dest = stagingRoot.resolve(target).normalize();
        try {
            return switch (download.unpack()) {
                case NONE -> placeFile(downloaded, dest);
                case GUNZIP -> gunzip(what, downloaded, dest);
                case ZIP -> zip(what, download.stripPrefix(), downloaded, dest);
                case TAR_GZ -> tarGz(what, download.stripPrefix(), downloaded, dest);
            };
        } catch (UpdateException e) {
            throw e;
        } catch (IOException e) {
            throw new UpdateException(what + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    private static Unpacked placeFile(Path downloaded, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        try {
            // The cache keeps its copy; a hard link saves copying hundreds of MiB when the file system allows it.
            Files.createLink(dest, downloaded);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(downloaded, dest);
        }
        return new Unpacked(1, Files.size(dest), 0, 0);
    }

    private Unpacked gunzip(String what, Path downloaded, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(downloaded), 1 << 16)) {
            long n = copy(what, in, dest, limits.maxEntryBytes());
            return new Unpacked(1, n, 0, 0);
        }
    }

    private Unpacked zip(String what, String prefix, Path downloaded, Path dest) throws IOException {
        Progress p = new Progress(what, dest);
        try (ZipFile zip = ZipFile.builder().setPath(downloaded).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                p.countEntry();
                Optional<String> rel = p.place(e.getName(), prefix);
                if (rel.isEmpty()) {
                    continue;
                }
                if (e.isUnixSymlink()) {
                    p.link(rel.get(), zip.getUnixSymlink(e), false);
                } else if (e.isDirectory()) {
                    p.directory(rel.get());
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        p.file(rel.get(), in);
                    }
                }
            }
        }
        return p.done(prefix);
    }

    private Unpacked tarGz(String what, String prefix, Path downloaded, Path dest) throws IOException {
        Progress p = new Progress(what, dest);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(downloaded), 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                p.countEntry();
                if (e.isGlobalPaxHeader()) {
                    continue;
                }
                Optional<String> rel = p.place(e.getName(), prefix);
                if (rel.isEmpty()) {
                    continue;
                }
                if (e.isSymbolicLink() || e.isLink()) {
                    p.link(rel.get(), e.getLinkName(), e.isLink());
                } else if (e.isDirectory()) {
                    p.directory(rel.get());
                } else if (isRegularFile(e)) {
                    p.file(rel.get(), tar);
                } else {
                    p.others++;
                }
            }
        }
        return p.done(prefix);
    }

    /**
     * By the type flag alone: commons-compress's {@code isFile()} also says yes to devices, FIFOs and links, whose
     * names do not end in '/'.
     */
    static boolean isRegularFile(TarArchiveEntry e) {
        byte flag = e.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }

    /** Entry bookkeeping and the checks every entry goes through, whichever archive format it came from. */
    private final class Progress {
        private final String what;
        private final Path dest;
        private int entries;
        private int files;
        private long total;
        private int links;
        private int others;
        private int placed;

        Progress(String what, Path dest) throws IOException {
            this.what = what;
            this.dest = dest;
            Files.createDirectories(dest);
        }

        void countEntry() throws UpdateException {
            if (++entries > limits.maxEntries()) {
                throw new UpdateException(what + ": more than " + limits.maxEntries() + " archive entries");
            }
        }

        /** The entry's path below the target, or empty when it lies outside the prefix (or is the prefix). */
        Optional<String> place(String name, String prefix) throws UpdateException {
            String rel = relative(name).orElseThrow(() -> new UpdateException(what
                    + ": archive entry '" + printable(name) + "' is absolute, climbs out with '..' or holds a "
                    + "backslash or NUL: refusing the archive"));
            String stripped;
            if (prefix.isEmpty()) {
                stripped = rel;
            } else {
                String p = prefix.substring(0, prefix.length() - 1);
                if (!rel.startsWith(p + "/")) {
                    return Optional.empty();
                }
                stripped = rel.substring(p.length() + 1);
            }
            if (stripped.isEmpty()) {
                return Optional.empty();
            }
            placed++;
            return Optional.of(stripped);
        }

        void directory(String rel) throws IOException {
            Files.createDirectories(resolve(rel));
        }

        void file(String rel, InputStream in) throws IOException {
            Path out = resolve(rel);
            Files.createDirectories(out.getParent());
            long n = copy(what + ": " + rel, in, out, Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total));
            total += n;
            files++;
        }

        /** Links are never created; one that would point outside the target means the archive is hostile. */
        void link(String rel, String target, boolean hard) throws UpdateException {
            Path from = hard ? dest : resolve(rel).getParent();
            boolean escapes = target == null || target.isEmpty() || target.startsWith("/") || target.contains("\\")
                    || target.matches("^[A-Za-z]:.*") || !from.resolve(target).normalize().startsWith(dest);
            if (escapes) {
                throw new UpdateException(what + ": archive link '" + printable(rel) + "' -> '"
                        + printable(String.valueOf(target)) + "' points outside the target: refusing the archive");
            }
            links++;
        }

        private Path resolve(String rel) throws UpdateException {
            Path p = dest.resolve(rel).normalize();
            if (!p.startsWith(dest) || p.equals(dest)) {
                throw new UpdateException(what + ": archive entry '" + printable(rel) + "' escapes the target");
            }
            return p;
        }

        Unpacked done(String prefix) throws UpdateException {
            if (!prefix.isEmpty() && placed == 0) {
                throw new UpdateException(what + ": the archive has nothing under '" + prefix + "'");
            }
            return new Unpacked(files, total, links, others);
        }
    }

    /**
     * Copies at most {@code max} bytes to a new file (never through an existing file or link); more is an error.
     */
    private static long copy(String what, InputStream in, Path out, long max) throws IOException {
        long n = 0;
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) >= 0) {
                n += r;
                if (n > max) {
                    throw new UpdateException(what + ": unpacks to more than " + max + " bytes: refusing it");
                }
                o.write(buf, 0, r);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UpdateException(what + ": the archive holds the same name twice: refusing it");
        }
        return n;
    }

    /** A safe relative path: no absolute form, no '..', no backslash or NUL; '.' and empty segments dropped. */
    static Optional<String> relative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : name.split("/")) {
            if (seg.equals("..")) {
                return Optional.empty();
            }
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(seg);
        }
        return Optional.of(sb.toString());
    }

    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

package dev.plimsoll.vulndb.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.luben.zstd.ZstdOutputStream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.vulndb.DbCounts;
import dev.plimsoll.vulndb.DbMetadata;
import dev.plimsoll.vulndb.SourceInfo;
import dev.plimsoll.vulndb.VulnDbException;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * A database packed for moving to machines without network access ({@code db export} / {@code db import}): a tar
 * (zstd- or gzip-compressed, chosen by the output name) holding {@value #METADATA}, {@value #CHECKSUM} and
 * {@value #DB}. Import checks the SHA-256 and then every checksum inside the database before it installs it
 * atomically; a bad archive leaves the installed database alone.
 */
public final class DbArchive {
    public static final String DB = "vulndb.db";
    public static final String CHECKSUM = "vulndb.db.sha256";
    public static final String METADATA = "metadata.json";
    private static final long MAX_SMALL_ENTRY = 1 << 20;
    private static final Pattern SHA256_LINE = Pattern.compile("^([0-9a-fA-F]{64})\\s+\\*?" + Pattern.quote(DB)
            + "\\s*$", Pattern.MULTILINE);

    private final long maxDbBytes;

    /** Imports databases of up to 4 GiB. */
    public DbArchive() {
        this(4L << 30);
    }

    public DbArchive(long maxDbBytes) {
        this.maxDbBytes = maxDbBytes;
    }

    /** What was exported or imported. */
    public record Result(Path file, String sha256, DbMetadata metadata, DbCounts counts) {
    }

    private enum Compression { ZSTD, GZIP }

    /**
     * Writes {@code dbFile} (verified first, so a damaged database is not passed on) to {@code out}: ".tar.zst" or
     * ".tar.gz"/".tgz". The archive is written beside {@code out} and renamed into place.
     */
    public Result export(Path dbFile, Path out) throws IOException {
        Compression compression = compressionFor(out);
        DbMetadata metadata;
        DbCounts counts;
        try (VulnDbReader db = VulnDbReader.open(dbFile)) {
            counts = db.verify();
            metadata = db.metadata();
        }
        String sha = HttpFetcher.sha256Hex(dbFile);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName() + ".", ".tmp");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream compressed = compression == Compression.ZSTD ? new ZstdOutputStream(file, 9)
                         : new GzipCompressorOutputStream(file);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                putBytes(tar, METADATA, metadataJson(metadata, counts).getBytes(StandardCharsets.UTF_8), metadata);
                putBytes(tar, CHECKSUM, (sha + "  " + DB + "\n").getBytes(StandardCharsets.US_ASCII), metadata);
                TarArchiveEntry e = new TarArchiveEntry(DB);
                e.setSize(Files.size(dbFile));
                e.setModTime(metadata.builtAt().toEpochMilli());
                tar.putArchiveEntry(e);
                Files.copy(dbFile, tar);
                tar.closeArchiveEntry();
                tar.finish();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            readableByAll(tmp);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Result(out, sha, metadata, counts);
    }

    /** Temporary files are created owner-only; a database (like the archive) is not secret. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void putBytes(TarArchiveOutputStream tar, String name, byte[] content, DbMetadata m)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setModTime(m.builtAt().toEpochMilli());
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static Compression compressionFor(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.zst") || name.endsWith(".tzst")) {
            return Compression.ZSTD;
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Compression.GZIP;
        }
        throw new IllegalArgumentException(out + ": name the archive .tar.zst or .tar.gz");
    }

    /**
     * Installs the database inside {@code archive} at {@code dbFile}: unpacked beside it, its SHA-256 compared with
     * the archive's checksum entry, opened and fully verified (schema version, every page and record), then renamed
     * over {@code dbFile} atomically. Anything wrong throws with the archive's name, and {@code dbFile} is untouched.
     */
    public Result importArchive(Path archive, Path dbFile) throws IOException {
        Path target = dbFile.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".import");
        try {
            Optional<String> published = Optional.empty();
            String actual = null;
            boolean metadataSeen = false;
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                 InputStream decompressed = decompress(archive, raw);
                 TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (!ArchiveUnpacker.isRegularFile(e)) {
                        throw new IOException(archive + ": unexpected entry '" + e.getName()
                                + "' (not a regular file)");
                    }
                    switch (e.getName()) {
                        case DB -> {
                            if (actual != null) {
                                throw new IOException(archive + ": holds " + DB + " twice");
                            }
                            actual = copyHashing(archive, tar, tmp);
                        }
                        case CHECKSUM -> {
                            if (published.isPresent()) {
                                throw new IOException(archive + ": holds " + CHECKSUM + " twice");
                            }
                            published = Optional.of(parseChecksum(archive, readSmall(archive, tar, CHECKSUM)));
                        }
                        case METADATA -> {
                            readSmall(archive, tar, METADATA);   // informational: the database carries its own
                            metadataSeen = true;
                        }
                        default -> throw new IOException(archive + ": unexpected entry '" + e.getName() + "'");
                    }
                }
            }
            if (actual == null) {
                throw new IOException(archive + ": no " + DB + " in it");
            }
            if (published.isEmpty()) {
                throw new IOException(archive + ": no " + CHECKSUM + " in it, so the database cannot be checked");
            }
            if (!published.get().equalsIgnoreCase(actual)) {
                throw new IOException(archive + ": checksum mismatch: " + CHECKSUM + " says " + published.get()
                        + ", " + DB + " has " + actual);
            }
            DbMetadata metadata;
            DbCounts counts;
            try (VulnDbReader db = VulnDbReader.open(tmp)) {
                counts = db.verify();
                metadata = db.metadata();
            } catch (VulnDbException e) {
                throw new IOException(archive + ": the database inside is unusable: " + e.reason(), e);
            }
            if (!metadataSeen) {
                throw new IOException(archive + ": no " + METADATA + " in it");
            }
            readableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Result(target, actual.toLowerCase(Locale.ROOT), metadata, counts);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** By the first bytes, not the name: zstd (28 B5 2F FD) or gzip (1F 8B). */
    private static InputStream decompress(Path archive, InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length == 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5 && (magic[2] & 0xFF) == 0x2F
                && (magic[3] & 0xFF) == 0xFD) {
            return new ZstdCompressorInputStream(in);
        }
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new GZIPInputStream(in, 1 << 16);   // reads concatenated members too
        }
        throw new IOException(archive + ": not a .tar.zst or .tar.gz database archive");
    }

    private String copyHashing(Path archive, InputStream in, Path out) throws IOException {
        MessageDigest sha = HttpFetcher.sha256();
        long n = 0;
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) >= 0) {
                n += r;
                if (n > maxDbBytes) {
                    throw new IOException(archive + ": " + DB + " is larger than " + maxDbBytes + " bytes");
                }
                sha.update(buf, 0, r);
                o.write(buf, 0, r);
            }
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String readSmall(Path archive, InputStream in, String name) throws IOException {
        byte[] b = in.readNBytes((int) MAX_SMALL_ENTRY + 1);
        if (b.length > MAX_SMALL_ENTRY) {
            throw new IOException(archive + ": " + name + " is larger than " + MAX_SMALL_ENTRY + " bytes");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String parseChecksum(Path archive, String text) throws IOException {
        Matcher m = SHA256_LINE.matcher(text);
        if (!m.find()) {
            throw new IOException(archive + ": " + CHECKSUM + " has no \"<sha256>  " + DB + "\" line");
        }
        return m.group(1);
    }

    /**
     * The metadata as JSON, for the archive and for {@code db info -f json}: schema, build time, counts, and per
     * source its location, fetch time, data date, records, skipped and first error.
     */
    public static String metadataJson(DbMetadata metadata, DbCounts counts) {
        FeedJson json = new FeedJson();
        ObjectNode root = json.mapper().createObjectNode();
        root.put("schemaVersion", metadata.schemaVersion());
        root.put("builtAt", metadata.builtAt().toString());
        root.put("packages", counts.packages());
        root.put("advisories", counts.advisories());
        root.put("cves", counts.cves());
        ArrayNode sources = root.putArray("sources");
        for (SourceInfo s : metadata.sources()) {
            ObjectNode n = sources.addObject();
            n.put("feed", s.feed());
            n.put("location", s.location());
            n.put("fetchedAt", s.fetchedAt().toString());
            s.dataDate().ifPresent(d -> n.put("dataDate", d.toString()));
            n.put("records", s.records());
            n.put("skipped", s.skipped());
            s.firstError().ifPresent(e -> n.put("firstError", e));
        }
        try {
            return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}

package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads rpm's installed-package database in any of its three formats, in pure Java (sqlite through sqlite-jdbc).
 *
 * <p>The result holds one {@link RpmPackage} per header record, ordered by rpm's record number (sqlite hnum, ndb
 * package index, Berkeley DB key), which is install order. gpg-pubkey pseudo-packages are left out: {@code rpm -qa}
 * lists them, but they are imported signing keys, not installed software, and matching them against vulnerability
 * data only produces noise (Trivy skips them too).
 *
 * <p>Nothing is written: not to the database, not next to it. Any defect (wrong magic, truncation, out-of-range
 * offsets or counts, a limit exceeded, a malformed header) fails the whole read with an {@link RpmDbException} that
 * names the file, the record and the defect; a partial package list would let a scanner report an image as clean.
 */
public final class RpmDatabase {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NDB_MAGIC = "RpmP".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_BYTES = 16;
    private static final int BDB_MAGIC_OFFSET = 12;

    private RpmDatabase() {
    }

    /**
     * Detects the format by magic bytes: "SQLite format 3\0" at 0; the ndb package file's "RpmP" at 0; the Berkeley DB
     * hash magic 0x061561 at offset 12 in either byte order.
     *
     * @throws RpmDbException if the file starts with none of them (a Berkeley DB btree, such as rpm's index files,
     *                        is named as such)
     */
    public static RpmDbFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAGIC_BYTES);
        }
        if (Arrays.equals(head, SQLITE_MAGIC)) {
            return RpmDbFormat.SQLITE;
        }
        if (head.length >= NDB_MAGIC.length && Arrays.equals(head, 0, NDB_MAGIC.length, NDB_MAGIC, 0,
            NDB_MAGIC.length)) {
            return RpmDbFormat.NDB;
        }
        if (head.length == MAGIC_BYTES) {
            int little = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(BDB_MAGIC_OFFSET);
            int big = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(BDB_MAGIC_OFFSET);
            if (little == BdbHashPackages.HASH_MAGIC || big == BdbHashPackages.HASH_MAGIC) {
                return RpmDbFormat.BDB_HASH;
            }
            if (little == BdbHashPackages.BTREE_MAGIC || big == BdbHashPackages.BTREE_MAGIC) {
                throw new RpmDbException(file + ": a Berkeley DB btree, not rpm's hash Packages database (an index"
                    + " such as Name or Basenames?)");
            }
        }
        throw new RpmDbException(file + ": not an rpm package database: no SQLite, ndb (\"RpmP\") or Berkeley DB"
            + " hash magic in its first " + head.length + " bytes");
    }

    /**
     * Reads every package header of the database.
     *
     * @throws RpmDbException if the file is not an rpm database, is larger than {@link RpmLimits#maxFileBytes()},
     *                        holds more than {@link RpmLimits#maxPackages()} records or a header over
     *                        {@link RpmLimits#maxHeaderBytes()}, or anything in it is malformed
     * @throws IOException    if the file cannot be read
     */
    public static List<RpmPackage> read(Path file, RpmLimits limits) throws IOException, RpmDbException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new RpmDbException(file + ": " + size + " bytes exceed the limit of " + limits.maxFileBytes());
        }
        RpmDbFormat format = detect(file);
        Collector collector = new Collector(limits);
        try {
            switch (format) {
                case SQLITE -> SqlitePackages.read(file, limits, collector);
                case NDB -> NdbPackages.read(file, limits, collector);
                case BDB_HASH -> BdbHashPackages.read(file, limits, collector);
            }
        } catch (RpmDbException e) {
            throw new RpmDbException(file + " (" + format + "): " + e.getMessage(), e);
        }
        return collector.packages();
    }

    private record Numbered(long recordNumber, RpmPackage rpmPackage) {
    }

    /** Counts, parses and keeps the headers a backend hands over, adding the record to any error. */
    private static final class Collector implements HeaderSink {
        private final RpmLimits limits;
        private final List<Numbered> found = new ArrayList<>();
        private int records;

        Collector(RpmLimits limits) {
            this.limits = limits;
        }

        @Override
        public void accept(long recordNumber, String where, byte[] blob) throws RpmDbException {
            if (++records > limits.maxPackages()) {
                throw new RpmDbException(where + ": more than " + limits.maxPackages()
                    + " package records (limit maxPackages)");
            }
            if (blob.length > limits.maxHeaderBytes()) {
                throw new RpmDbException(where + ": header blob of " + blob.length + " bytes exceeds the limit of "
                    + limits.maxHeaderBytes());
            }
            RpmPackage rpmPackage;
            try {
                rpmPackage = RpmPackage.fromHeader(RpmHeader.parse(blob));
            } catch (RpmDbException e) {
                throw new RpmDbException(where + ": " + e.getMessage(), e);
            }
            if (!rpmPackage.isGpgPubkey()) {
                found.add(new Numbered(recordNumber, rpmPackage));
            }
        }

        List<RpmPackage> packages() {
            found.sort(Comparator.comparingLong(Numbered::recordNumber));
            return found.stream().map(Numbered::rpmPackage).toList();
        }
    }
}

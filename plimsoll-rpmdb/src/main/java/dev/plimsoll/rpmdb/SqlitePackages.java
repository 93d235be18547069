package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * rpm ≥ 4.16's sqlite database: table {@code Packages(hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)},
 * one header blob per installed package; the other tables are indexes we do not need.
 *
 * <p>The file belongs to an image being scanned, so it is opened read-only and {@code immutable=1}: sqlite then takes
 * no locks and neither reads nor creates {@code -wal}/{@code -shm} files, and nothing is written next to the database.
 * rpm keeps the database in WAL mode and leaves an empty {@code -wal} after a clean close, which immutable mode can
 * ignore. A non-empty {@code -wal} holds committed transactions that rpm itself would see (an image snapshotted while
 * rpm ran): then the database and its log are copied to a private temporary directory and opened there, so the log is
 * applied without touching the image.
 */
final class SqlitePackages {
    private static final String TABLE_EXISTS = "SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?";
    /** Blobs over the limit are not fetched at all; their length alone is enough to reject them. */
    private static final String HEADERS =
        "SELECT hnum, length(blob), CASE WHEN length(blob) <= ? THEN blob END FROM Packages ORDER BY hnum";

    private SqlitePackages() {
    }

    static void read(Path file, RpmLimits limits, HeaderSink sink) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        long walBytes = Files.isRegularFile(wal, LinkOption.NOFOLLOW_LINKS) ? Files.size(wal) : 0;
        if (walBytes == 0) {
            query(url(file, true), limits, sink);
            return;
        }
        long total = Files.size(file) + walBytes;
        if (total > limits.maxFileBytes()) {
            throw new RpmDbException("database and its write-ahead log hold " + total
                + " bytes, more than the limit of " + limits.maxFileBytes());
        }
        Path copy = Files.createTempDirectory("plimsoll-rpmdb-");
        try {
            Path db = copy.resolve("rpmdb.sqlite");
            Files.copy(file, db);
            Files.copy(wal, copy.resolve("rpmdb.sqlite-wal"));
            query(url(db, false), limits, sink);
        } finally {
            deleteTree(copy);
        }
    }

    private static void query(String url, RpmLimits limits, HeaderSink sink) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        try (Connection connection = config.createConnection(url)) {
            try (PreparedStatement exists = connection.prepareStatement(TABLE_EXISTS)) {
                exists.setString(1, "table");
                exists.setString(2, "Packages");
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new RpmDbException("sqlite database has no Packages table: not an rpm database");
                    }
                }
            }
            try (PreparedStatement headers = connection.prepareStatement(HEADERS)) {
                headers.setInt(1, limits.maxHeaderBytes());
                try (ResultSet rs = headers.executeQuery()) {
                    while (rs.next()) {
                        long hnum = rs.getLong(1);
                        long length = rs.getLong(2);
                        String where = "hnum " + hnum;
                        if (length > limits.maxHeaderBytes()) {
                            throw new RpmDbException(where + ": header blob of " + length
                                + " bytes exceeds the limit of " + limits.maxHeaderBytes());
                        }
                        byte[] blob = rs.getBytes(3);
                        if (blob == null) {
                            throw new RpmDbException(where + ": header blob is NULL");
                        }
                        sink.accept(hnum, where, blob);
                    }
                }
            }
        } catch (SQLException e) {
            throw new RpmDbException("sqlite: " + e.getMessage(), e);
        }
    }

    /**
     * A sqlite URI filename for {@code file}: every byte outside the unreserved set is percent-encoded, so '?', '#'
     * and '%' in a path cannot be read as URI syntax.
     */
    static String url(Path file, boolean immutable) {
        StringBuilder url = new StringBuilder("jdbc:sqlite:file:");
        for (byte b : file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
            if (plain) {
                url.append((char) c);
            } else {
                url.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return url.append(immutable ? "?mode=ro&immutable=1" : "?mode=ro").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

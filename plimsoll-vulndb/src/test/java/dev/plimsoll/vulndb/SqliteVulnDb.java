package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite engine the file format was measured against (VulnDbBench): a row per advisory holding its binary
 * encoding, indexed by package key; CVE facts merged per CVE into a WITHOUT ROWID table. Same record codec as the
 * file format, so the comparison is of the storage engines, not of the encodings. All SQL is parameterised.
 */
final class SqliteVulnDb implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement findAdvisories;
    private final PreparedStatement findCve;

    private SqliteVulnDb(Connection connection) throws SQLException {
        this.connection = connection;
        this.findAdvisories = connection.prepareStatement("SELECT data FROM advisory WHERE pkg = ?");
        this.findCve = connection.prepareStatement("SELECT data FROM cve WHERE id = ?");
    }

    static SqliteVulnDb open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        return new SqliteVulnDb(DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties()));
    }

    /** Builds the SQLite database from the generator; returns the advisory count. */
    static long build(Path file, SyntheticAdvisories data) throws SQLException, IOException {
        Files.deleteIfExists(file);
        long[] count = {0};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("CREATE TABLE advisory (pkg TEXT NOT NULL, data BLOB NOT NULL)");
                s.execute("CREATE TABLE cve_partial (id TEXT NOT NULL, data BLOB NOT NULL)");
                s.execute("CREATE TABLE cve (id TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO advisory (pkg, data) VALUES (?, ?)")) {
                data.forEachAdvisory(a -> {
                    ByteSink sink = new ByteSink(512);
                    RecordCodec.writeAdvisory(sink, a);
                    try {
                        ins.setString(1, a.pkg().asText());
                        ins.setBytes(2, sink.toByteArray());
                        ins.addBatch();
                        if (++count[0] % 10_000 == 0) {
                            ins.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ins.executeBatch();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO cve_partial (id, data) VALUES (?, ?)")) {
                long[] n = {0};
                data.forEachCveFacts(f -> {
                    ByteSink sink = new ByteSink(256);
                    RecordCodec.writeCveFacts(sink, f);
                    try {
                        ins.setString(1, f.cve());
                        ins.setBytes(2, sink.toByteArray());
                        ins.addBatch();
                        if (++n[0] % 10_000 == 0) {
                            ins.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ins.executeBatch();
            }
            mergeCves(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX advisory_pkg ON advisory (pkg)");
                s.execute("DROP TABLE cve_partial");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM");
            }
        }
        return count[0];
    }

    private static void mergeCves(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id, data FROM cve_partial ORDER BY id, data");
             PreparedStatement ins = c.prepareStatement("INSERT INTO cve (id, data) VALUES (?, ?)");
             ResultSet rs = q.executeQuery()) {
            String current = null;
            List<CveFacts> partials = new ArrayList<>();
            while (rs.next()) {
                String id = rs.getString(1);
                if (current != null && !current.equals(id)) {
                    insertMerged(ins, partials);
                }
                current = id;
                partials.add(RecordCodec.readCveFacts(new ByteSource(rs.getBytes(2))));
            }
            if (!partials.isEmpty()) {
                insertMerged(ins, partials);
            }
            ins.executeBatch();
        }
    }

    private static void insertMerged(PreparedStatement ins, List<CveFacts> partials) throws SQLException {
        CveFacts merged = CveFactsMerge.mergeAll(partials);
        partials.clear();
        ByteSink sink = new ByteSink(256);
        RecordCodec.writeCveFacts(sink, merged);
        ins.setString(1, merged.cve());
        ins.setBytes(2, sink.toByteArray());
        ins.addBatch();
    }

    synchronized List<Advisory> find(PackageKey key) throws SQLException {
        findAdvisories.setString(1, key.asText());
        List<Advisory> out = new ArrayList<>();
        try (ResultSet rs = findAdvisories.executeQuery()) {
            while (rs.next()) {
                out.add(RecordCodec.readAdvisory(new ByteSource(rs.getBytes(1)), key));
            }
        }
        out.sort(Comparator.comparing(Advisory::source).thenComparing(Advisory::id));
        return out;
    }

    synchronized Optional<CveFacts> cveFacts(String id) throws SQLException {
        findCve.setString(1, id);
        try (ResultSet rs = findCve.executeQuery()) {
            return rs.next() ? Optional.of(RecordCodec.readCveFacts(new ByteSource(rs.getBytes(1))))
                    : Optional.empty();
        }
    }

    @Override
    public void close() throws SQLException {
        findAdvisories.close();
        findCve.close();
        connection.close();
    }
}

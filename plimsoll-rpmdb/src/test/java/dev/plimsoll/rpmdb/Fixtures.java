package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The committed databases that src/test/fixtures/make-fixtures.sh built with rpm, rpmbuild and db5.3_load. */
final class Fixtures {
    static final String SQLITE = "sqlite/rpmdb.sqlite";
    static final String BDB_LE = "bdb-le/Packages";
    static final String BDB_BE_512 = "bdb-be-512/Packages";
    static final String BDB_CHECKSUM_1K = "bdb-chksum-1k/Packages";

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/rpmdb/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture rpmdb/" + name + " is missing: run make-fixtures.sh");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines of {@code rpm -qa --qf NAME\tEPOCHNUM\tVERSION\tRELEASE\tARCH\tSOURCERPM}, gpg-pubkey included. */
    static List<String> expectedRpmQa() {
        try {
            return Files.readAllLines(path("expected.tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same six columns for our packages, in the form rpm prints them. */
    static String qaLine(RpmPackage p) {
        return String.join("\t", p.name(), Integer.toString(p.epoch().orElse(0)), p.version(), p.release(),
            p.arch().isEmpty() ? "(none)" : p.arch(), p.sourceRpm().orElse("(none)"));
    }

    /** The header blobs of the sqlite fixture in hnum order, read straight through JDBC (gpg-pubkey included). */
    static List<byte[]> sqliteBlobs() {
        String url = SqlitePackages.url(path(SQLITE), true);
        List<byte[]> blobs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT blob FROM Packages ORDER BY hnum")) {
            while (rs.next()) {
                blobs.add(rs.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return blobs;
    }

    static byte[] sqliteBlobOf(String packageName) throws RpmDbException {
        for (byte[] blob : sqliteBlobs()) {
            if (RpmHeader.parse(blob).string(RpmTag.NAME).orElseThrow().equals(packageName)) {
                return blob;
            }
        }
        throw new IllegalStateException("no package " + packageName + " in the sqlite fixture");
    }
}

package dev.plimsoll.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds fresh databases with the real tools (rpmbuild, rpm, rpmdb, db5.3_load, through make-fixtures.sh) and checks
 * that our reader lists exactly what {@code rpm -qa} lists from them, files included.
 *
 * <p>Without the tools the test is skipped on a developer machine, but fails under CI ({@code CI=true} as system
 * property or environment variable): CI installs Debian's rpm and db5.3-util, so missing tools there mean the check
 * silently stopped running.
 */
@Timeout(300)
class RpmToolComparisonTest {
    private static final String QA_FORMAT =
        "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n";
    private static final String FILES_FORMAT = "[%{=NAME}\\t%{FILENAMES}\\n]";
    private static final List<String> TOOLS = List.of("rpm", "rpmbuild", "rpmdb", "db5.3_load", "perl");

    @TempDir
    static Path tmp;

    private static Path out;

    @BeforeAll
    static void buildDatabasesWithRpm() throws Exception {
        List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
        if (!missing.isEmpty()) {
            String why = "rpm tools missing from PATH: " + missing + " (apt-get install rpm db5.3-util)";
            if (isCi()) {
                Assertions.fail(why + "; CI must install them so the comparison with rpm itself runs");
            }
            Assumptions.abort(why + "; skipping the comparison with rpm itself");
        }
        Path script = Path.of("src/test/fixtures/make-fixtures.sh").toAbsolutePath();
        assertThat(script).as("run from the plimsoll-rpmdb module directory").exists();
        out = tmp.resolve("out");
        String log = run(List.of("bash", script.toString(), out.toString()), tmp);
        assertThat(out.resolve("sqlite/rpmdb.sqlite")).as(log).exists();
    }

    @Test
    void sqliteDatabaseMatchesRpmQa() throws Exception {
        Path root = out.resolve("root");
        Path db = root.resolve("var/lib/rpm/rpmdb.sqlite");
        compare(db, rpmQuery(root, List.of(), QA_FORMAT), rpmQuery(root, List.of(), FILES_FORMAT));
    }

    @Test
    void berkeleyDbDatabasesMatchRpmQa() throws Exception {
        for (String variant : List.of("bdb-le", "bdb-be-512")) {
            Path root = tmp.resolve(variant + "-root");
            Files.createDirectories(root.resolve("var/lib/rpm"));
            Path db = Files.copy(out.resolve(variant + "/Packages"), root.resolve("var/lib/rpm/Packages"));
            List<String> bdb = List.of("--define", "_db_backend bdb_ro");
            compare(db, rpmQuery(root, bdb, QA_FORMAT), rpmQuery(root, bdb, FILES_FORMAT));
        }
    }

    @Test
    void checksummedBerkeleyDbMatchesTheSameList() throws Exception {
        // rpm's bdb_ro cannot read checksummed pages, so the sqlite root's listing is the reference.
        Path root = out.resolve("root");
        compare(out.resolve("bdb-chksum-1k/Packages"), rpmQuery(root, List.of(), QA_FORMAT),
            rpmQuery(root, List.of(), FILES_FORMAT));
    }

    private static void compare(Path db, List<String> rpmQa, List<String> rpmFiles) throws IOException {
        List<RpmPackage> packages = RpmDatabase.read(db, RpmLimits.defaults());

        List<String> expected = rpmQa.stream().filter(l -> !l.startsWith("gpg-pubkey\t")).sorted().toList();
        assertThat(expected).as("rpm -qa of " + db).hasSizeGreaterThanOrEqualTo(5);
        assertThat(packages.stream().map(Fixtures::qaLine).sorted().toList()).as(db.toString()).isEqualTo(expected);

        List<String> expectedFiles = rpmFiles.stream()
            .filter(l -> !l.startsWith("gpg-pubkey\t") && !l.endsWith("\t(none)")).sorted().toList();
        List<String> files = new ArrayList<>();
        for (RpmPackage p : packages) {
            for (String f : p.files()) {
                files.add(p.name() + "\t" + f);
            }
        }
        assertThat(expectedFiles).hasSizeGreaterThan(200);
        assertThat(files.stream().sorted().toList()).as("files of " + db).isEqualTo(expectedFiles);
    }

    private static List<String> rpmQuery(Path root, List<String> options, String format) throws Exception {
        List<String> command = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm"));
        command.addAll(options);
        command.addAll(List.of("-qa", "--qf", format));
        String output = run(command, tmp);
        return Arrays.stream(output.split("\n")).filter(l -> !l.isEmpty()).toList();
    }

    /** Runs a tool with HOME in the temp dir (rpm reads ~/.rpmmacros); stderr is kept apart from the output. */
    private static String run(List<String> command, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(command + " did not finish");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        // rpm --root with a Berkeley DB warns about the index files a real rpm < 4.16 database would have had.
        assertThat(process.exitValue()).as(command + " failed:\n" + stderr).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getProperty("CI")) || "true".equalsIgnoreCase(System.getenv("CI"));
    }
}

package dev.plimsoll.analyzer.os.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle for the dpkg tests: the real {@code dpkg-query} (always present on the Debian build machines) run
 * over a status file, printing what the analyzer reports for each installed package.
 */
final class DpkgQuery {
    private static final String FORMAT =
            "${db:Status-Status}\\t${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${Architecture}\\n";

    private DpkgQuery() {
    }

    /** "package version source source_version arch" of each installed package, sorted. */
    static List<String> installed(byte[] status, Path scratch) throws IOException, InterruptedException {
        Path admin = Files.createDirectories(scratch.resolve("admindir-" + System.nanoTime()));
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.write(admin.resolve("status"), status);
        Process p = new ProcessBuilder("dpkg-query", "--admindir=" + admin, "-W", "-f", FORMAT)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("dpkg-query finished").isTrue();
        assertThat(p.exitValue()).as("dpkg-query exit status (it rejects what dpkg itself would)").isZero();
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("installed\t")) {
                rows.add(line.substring("installed\t".length()));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The same columns from the analyzer's packages, sorted. */
    static List<String> rows(List<Package> packages) {
        List<String> rows = new ArrayList<>();
        for (Package p : packages) {
            PackageMetadata.Dpkg d = (PackageMetadata.Dpkg) p.metadata();
            rows.add(String.join("\t", p.name(), p.version(), p.source().orElseThrow().name(),
                    p.source().orElseThrow().version(), d.architecture()));
        }
        rows.sort(null);
        return rows;
    }
}

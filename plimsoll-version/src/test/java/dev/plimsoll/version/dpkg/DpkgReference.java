package dev.plimsoll.version.dpkg;

import static org.junit.jupiter.api.Assertions.fail;

import dev.plimsoll.version.reference.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference implementations of Debian version comparison on this machine: the {@code dpkg} binary itself
 * ({@code dpkg --compare-versions}, one process per comparison, so batched in one shell loop) and, for large
 * batches, python3-apt's {@code apt_pkg.version_compare} (apt's own implementation of the same rules).
 */
final class DpkgReference {
    private static final String INSTALL = "plimsoll-version/reference-tools/install-os.sh "
        + "(apt-get install dpkg python3-apt)";
    /** The Debian system python, which is where python3-apt installs apt_pkg (a pyenv python lacks it). */
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private DpkgReference() {
    }

    static Path requireDpkg() {
        Optional<Path> dpkg = ReferenceTool.locate("dpkg");
        if (dpkg.isEmpty()) {
            ReferenceTool.missing("dpkg (for dpkg --compare-versions) is not available", INSTALL);
        }
        return dpkg.orElseThrow();
    }

    static void requireAptPkg() throws IOException, InterruptedException {
        if (!Files.isExecutable(SYSTEM_PYTHON)
            || run(List.of(SYSTEM_PYTHON.toString(), "-c", "import apt_pkg")).exitCode != 0) {
            ReferenceTool.missing("python3-apt (the apt_pkg module of " + SYSTEM_PYTHON + ") is not available",
                INSTALL);
        }
    }

    /** dpkg's verdict on each pair: -1, 0 or 1, or null where dpkg rejected a version. */
    static List<Integer> compareWithDpkg(List<String[]> pairs, Path workDir) throws IOException,
        InterruptedException {
        Path input = writePairs(pairs, workDir.resolve("dpkg-pairs.tsv"));
        Path output = workDir.resolve("dpkg-results.txt");
        // dpkg exits 0 when the relation holds, 1 when not, 2 when a version is malformed.
        String script = """
            tab=$(printf '\\t')
            while IFS="$tab" read -r a b; do
              dpkg --compare-versions "$a" lt "$b" 2>/dev/null; lt=$?
              if [ "$lt" = 0 ]; then echo -1; continue; fi
              dpkg --compare-versions "$a" eq "$b" 2>/dev/null; eq=$?
              if [ "$lt" = 1 ] && [ "$eq" = 0 ]; then echo 0
              elif [ "$lt" = 1 ] && [ "$eq" = 1 ]; then echo 1
              else echo E; fi
            done < "$1" > "$2"
            """;
        runChecked(List.of("sh", "-c", script, "sh", input.toString(), output.toString()));
        return readVerdicts(output, pairs.size());
    }

    /** apt_pkg's verdict on each pair: -1, 0 or 1. */
    static List<Integer> compareWithAptPkg(List<String[]> pairs, Path workDir) throws IOException,
        InterruptedException {
        Path input = writePairs(pairs, workDir.resolve("apt-pairs.tsv"));
        Path output = workDir.resolve("apt-results.txt");
        String script = """
            import sys, apt_pkg
            apt_pkg.init_system()
            with open(sys.argv[1], encoding="utf-8") as pairs, open(sys.argv[2], "w") as out:
                for line in pairs:
                    a, b = line.rstrip("\\n").split("\\t")
                    r = apt_pkg.version_compare(a, b)
                    out.write("%d\\n" % ((r > 0) - (r < 0)))
            """;
        runChecked(List.of(SYSTEM_PYTHON.toString(), "-c", script, input.toString(), output.toString()));
        return readVerdicts(output, pairs.size());
    }

    /** What dpkg says of one version text. */
    record Verdict(int exitCode, String message) {
        boolean isError() {
            return exitCode == 2;
        }

        boolean warns(String what) {
            return message.contains("warning") && message.contains(what);
        }
    }

    /** dpkg's verdict on each text, from comparing it with itself. */
    static List<Verdict> validateWithDpkg(List<String> versions, Path workDir) throws IOException,
        InterruptedException {
        Path input = workDir.resolve("dpkg-versions.txt");
        Files.write(input, versions, StandardCharsets.UTF_8);
        Path output = workDir.resolve("dpkg-verdicts.txt");
        String script = """
            while IFS= read -r v; do
              msg=$(dpkg --compare-versions "$v" eq "$v" 2>&1); rc=$?
              printf '%s\\t%s\\n' "$rc" "$(printf '%s' "$msg" | tr '\\n\\t' '  ')"
            done < "$1" > "$2"
            """;
        runChecked(List.of("sh", "-c", script, "sh", input.toString(), output.toString()));
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (lines.size() != versions.size()) {
            fail("dpkg gave " + lines.size() + " verdicts for " + versions.size() + " versions");
        }
        List<Verdict> verdicts = new ArrayList<>(lines.size());
        for (String line : lines) {
            int tab = line.indexOf('\t');
            verdicts.add(new Verdict(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1)));
        }
        return verdicts;
    }

    private static Path writePairs(List<String[]> pairs, Path file) throws IOException {
        List<String> lines = new ArrayList<>(pairs.size());
        for (String[] pair : pairs) {
            lines.add(pair[0] + "\t" + pair[1]);
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static List<Integer> readVerdicts(Path output, int expected) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (lines.size() != expected) {
            fail("reference gave " + lines.size() + " answers for " + expected + " pairs");
        }
        List<Integer> verdicts = new ArrayList<>(lines.size());
        for (String line : lines) {
            verdicts.add(line.equals("E") ? null : Integer.valueOf(line.trim()));
        }
        return verdicts;
    }

    private record Result(int exitCode, String stderr) {
    }

    private static void runChecked(List<String> command) throws IOException, InterruptedException {
        Result result = run(command);
        if (result.exitCode != 0) {
            fail("reference run failed with exit code " + result.exitCode + ": " + result.stderr);
        }
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("reference run did not finish: " + command.get(0));
        }
        return new Result(process.exitValue(), new String(stderr, StandardCharsets.UTF_8));
    }
}

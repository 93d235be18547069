package dev.plimsoll.version.rpm;

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
 * rpm itself as the reference: rpm 4.18's Lua {@code rpm.vercmp(a, b)} parses both texts with
 * {@code rpmverParse} and compares them with {@code rpmverCmp}, so one {@code rpm --eval} process compares a whole
 * file of pairs.
 */
final class RpmReference {
    private static final String INSTALL = "plimsoll-version/reference-tools/install-os.sh (apt-get install rpm)";

    /** Reads tab-separated pairs and writes -1, 0 or 1 per line; no '%' so rpm's macro expansion leaves it be. */
    private static final String LUA = String.join(" ",
        "local input = rpm.expand('%{plimsoll_pairs}');",
        "local out = assert(io.open(rpm.expand('%{plimsoll_results}'), 'w'));",
        "for line in io.lines(input) do",
        "  local tab = string.find(line, '\\t', 1, true);",
        "  local r = rpm.vercmp(string.sub(line, 1, tab - 1), string.sub(line, tab + 1));",
        "  if r < 0 then r = -1 elseif r > 0 then r = 1 end;",
        "  out:write(r, '\\n');",
        "end;",
        "out:close()");

    private RpmReference() {
    }

    static Path requireRpm() {
        Optional<Path> rpm = ReferenceTool.locate("rpm");
        if (rpm.isEmpty()) {
            ReferenceTool.missing("rpm (for rpm.vercmp) is not available", INSTALL);
        }
        return rpm.orElseThrow();
    }

    /** rpm's verdict on each pair: -1, 0 or 1. */
    static List<Integer> compare(List<String[]> pairs, Path workDir) throws IOException, InterruptedException {
        Path input = workDir.resolve("rpm-pairs.tsv");
        Path output = workDir.resolve("rpm-results.txt");
        List<String> lines = new ArrayList<>(pairs.size());
        for (String[] pair : pairs) {
            lines.add(pair[0] + "\t" + pair[1]);
        }
        Files.write(input, lines, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("rpm", "--define", "plimsoll_pairs " + input,
            "--define", "plimsoll_results " + output, "--eval", "%{lua: " + LUA + "}")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("rpm --eval did not finish");
        }
        if (process.exitValue() != 0 || !Files.exists(output)) {
            fail("rpm --eval failed with exit code " + process.exitValue() + ": " + stderr);
        }
        List<String> results = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (results.size() != pairs.size()) {
            fail("rpm gave " + results.size() + " answers for " + pairs.size() + " pairs: " + stderr);
        }
        return results.stream().map(String::trim).map(Integer::valueOf).toList();
    }
}

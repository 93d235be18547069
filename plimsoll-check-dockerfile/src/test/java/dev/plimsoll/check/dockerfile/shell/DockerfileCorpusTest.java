package dev.plimsoll.check.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every shell-form RUN of the real-world corpus (../shared/dockerfiles, passed by bin/test) parses without throwing,
 * the vast majority without problems, and fast. The RUN bodies are cut out roughly here (continuations joined by
 * line, comment lines dropped, heredocs skipped); the real Dockerfile parser is another package's job.
 */
@EnabledIfSystemProperty(named = "plimsoll.dockerfiles", matches = ".+")
class DockerfileCorpusTest {
    record Run(Path file, int line, String text) {
    }

    @Test
    void everyRunScriptParses() throws IOException {
        List<Run> runs = new ArrayList<>();
        Path files = Path.of(System.getProperty("plimsoll.dockerfiles")).resolve("FILES");
        try (Stream<Path> stream = Files.list(files)) {
            for (Path file : stream.sorted().toList()) {
                runs.addAll(runs(file));
            }
        }
        assertThat(runs).hasSizeGreaterThan(1000);
        List<String> failing = new ArrayList<>();
        int commands = 0;
        for (Run run : runs) {
            ShellScript script = ShellParser.parse(ScriptSource.fromDockerfileContinuation(run.text(), run.line(), 5,
                    '\\'));
            commands += script.commands().size();
            if (!script.complete()) {
                failing.add(run.file().getFileName() + ":" + run.line() + " " + script.problems().get(0));
            }
        }
        // a few scripts are really broken or use syntax the rough extraction mangles; list them when this fails
        assertThat(failing.size()).as(String.join("\n", failing)).isLessThan(runs.size() / 100 + 5);
        assertThat(commands).isGreaterThan(runs.size());

        // Throughput is measured by bench/dockerfiles.sh, not asserted here: tests never depend on the machine's speed.
        System.out.printf(Locale.ROOT, "shell corpus: %d RUN scripts, %d with problems%n%s%n", runs.size(),
                failing.size(), String.join("\n", failing));
    }

    private static List<Run> runs(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
        List<Run> runs = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).contains("windows")) {
            return runs;
        }
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("# escape=`") || lower.startsWith("shell [\"powershell")
                    || lower.startsWith("shell [\"pwsh") || lower.startsWith("shell [\"cmd")
                    || lower.startsWith("from mcr.microsoft.com/windows")
                    || lower.startsWith("from mcr.microsoft.com/powershell:nanoserver")) {
                return runs; // Windows images: RUN is PowerShell or cmd, not a POSIX shell
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (!line.regionMatches(true, 0, "RUN ", 0, 4) && !line.regionMatches(true, 0, "RUN\t", 0, 4)) {
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder(line.substring(4));
            boolean continued = endsWithBackslash(lines.get(i));
            while (continued && i + 1 < lines.size()) {
                i++;
                text.append('\n').append(lines.get(i));
                String stripped = lines.get(i).strip();
                // comment and empty lines inside a continuation do not end it
                continued = stripped.isEmpty() || stripped.startsWith("#") || endsWithBackslash(lines.get(i));
            }
            String body = text.toString();
            int at = skipRunFlags(body);
            String firstLine = body.substring(at, body.indexOf('\n', at) < 0 ? body.length() : body.indexOf('\n', at));
            if (at >= body.length() || body.charAt(at) == '[' || firstLine.contains("<<")) {
                continue; // exec form, or possibly a Dockerfile heredoc whose body follows the instruction
            }
            // keep the flags' lines (as blanks) so that lines still map to the Dockerfile
            body = body.substring(0, at).replaceAll("[^\n]", " ") + body.substring(at);
            runs.add(new Run(file, first + 1, body));
        }
        return runs;
    }

    /** The offset after RUN's own flags (--mount=…, --network=…), which may sit on continuation lines. */
    private static int skipRunFlags(String body) {
        int i = 0;
        while (true) {
            while (i < body.length() && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == '\\'
                    && i + 1 < body.length() && Character.isWhitespace(body.charAt(i + 1)))) {
                i++;
            }
            if (!body.startsWith("--", i)) {
                return i;
            }
            while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
                i++;
            }
        }
    }

    private static boolean endsWithBackslash(String line) {
        String stripped = line.stripTrailing();
        return stripped.endsWith("\\");
    }
}

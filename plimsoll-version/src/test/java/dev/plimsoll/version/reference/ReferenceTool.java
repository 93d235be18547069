package dev.plimsoll.version.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A reference implementation run once over a batch of questions: a script (or a program) reads one question per
 * line on stdin, a JSON array or hex-encoded fields, and prints one answer per line. Feeding a file and reading the
 * whole output avoids a pipe deadlock and starts the interpreter once for thousands of questions.
 *
 * <p>Without the reference the calling test aborts on a developer machine but fails under CI (the environment
 * variable {@code CI} set, or {@code -DCI=true}), where its absence means the comparison silently stopped running.
 */
public final class ReferenceTool {
    private final List<String> command;

    private ReferenceTool(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * The interpreter at {@code executable} (an absolute path, or a name looked up on PATH) running the script at
     * {@code script}; {@code check} is an extra argument list that must succeed for the tool to count as present.
     */
    public static ReferenceTool require(String executable, List<String> interpreterOptions, Path script,
            List<String> check, String installHint) {
        Optional<Path> found = locate(executable);
        String why = null;
        if (found.isEmpty()) {
            why = executable + " not found";
        } else if (!check.isEmpty() && !succeeds(found.get(), check)) {
            why = executable + " " + String.join(" ", check) + " failed";
        }
        if (why != null) {
            missing(why, installHint);
        }
        assertThat(script).as("run from the plimsoll-version module directory").exists();
        List<String> command = new ArrayList<>();
        command.add(found.get().toString());
        command.addAll(interpreterOptions);
        command.add(script.toAbsolutePath().toString());
        return new ReferenceTool(command);
    }

    /** A program that answers by itself (one built by the test), run with no arguments. */
    public static ReferenceTool program(Path executable) {
        return new ReferenceTool(List.of(executable.toAbsolutePath().toString()));
    }

    /**
     * A reference is missing ({@code why}): fails the calling test under CI, where the tools are part of the setup,
     * and otherwise aborts it, saying how to install what is missing. Never returns.
     */
    public static void missing(String why, String installHint) {
        String message = why + "; install it with: " + installHint;
        if (isCi()) {
            Assertions.fail(message + " (CI must run the comparison with the reference implementation)");
        }
        Assumptions.abort(message + "; skipping the comparison with the reference implementation");
    }

    /** Asks every question (one line each) and returns the answers in order. */
    public List<String> ask(List<String> questions, Path workDir) {
        try {
            Path input = Files.createTempFile(workDir, "questions", ".jsonl");
            Files.write(input, questions, StandardCharsets.UTF_8);
            Path errors = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(input.toFile())
                .redirectError(errors.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            Process process = builder.start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail(command + " did not finish");
            }
            assertThat(process.exitValue()).as(command + " failed:\n" + Files.readString(errors)).isZero();
            String text = new String(out, StandardCharsets.UTF_8);
            List<String> answers = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
            if (!answers.isEmpty() && answers.get(answers.size() - 1).isEmpty()) {
                answers = answers.subList(0, answers.size() - 1);
            }
            assertThat(answers).as("one answer per question").hasSize(questions.size());
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of strings, every non-ASCII or control character escaped so any reader gets it exactly. */
    public static String jsonArray(String... fields) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "\"" : ",\"");
            for (char c : fields[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7E) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    /** A text as lowercase hex of its UTF-8 bytes: one space-free field whatever it contains. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Makes invisible characters visible in failure messages. */
    public static String show(String text) {
        return jsonArray(text);
    }

    public static boolean isCi() {
        return System.getenv("CI") != null || "true".equalsIgnoreCase(System.getProperty("CI"));
    }

    /** The executable at a path, or the first of that name on PATH. */
    public static Optional<Path> locate(String executable) {
        if (executable.contains("/")) {
            Path path = Path.of(executable);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return Optional.of(Path.of(dir, executable));
            }
        }
        return Optional.empty();
    }

    private static boolean succeeds(Path executable, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

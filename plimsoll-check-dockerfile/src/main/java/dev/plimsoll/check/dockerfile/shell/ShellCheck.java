package dev.plimsoll.check.dockerfile.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs the optional {@code shellcheck} binary on RUN scripts, the way hadolint does: the script goes on stdin behind
 * a shebang for the SHELL instruction's shell and {@code export NAME=1} lines for the Dockerfile's ARG/ENV names
 * (so they do not count as unassigned), with the codes hadolint disables for Dockerfiles excluded. shellcheck runs
 * directly (no shell), with an empty environment apart from a UTF-8 locale, without reading any .shellcheckrc,
 * and is killed after the timeout. Without a shellcheck binary {@link #check} answers {@link Status#NOT_INSTALLED}.
 */
public final class ShellCheck {
    /**
     * The codes hadolint never reports for RUN scripts: SC2187 (ash is checked as dash, said for every
     * {@code SHELL ["/bin/ash"…]}) and SC1090 (a non-constant {@code source} needs a directive a Dockerfile cannot
     * hold). hadolint's Shell.hs excludes exactly these two.
     */
    public static final Set<String> HADOLINT_EXCLUDED = Set.of("SC2187", "SC1090");

    /** shellcheck's dialects; others are mapped ({@code ash} → dash) or not checked. */
    private static final Map<String, String> DIALECTS = Map.of("sh", "sh", "bash", "bash", "dash", "dash", "ksh",
            "ksh", "mksh", "ksh", "ash", "dash", "busybox", "dash");

    /** Whether shellcheck ran. */
    public enum Status { RAN, NOT_INSTALLED, UNSUPPORTED_SHELL }

    /** The findings (empty unless {@link Status#RAN}). */
    public record Result(Status status, List<ShellCheckFinding> findings) {
        public Result {
            Objects.requireNonNull(status);
            findings = List.copyOf(findings);
        }

        public boolean ran() {
            return status == Status.RAN;
        }
    }

    private final Optional<Path> executable;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public ShellCheck(Optional<Path> executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable);
        this.timeout = Objects.requireNonNull(timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** shellcheck as found on this process's PATH (absent if it is not there), with a 30 second timeout. */
    public static ShellCheck fromPath() {
        return new ShellCheck(findOnPath(System.getenv("PATH")), Duration.ofSeconds(30));
    }

    /** The first executable {@code shellcheck} in the directories of {@code pathVariable}. */
    public static Optional<Path> findOnPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "shellcheck");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public boolean available() {
        return executable.isPresent();
    }

    /**
     * The shell named by a SHELL instruction's JSON array ({@code ["/bin/bash", "-o", "pipefail", "-c"]} → bash);
     * {@code sh} for an empty array (Linux's default {@code /bin/sh -c}).
     */
    public static String shellOf(List<String> shellInstruction) {
        if (shellInstruction.isEmpty()) {
            return "sh";
        }
        String name = Invocation.basename(shellInstruction.get(0));
        if (name.equals("busybox") && shellInstruction.size() > 1) {
            name = Invocation.basename(shellInstruction.get(1));
        }
        return name;
    }

    /**
     * Checks one script.
     *
     * @param shell the shell's basename ({@link #shellOf})
     * @param excluded codes not to report ({@code SC2086}); {@link #HADOLINT_EXCLUDED} are always excluded
     * @param knownVariables ARG and ENV names in scope, exported before the script (invalid names are ignored)
     * @throws ShellCheckException when shellcheck fails, times out or answers something unreadable
     */
    public Result check(ScriptSource script, String shell, Collection<String> excluded,
            Collection<String> knownVariables) {
        Objects.requireNonNull(script);
        if (executable.isEmpty()) {
            return new Result(Status.NOT_INSTALLED, List.of());
        }
        String dialect = DIALECTS.get(Invocation.basename(shell));
        if (dialect == null) {
            return new Result(Status.UNSUPPORTED_SHELL, List.of());
        }
        StringBuilder input = new StringBuilder();
        int prefixLines = prelude(input, dialect, knownVariables);
        input.append(script.text());
        Set<String> exclude = new LinkedHashSet<>(HADOLINT_EXCLUDED);
        for (String code : excluded) {
            exclude.add(normalize(code));
        }
        List<String> command = List.of(executable.get().toString(), "--norc", "--format=json1",
                "--shell=" + dialect, "--severity=style", "--exclude=" + String.join(",", exclude), "-");
        Optional<byte[]> output = run(command, input.toString().getBytes(StandardCharsets.UTF_8));
        if (output.isEmpty()) {
            return new Result(Status.NOT_INSTALLED, List.of());
        }
        return new Result(Status.RAN, parse(output.get(), script, prefixLines, exclude));
    }

    /** One script of a batch: its source, the shell's basename, the ARG/ENV names in scope. */
    public record Job(ScriptSource script, String shell, Collection<String> knownVariables) {
        public Job {
            Objects.requireNonNull(script);
            Objects.requireNonNull(shell);
            knownVariables = List.copyOf(knownVariables);
        }
    }

    /**
     * Checks several scripts with one shellcheck process (starting shellcheck costs more than checking a typical RUN
     * script): each is written, with its own shebang and exports, to a file of a private temporary directory, and
     * json1's {@code file} field tells whose each comment is. Results are in the order of {@code jobs}.
     *
     * @throws ShellCheckException as {@link #check}; the caller may then check the scripts one by one to say which
     */
    public List<Result> checkAll(List<Job> jobs, Collection<String> excluded) {
        if (executable.isEmpty()) {
            return jobs.stream().map(j -> new Result(Status.NOT_INSTALLED, List.of())).toList();
        }
        Set<String> exclude = new LinkedHashSet<>(HADOLINT_EXCLUDED);
        for (String code : excluded) {
            exclude.add(normalize(code));
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("plimsoll-shellcheck");
        } catch (IOException e) {
            throw new ShellCheckException("cannot create a temporary directory for shellcheck: " + e.getMessage(), e);
        }
        try {
            List<String> command = new ArrayList<>(List.of(executable.get().toString(), "--norc", "--format=json1",
                    "--severity=style", "--exclude=" + String.join(",", exclude)));
            Map<String, Integer> jobOfFile = new java.util.HashMap<>();
            int[] prefixLines = new int[jobs.size()];
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                String dialect = DIALECTS.get(Invocation.basename(job.shell()));
                if (dialect == null) {
                    continue;
                }
                StringBuilder input = new StringBuilder();
                prefixLines[i] = prelude(input, dialect, job.knownVariables());
                input.append(job.script().text());
                Path file = dir.resolve("run-" + i + ".sh");
                Files.writeString(file, input, StandardCharsets.UTF_8);
                jobOfFile.put(file.toString(), i);
                command.add(file.toString());
            }
            List<List<ShellCheckFinding>> found = new ArrayList<>();
            jobs.forEach(j -> found.add(new ArrayList<>()));
            if (!jobOfFile.isEmpty()) {
                Optional<byte[]> output = run(command, new byte[0]);
                if (output.isEmpty()) {
                    return jobs.stream().map(j -> new Result(Status.NOT_INSTALLED, List.of())).toList();
                }
                for (JsonNode comment : comments(output.get())) {
                    Integer i = jobOfFile.get(comment.path("file").asText());
                    if (i == null) {
                        throw new ShellCheckException("shellcheck commented on a file it was not given: "
                                + excerpt(comment.toString().getBytes(StandardCharsets.UTF_8)));
                    }
                    finding(comment, jobs.get(i).script(), prefixLines[i], exclude).ifPresent(found.get(i)::add);
                }
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                boolean supported = DIALECTS.containsKey(Invocation.basename(jobs.get(i).shell()));
                results.add(supported ? new Result(Status.RAN, found.get(i))
                        : new Result(Status.UNSUPPORTED_SHELL, List.of()));
            }
            return results;
        } catch (IOException e) {
            throw new ShellCheckException("cannot write the scripts for shellcheck: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The shebang and exports before a script; returns how many lines they take. */
    private static int prelude(StringBuilder input, String dialect, Collection<String> knownVariables) {
        input.append("#!/bin/").append(dialect).append('\n');
        int lines = 1;
        for (String name : new TreeSet<>(knownVariables)) {
            if (Options.assignmentEnd(name + "=") == name.length()) {
                input.append("export ").append(name).append("=1\n");
                lines++;
            }
        }
        return lines;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the scan's result does not depend on it
        }
    }

    private static String normalize(String code) {
        String trimmed = code.strip();
        return trimmed.regionMatches(true, 0, "SC", 0, 2) ? "SC" + trimmed.substring(2) : "SC" + trimmed;
    }

    /** stdout of a finished shellcheck run, or empty when it cannot be started. */
    private Optional<byte[]> run(List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        // stdin is written and both outputs drained on their own threads so that no pipe fills up and blocks
        Thread writer = Thread.ofVirtual().start(() -> write(process.getOutputStream(), input));
        Thread out = Thread.ofVirtual().start(() -> drain(process.getInputStream(), stdout));
        Thread err = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ShellCheckException("shellcheck did not finish within " + timeout);
            }
            writer.join();
            out.join();
            err.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ShellCheckException("interrupted while waiting for shellcheck", e);
        }
        int status = process.exitValue();
        if (status != 0 && status != 1) {
            throw new ShellCheckException("shellcheck failed with exit status " + status + ": "
                    + stderr.toString(StandardCharsets.UTF_8).strip());
        }
        return Optional.of(stdout.toByteArray());
    }

    private static void write(OutputStream stream, byte[] input) {
        try (stream) {
            stream.write(input);
        } catch (IOException e) {
            // shellcheck exited before reading everything; its exit status tells what happened
        }
    }

    private static void drain(InputStream stream, ByteArrayOutputStream sink) {
        try (stream) {
            stream.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads json1 output; lines and columns are 1-based, columns count characters (a tab is one). */
    List<ShellCheckFinding> parse(byte[] output, ScriptSource script, int prefixLines, Set<String> exclude) {
        List<ShellCheckFinding> findings = new ArrayList<>();
        for (JsonNode comment : comments(output)) {
            finding(comment, script, prefixLines, exclude).ifPresent(findings::add);
        }
        return findings;
    }

    private List<JsonNode> comments(byte[] output) {
        JsonNode root;
        try {
            root = json.readTree(output);
        } catch (JsonProcessingException e) {
            throw new ShellCheckException("shellcheck printed something that is not JSON: " + excerpt(output), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.path("comments").isArray()) {
            throw new ShellCheckException("shellcheck output has no comments array: " + excerpt(output));
        }
        List<JsonNode> out = new ArrayList<>();
        root.get("comments").forEach(out::add);
        return out;
    }

    private static Optional<ShellCheckFinding> finding(JsonNode comment, ScriptSource script, int prefixLines,
                                                       Set<String> exclude) {
        JsonNode code = comment.get("code");
        JsonNode line = comment.get("line");
        JsonNode column = comment.get("column");
        if (code == null || !code.canConvertToInt() || line == null || !line.canConvertToInt()
                || column == null || !column.canConvertToInt()) {
            throw new ShellCheckException("shellcheck comment without code, line or column: " + comment);
        }
        String id = "SC" + code.asInt();
        if (exclude.contains(id)) {
            return Optional.empty();
        }
        int endLine = comment.path("endLine").asInt(line.asInt());
        int endColumn = comment.path("endColumn").asInt(column.asInt());
        Position start = map(script, prefixLines, line.asInt(), column.asInt());
        Position end = map(script, prefixLines, endLine, endColumn);
        return Optional.of(new ShellCheckFinding(id, ShellCheckFinding.Level.parse(comment.path("level").asText()),
                start, end.compareTo(start) < 0 ? start : end, comment.path("message").asText()));
    }

    private static Position map(ScriptSource script, int prefixLines, int line, int column) {
        int scriptLine = line - 1 - prefixLines;
        if (scriptLine < 0) {
            // about the lines we added (the shebang, exports): the start of the script is the best place
            return script.position(0);
        }
        return script.position(scriptLine, column - 1);
    }

    private static String excerpt(byte[] output) {
        String text = new String(output, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package dev.plimsoll.check.dockerfile.shell;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    /** Jackson's streaming parser: building an ObjectMapper would cost more than a lint of a small file. */
    private static final JsonFactory JSON = new JsonFactory();

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
        Path dir = scratchDirectory();
        try {
            Optional<byte[]> output = run(command, input.toString().getBytes(StandardCharsets.UTF_8), dir);
            if (output.isEmpty()) {
                return new Result(Status.NOT_INSTALLED, List.of());
            }
            return new Result(Status.RAN, parse(output.get(), script, prefixLines, exclude));
        } finally {
            deleteTree(dir);
        }
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
        Path dir = scratchDirectory();
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
                Optional<byte[]> output = run(command, new byte[0], dir);
                if (output.isEmpty()) {
                    return jobs.stream().map(j -> new Result(Status.NOT_INSTALLED, List.of())).toList();
                }
                for (Comment comment : comments(output.get())) {
                    Integer i = jobOfFile.get(comment.file());
                    if (i == null) {
                        throw new ShellCheckException("shellcheck commented on a file it was not given: " + comment);
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

    /**
     * A new directory only this user can enter, in the temporary directory. Not Files.createTempDirectory: that
     * seeds a SecureRandom for the name, a tenth of a short lint's start-up. The name need not be secret: mkdir
     * fails on anything already there (a planted symlink included), and another name is tried.
     */
    private static Path privateDirectory() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path dir = tmp.resolve("plimsoll-shellcheck-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                return posix ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))) : Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
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

    private static Path scratchDirectory() {
        try {
            return privateDirectory();
        } catch (IOException e) {
            throw new ShellCheckException("cannot create a temporary directory for shellcheck: " + e.getMessage(), e);
        }
    }

    /**
     * stdout of a finished shellcheck run, or empty when it cannot be started. Its standard streams are files in
     * {@code dir} rather than pipes, so no thread has to feed or drain them.
     */
    private Optional<byte[]> run(List<String> command, byte[] input, Path dir) {
        Path stdin = dir.resolve("stdin");
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(stdin.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process;
        try {
            Files.write(stdin, input);
        } catch (IOException e) {
            throw new ShellCheckException("cannot write the script for shellcheck: " + e.getMessage(), e);
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ShellCheckException("shellcheck did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ShellCheckException("interrupted while waiting for shellcheck", e);
        }
        try {
            int status = process.exitValue();
            if (status != 0 && status != 1) {
                throw new ShellCheckException("shellcheck failed with exit status " + status + ": "
                        + new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).strip());
            }
            return Optional.of(Files.readAllBytes(stdout));
        } catch (IOException e) {
            throw new ShellCheckException("cannot read shellcheck's output: " + e.getMessage(), e);
        }
    }

    /** Reads json1 output; lines and columns are 1-based, columns count characters (a tab is one). */
    List<ShellCheckFinding> parse(byte[] output, ScriptSource script, int prefixLines, Set<String> exclude) {
        List<ShellCheckFinding> findings = new ArrayList<>();
        for (Comment comment : comments(output)) {
            finding(comment, script, prefixLines, exclude).ifPresent(findings::add);
        }
        return findings;
    }

    /** One json1 comment; numbers absent from it are null. */
    private record Comment(String file, Integer line, Integer endLine, Integer column, Integer endColumn,
                           String level, Integer code, String message) {
    }

    private static List<Comment> comments(byte[] output) {
        try (JsonParser parser = JSON.createParser(output)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ShellCheckException("shellcheck output is not a JSON object: " + excerpt(output));
            }
            List<Comment> comments = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("comments") && value == JsonToken.START_ARRAY) {
                    comments = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        comments.add(comment(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (comments == null) {
                throw new ShellCheckException("shellcheck output has no comments array: " + excerpt(output));
            }
            return comments;
        } catch (JsonProcessingException e) {
            throw new ShellCheckException("shellcheck printed something that is not JSON: " + excerpt(output), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the object the parser is at the start of; unknown fields (fix, replacements) are skipped. */
    private static Comment comment(JsonParser parser) throws IOException {
        Map<String, Object> fields = new java.util.HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case VALUE_NUMBER_INT -> fields.put(field, parser.getNumberValue());
                case VALUE_STRING -> fields.put(field, parser.getText());
                default -> parser.skipChildren();
            }
        }
        return new Comment(text(fields.get("file")), number(fields.get("line")), number(fields.get("endLine")),
                number(fields.get("column")), number(fields.get("endColumn")), text(fields.get("level")),
                number(fields.get("code")), text(fields.get("message")));
    }

    private static Integer number(Object value) {
        return value instanceof Integer i ? i : null;
    }

    private static String text(Object value) {
        return value instanceof String t ? t : "";
    }

    private static Optional<ShellCheckFinding> finding(Comment comment, ScriptSource script, int prefixLines,
                                                       Set<String> exclude) {
        if (comment.code() == null || comment.line() == null || comment.column() == null) {
            throw new ShellCheckException("shellcheck comment without code, line or column: " + comment);
        }
        String id = "SC" + comment.code();
        if (exclude.contains(id)) {
            return Optional.empty();
        }
        int endLine = comment.endLine() == null ? comment.line() : comment.endLine();
        int endColumn = comment.endColumn() == null ? comment.column() : comment.endColumn();
        Position start = map(script, prefixLines, comment.line(), comment.column());
        Position end = map(script, prefixLines, endLine, endColumn);
        return Optional.of(new ShellCheckFinding(id, ShellCheckFinding.Level.parse(comment.level()), start,
                end.compareTo(start) < 0 ? start : end, comment.message()));
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

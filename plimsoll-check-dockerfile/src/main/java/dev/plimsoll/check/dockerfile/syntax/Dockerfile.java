package dev.plimsoll.check.dockerfile.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile: directives, instructions in file order (ONBUILD triggers inside their ONBUILD), stages,
 * comments, and the problems BuildKit would reject the file for ({@link #problems()}, empty for a valid file).
 * Immutable.
 */
public final class Dockerfile {
    private final Path path;
    private final List<Directive> directives;
    private final char escapeChar;
    private final List<Instruction> instructions;
    private final List<Stage> stages;
    private final Environment globalEnvironment;
    private final List<Comment> comments;
    private final List<SyntaxProblem> problems;
    private final List<String> lines;
    private final Map<Instruction, Stage> stageByInstruction = new IdentityHashMap<>();
    private final Map<Integer, Comment> commentByLine = new HashMap<>();

    Dockerfile(Path path, List<Directive> directives, char escapeChar, List<Instruction> instructions,
            List<Stage> stages, Environment globalEnvironment, List<Comment> comments, List<SyntaxProblem> problems,
            List<String> lines) {
        this.path = path;
        this.directives = List.copyOf(directives);
        this.escapeChar = escapeChar;
        this.instructions = List.copyOf(instructions);
        this.stages = List.copyOf(stages);
        this.globalEnvironment = globalEnvironment;
        this.comments = List.copyOf(comments);
        this.problems = List.copyOf(problems);
        this.lines = List.copyOf(lines);
        for (Stage stage : stages) {
            stageByInstruction.put(stage.from(), stage);
            for (Instruction instruction : stage.instructions()) {
                stageByInstruction.put(instruction, stage);
                if (instruction instanceof OnbuildInstruction onbuild) {
                    onbuild.trigger().ifPresent(trigger -> stageByInstruction.put(trigger, stage));
                }
            }
        }
        for (Comment comment : comments) {
            commentByLine.put(comment.line(), comment);
        }
    }

    /** The file, or null when parsed from text alone. */
    public Path path() {
        return path;
    }

    public List<Directive> directives() {
        return directives;
    }

    /** A directive by (case-insensitive) name, e.g. {@code directive("syntax")}. */
    public Optional<Directive> directive(String name) {
        return directives.stream().filter(directive -> directive.name().equalsIgnoreCase(name)).findFirst();
    }

    /** {@code \} or a backtick, from the escape directive. */
    public char escapeChar() {
        return escapeChar;
    }

    /** Every top-level instruction in file order, including ARGs (or anything else) before the first FROM. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** Top-level instructions of one kind, e.g. {@code instructions(RunInstruction.class)}. */
    public <T extends Instruction> List<T> instructions(Class<T> type) {
        List<T> matching = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (type.isInstance(instruction)) {
                matching.add(type.cast(instruction));
            }
        }
        return matching;
    }

    /** Instructions before the first FROM (BuildKit allows only ARG there). */
    public List<Instruction> preamble() {
        List<Instruction> preamble = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction instanceof FromInstruction) {
                break;
            }
            preamble.add(instruction);
        }
        return preamble;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The global ARGs (and automatic platform ARGs) that FROM lines see. */
    public Environment globalEnvironment() {
        return globalEnvironment;
    }

    /** The stage holding an instruction (its FROM, a body instruction or an ONBUILD trigger). */
    public Optional<Stage> stageOf(Instruction instruction) {
        return Optional.ofNullable(stageByInstruction.get(instruction));
    }

    /**
     * The stage a {@code COPY --from} or {@code FROM} reference names: a stage name (case-insensitive) or index. The
     * last stage with that name wins, as BuildKit keeps it.
     */
    public Optional<Stage> stageNamed(String reference) {
        Stage found = null;
        for (Stage stage : stages) {
            if (stage.isNamed(reference)) {
                found = stage;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Variables visible to an instruction; before the first FROM, the global scope. */
    public Environment environmentAt(Instruction instruction) {
        return stageOf(instruction).map(stage -> stage.environmentAt(instruction)).orElse(globalEnvironment);
    }

    /** Every comment line, with its position (directives excluded). */
    public List<Comment> comments() {
        return comments;
    }

    /**
     * The block of comment lines directly above an instruction, nearest last (where {@code # hadolint ignore=...}
     * pragmas go).
     */
    public List<Comment> commentsDirectlyAbove(Instruction instruction) {
        List<Comment> block = new ArrayList<>();
        for (int line = instruction.line() - 1; commentByLine.containsKey(line); line--) {
            block.add(0, commentByLine.get(line));
        }
        return block;
    }

    /** What BuildKit would reject this file for, in file order of discovery; empty for a valid file. */
    public List<SyntaxProblem> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws the first problem, if any. */
    public Dockerfile requireValid() {
        if (!problems.isEmpty()) {
            throw new DockerfileSyntaxException(path, problems.get(0));
        }
        return this;
    }

    /** The physical lines (BOM and line terminators removed). */
    public List<String> lines() {
        return lines;
    }

    /** One physical line, 1-based. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    /** The instruction's text as written, its physical lines joined with newlines (heredoc bodies included). */
    public String sourceText(Instruction instruction) {
        return String.join("\n", lines.subList(instruction.line() - 1, instruction.endLine()));
    }
}

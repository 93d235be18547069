package dev.plimsoll.check.dockerfile.syntax;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Dockerfile that cannot be parsed: either thrown by the parser when no tree can be built (unterminated heredoc,
 * input over the limits) or by {@link Dockerfile#requireValid()} for the first recorded {@link SyntaxProblem}.
 */
public final class DockerfileSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final SyntaxProblem problem;

    public DockerfileSyntaxException(Path path, SyntaxProblem problem) {
        super((path == null ? "" : path + ": ") + problem);
        this.path = path;
        this.problem = Objects.requireNonNull(problem);
    }

    /** The file, or null when the text did not come from one. */
    public Path path() {
        return path;
    }

    public SyntaxProblem problem() {
        return problem;
    }

    public int line() {
        return problem.line();
    }

    public int column() {
        return problem.column();
    }
}

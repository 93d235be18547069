package dev.plimsoll.check.dockerfile.syntax;

import java.nio.file.Path;
import java.util.List;

/** What the instruction parsers share for one file: settings, and the problems found so far. */
record ParseContext(Path path, char escape, ParserLimits limits, Expander expander, List<SyntaxProblem> problems) {
    void problem(SourcePosition at, String message) {
        problems.add(new SyntaxProblem(at.line(), at.column(), message));
    }
}

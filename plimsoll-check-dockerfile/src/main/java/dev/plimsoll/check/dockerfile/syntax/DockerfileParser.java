package dev.plimsoll.check.dockerfile.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses BuildKit Dockerfile syntax leniently: what BuildKit would reject but a tree can still be built for is
 * recorded in {@link Dockerfile#problems()}; a {@link DockerfileSyntaxException} is thrown only when no tree can be
 * built (an unterminated heredoc, input over {@link ParserLimits}). Thread-safe; nothing is executed.
 */
public final class DockerfileParser {
    private final ParserLimits limits;

    public DockerfileParser() {
        this(ParserLimits.DEFAULT);
    }

    public DockerfileParser(ParserLimits limits) {
        this.limits = limits;
    }

    /** Reads a file as UTF-8 (malformed bytes become U+FFFD) and parses it. */
    public Dockerfile parse(Path path) throws IOException {
        long size = Files.size(path);
        if (size > (long) limits.maxChars() * 4) {
            throw new DockerfileSyntaxException(path, new SyntaxProblem(1, 1,
                    "file is " + size + " bytes, over the limit"));
        }
        return parse(path, new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
    }

    /** Parses text; {@code path} (may be null) only names the file in errors. */
    public Dockerfile parse(Path path, String text) {
        List<SyntaxProblem> problems = new ArrayList<>();
        SourceText source = SourceText.split(path, text, limits);
        DirectiveReader directives = DirectiveReader.read(source.lines(), problems);
        char escape = directives.escape();
        Expander expander = new Expander(escape, limits.maxExpansionLength());
        ParseContext context = new ParseContext(path, escape, limits, expander, problems);
        List<Comment> comments = new ArrayList<>();
        LineJoiner joiner = new LineJoiner(path, source, directives.linesRead(), escape, comments);
        InstructionParser parser = new InstructionParser(context);
        List<Instruction> instructions = new ArrayList<>();
        for (LogicalLine line = joiner.next(); line != null; line = joiner.next()) {
            instructions.add(parser.parse(line, joiner::readHeredoc));
        }
        StageBuilder.Result stages = StageBuilder.build(instructions, expander, limits);
        return new Dockerfile(path, directives.directives(), escape, instructions, stages.stages(),
                stages.globals(), comments, problems, source.lines());
    }

    public Dockerfile parse(String text) {
        return parse(null, text);
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one logical line (plus the heredoc bodies it opens) into an {@link Instruction}: keyword, flags and argument
 * text first, then the keyword's own argument grammar. Problems BuildKit would reject are recorded, not thrown.
 */
final class InstructionParser {
    /** Reads the bodies of the given markers from the lines after the current instruction. */
    interface HeredocReader {
        Heredoc read(HeredocMarker marker, int openedAtLine);
    }

    private record Header(Keyword keyword, String written, SourcePosition start, Flags flags, String arguments,
            int argumentsStart) {
    }

    private final ParseContext context;
    private final ArgumentParsers arguments;

    InstructionParser(ParseContext context) {
        this.context = context;
        this.arguments = new ArgumentParsers(context);
    }

    Instruction parse(LogicalLine line, HeredocReader reader) {
        return parse(line, 0, reader, false);
    }

    private Instruction parse(LogicalLine line, int from, HeredocReader reader, boolean trigger) {
        Header header = header(line, from);
        if (header.keyword() == Keyword.ONBUILD && !trigger) {
            return onbuild(line, header, reader);
        }
        List<Heredoc> heredocs = heredocs(line, header, reader);
        int endLine = heredocs.isEmpty() ? line.endLine() : heredocs.get(heredocs.size() - 1).terminatorLine();
        InstructionSource source = new InstructionSource(header.keyword(), header.written(),
                new SourceRange(header.start().line(), header.start().column(), endLine), header.flags(),
                header.arguments(), line.position(header.argumentsStart()));
        if (header.keyword() != Keyword.UNKNOWN) {
            FlagRules.check(header.keyword(), header.written(), header.flags(), context);
        }
        return arguments.parse(source, line, header.argumentsStart(), heredocs);
    }

    private Header header(LogicalLine line, int from) {
        String text = line.text();
        int start = Chars.skipSpaces(text, from);
        int end = start;
        while (end < text.length() && !Chars.isFieldSeparator(text.charAt(end))) {
            end++;
        }
        String written = text.substring(start, end);
        ArgumentLexer.FlagWords flagWords = ArgumentLexer.flagWords(text, end);
        int argumentsStart = flagWords.argumentsStart();
        String arguments = text.substring(argumentsStart, Chars.trimEnd(text, argumentsStart, text.length()));
        return new Header(Keyword.of(written), written, line.position(start),
                FlagRules.toFlags(flagWords.flags(), line), arguments, argumentsStart);
    }

    /** ONBUILD's trigger is parsed as an instruction of its own; ONBUILD ONBUILD is refused, so no deeper nesting. */
    private Instruction onbuild(LogicalLine line, Header header, HeredocReader reader) {
        FlagRules.check(Keyword.ONBUILD, header.written(), header.flags(), context);
        Optional<Instruction> trigger = Optional.empty();
        SourcePosition at = line.position(header.argumentsStart());
        if (header.arguments().isEmpty()) {
            context.problem(header.start(), "ONBUILD needs an instruction");
        } else {
            Header inner = header(line, header.argumentsStart());
            if (inner.keyword() == Keyword.ONBUILD) {
                context.problem(at, "ONBUILD ONBUILD is not allowed");
            } else {
                Instruction instruction = parse(line, header.argumentsStart(), reader, true);
                if (inner.keyword() == Keyword.FROM || inner.keyword() == Keyword.MAINTAINER) {
                    context.problem(at, inner.written() + " isn't allowed as an ONBUILD trigger");
                }
                trigger = Optional.of(instruction);
            }
        }
        int endLine = trigger.map(Instruction::endLine).orElse(line.endLine());
        InstructionSource source = new InstructionSource(Keyword.ONBUILD, header.written(),
                new SourceRange(header.start().line(), header.start().column(), endLine), header.flags(),
                header.arguments(), at);
        return new OnbuildInstruction(source, trigger);
    }

    private List<Heredoc> heredocs(LogicalLine line, Header header, HeredocReader reader) {
        Keyword keyword = header.keyword();
        if (keyword != Keyword.RUN && keyword != Keyword.COPY && keyword != Keyword.ADD) {
            return List.of();
        }
        String text = line.text();
        int from = header.argumentsStart();
        if (JsonArray.parse(text, from).status() == JsonArray.Status.STRINGS) {
            return List.of();
        }
        List<HeredocMarker> markers = HeredocMarker.find(text, from, line);
        if (markers.isEmpty()) {
            return List.of();
        }
        if (markers.size() > context.limits().maxHeredocsPerInstruction()) {
            SourcePosition at = markers.get(context.limits().maxHeredocsPerInstruction()).word().position();
            throw new DockerfileSyntaxException(context.path(), new SyntaxProblem(at.line(), at.column(),
                    "more than " + context.limits().maxHeredocsPerInstruction() + " heredocs in one instruction"));
        }
        List<Heredoc> heredocs = new ArrayList<>(markers.size());
        for (HeredocMarker marker : markers) {
            heredocs.add(reader.read(marker, header.start().line()));
        }
        return heredocs;
    }
}

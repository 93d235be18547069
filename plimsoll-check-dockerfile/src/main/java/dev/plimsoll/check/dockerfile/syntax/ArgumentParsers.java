package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each keyword's argument grammar, following BuildKit's parser and the checks of its instruction layer. */
final class ArgumentParsers {
    private final ParseContext context;
    private final PairParser pairs;

    ArgumentParsers(ParseContext context) {
        this.context = context;
        this.pairs = new PairParser(context);
    }

    Instruction parse(InstructionSource source, LogicalLine line, int from, List<Heredoc> heredocs) {
        String written = source.keywordAsWritten();
        SourcePosition at = source.argumentsPosition();
        boolean empty = source.arguments().isEmpty();
        return switch (source.keyword()) {
            case FROM -> from(source, line, from);
            case RUN -> new RunInstruction(source, command(source, line, from), MountParser.mounts(source.flags()),
                    source.flags().value("network"), source.flags().value("security"), heredocs);
            case CMD -> new CmdInstruction(source, command(source, line, from));
            case ENTRYPOINT -> new EntrypointInstruction(source, command(source, line, from));
            case SHELL -> shell(source, line, from);
            case HEALTHCHECK -> healthcheck(source, line, from);
            case COPY, ADD -> fileTransfer(source, line, from, heredocs);
            case ENV -> pairs.env(source, line, from);
            case LABEL -> pairs.label(source, line, from);
            case ARG -> pairs.arg(source, line, from);
            case EXPOSE -> {
                List<ExposedPort> ports = ArgumentLexer.fields(line.text(), from).stream()
                        .map(token -> ExposedPort.parse(token.text(), line.position(token.start()))).toList();
                requireArguments(empty, at, written + " needs at least one port");
                yield new ExposeInstruction(source, ports);
            }
            case USER -> {
                requireArguments(empty, at, written + " needs a user name or id");
                String value = source.arguments();
                int colon = value.indexOf(':');
                yield colon < 0 ? new UserInstruction(source, value, Optional.empty())
                        : new UserInstruction(source, value.substring(0, colon),
                                Optional.of(value.substring(colon + 1)));
            }
            case WORKDIR -> {
                requireArguments(empty, at, written + " needs a path");
                yield new WorkdirInstruction(source, source.arguments());
            }
            case VOLUME -> volume(source, line, from);
            case STOPSIGNAL -> {
                requireArguments(empty, at, written + " needs a signal");
                yield new StopsignalInstruction(source, source.arguments());
            }
            case MAINTAINER -> {
                requireArguments(empty, at, written + " needs a name");
                yield new MaintainerInstruction(source, source.arguments());
            }
            case ONBUILD -> throw new IllegalStateException("ONBUILD is parsed by InstructionParser");
            case UNKNOWN -> {
                context.problem(source.range().start(), "unknown instruction: " + written);
                yield new UnknownInstruction(source);
            }
        };
    }

    private void requireArguments(boolean empty, SourcePosition at, String message) {
        if (empty) {
            context.problem(at, message);
        }
    }

    private FromInstruction from(InstructionSource source, LogicalLine line, int from) {
        List<Token> words = ArgumentLexer.fields(line.text(), from);
        if (words.isEmpty()) {
            context.problem(source.argumentsPosition(), "FROM needs an image");
            return new FromInstruction(source, new Word("", source.argumentsPosition()), Optional.empty(),
                    source.flags().value("platform"));
        }
        Optional<Word> name = Optional.empty();
        boolean hasAs = words.size() >= 2 && words.get(1).text().equalsIgnoreCase("as");
        if (hasAs && words.size() >= 3) {
            Token token = words.get(2);
            name = Optional.of(new Word(token.text(), line.position(token.start())));
            if (token.text().indexOf('$') < 0 && !isStageName(token.text())) {
                context.problem(name.get().position(), "invalid stage name " + token.text()
                        + " (letters, digits, '-', '_' and '.', starting with a letter)");
            }
        }
        if (words.size() != 1 && !(words.size() == 3 && hasAs)) {
            context.problem(line.position(words.get(1).start()), "FROM takes an image and optionally AS name");
        }
        Token image = words.get(0);
        return new FromInstruction(source, new Word(image.text(), line.position(image.start())), name,
                source.flags().value("platform"));
    }

    private static boolean isStageName(String name) {
        char first = name.charAt(0);
        if (!Character.isLetter(first) || first > 0x7F) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Chars.isNameChar(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Exec form when the arguments are a JSON array of strings; malformed JSON is shell form, as in BuildKit. */
    private Command command(InstructionSource source, LogicalLine line, int from) {
        return commandAt(source.arguments(), line, from, source.keywordAsWritten());
    }

    private Command commandAt(String arguments, LogicalLine line, int from, String written) {
        SourcePosition at = line.position(from);
        if (!arguments.startsWith("[")) {
            return new Command.ShellForm(arguments, at);
        }
        JsonArray.Result json = JsonArray.parse(line.text(), from);
        return switch (json.status()) {
            case STRINGS -> new Command.ExecForm(json.elements().stream().map(Token::text).toList(), at);
            case NOT_STRINGS -> {
                context.problem(at, written + ": a JSON array must hold strings only");
                yield new Command.ShellForm(arguments, at);
            }
            case MALFORMED -> new Command.ShellForm(arguments, at);
        };
    }

    private ShellInstruction shell(InstructionSource source, LogicalLine line, int from) {
        Command command = command(source, line, from);
        if (source.arguments().isEmpty()) {
            context.problem(source.argumentsPosition(), source.keywordAsWritten() + " needs a JSON array");
        } else if (!(command instanceof Command.ExecForm)) {
            context.problem(source.argumentsPosition(),
                    source.keywordAsWritten() + " needs a JSON array, e.g. [\"/bin/sh\", \"-c\"]");
        }
        return new ShellInstruction(source, command);
    }

    /** {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [options] CMD command}; the type word is case-insensitive. */
    private HealthcheckInstruction healthcheck(InstructionSource source, LogicalLine line, int from) {
        String text = line.text();
        String written = source.keywordAsWritten();
        if (source.arguments().isEmpty()) {
            context.problem(source.argumentsPosition(), written + " needs NONE or CMD and a command");
            return new HealthcheckInstruction(source, false, Optional.empty());
        }
        int typeEnd = from;
        while (typeEnd < text.length() && !Chars.isSpace(text.charAt(typeEnd))) {
            typeEnd++;
        }
        String type = text.substring(from, typeEnd);
        int restStart = Chars.skipSpaces(text, typeEnd);
        String rest = text.substring(restStart, Chars.trimEnd(text, restStart, text.length()));
        HealthcheckOptions.check(source, context);
        if (type.equalsIgnoreCase("NONE")) {
            if (!rest.isEmpty()) {
                context.problem(line.position(restStart), written + " NONE takes no arguments");
            }
            return new HealthcheckInstruction(source, true, Optional.empty());
        }
        if (!type.equalsIgnoreCase("CMD")) {
            context.problem(source.argumentsPosition(), "unknown " + written + " type " + type
                    + " (expected CMD or NONE)");
            return new HealthcheckInstruction(source, false, Optional.empty());
        }
        if (rest.isEmpty()) {
            context.problem(source.argumentsPosition(), written + " CMD needs a command");
            return new HealthcheckInstruction(source, false, Optional.empty());
        }
        return new HealthcheckInstruction(source, false, Optional.of(commandAt(rest, line, restStart, written)));
    }

    /**
     * The words of a JSON-array argument list ({@code ["a", "b"]}), each at its position; empty when the arguments
     * are not a JSON array of strings (then they are shell words). An array holding anything but strings is a
     * problem, as in BuildKit.
     */
    private Optional<List<Word>> jsonWords(InstructionSource source, LogicalLine line, int from) {
        if (!source.arguments().startsWith("[")) {
            return Optional.empty();
        }
        JsonArray.Result result = JsonArray.parse(line.text(), from);
        if (result.status() == JsonArray.Status.NOT_STRINGS) {
            context.problem(source.argumentsPosition(),
                    source.keywordAsWritten() + ": a JSON array must hold strings only");
        }
        if (result.status() != JsonArray.Status.STRINGS) {
            return Optional.empty();
        }
        List<Word> words = new ArrayList<>();
        for (Token element : result.elements()) {
            words.add(new Word(element.text(), line.position(element.start())));
        }
        return Optional.of(words);
    }

    /** The whitespace-separated words of a shell-form argument list, each at its position. */
    private static List<Word> fieldWords(LogicalLine line, int from) {
        List<Word> words = new ArrayList<>();
        for (Token token : ArgumentLexer.fields(line.text(), from)) {
            words.add(new Word(token.text(), line.position(token.start())));
        }
        return words;
    }

    private Instruction fileTransfer(InstructionSource source, LogicalLine line, int from, List<Heredoc> heredocs) {
        Optional<List<Word>> jsonWords = jsonWords(source, line, from);
        boolean json = jsonWords.isPresent();
        List<Word> words = jsonWords.orElseGet(() -> fieldWords(line, from));
        Optional<Word> destination = Optional.empty();
        List<Word> sources = words;
        if (words.size() < 2) {
            context.problem(source.argumentsPosition(),
                    source.keywordAsWritten() + " needs at least one source and a destination");
        } else {
            destination = Optional.of(words.get(words.size() - 1));
            sources = words.subList(0, words.size() - 1);
        }
        return source.keyword() == Keyword.COPY
                ? new CopyInstruction(source, sources, destination, json, heredocs)
                : new AddInstruction(source, sources, destination, json, heredocs);
    }

    private VolumeInstruction volume(InstructionSource source, LogicalLine line, int from) {
        Optional<List<Word>> jsonWords = jsonWords(source, line, from);
        boolean json = jsonWords.isPresent();
        List<Word> paths = jsonWords.orElseGet(() -> fieldWords(line, from));
        if (json) {
            paths.stream().filter(w -> w.text().isBlank()).forEach(w ->
                    context.problem(w.position(), source.keywordAsWritten() + " paths can't be empty"));
        }
        if (paths.isEmpty() && !json) {
            context.problem(source.argumentsPosition(), source.keywordAsWritten() + " needs at least one path");
        }
        return new VolumeInstruction(source, paths, json);
    }
}

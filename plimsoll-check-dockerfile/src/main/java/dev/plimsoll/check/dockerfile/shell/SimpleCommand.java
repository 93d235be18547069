package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A simple command: assignments, words and redirections. Besides the syntax it answers what rules ask: which program
 * runs ({@link #commandName()}, looking through {@code sudo}, {@code env}, {@code nice} …), its arguments, options
 * and subcommands, and the script it runs from a string ({@code sh -c}).
 */
public final class SimpleCommand implements Command {
    private final List<Assignment> assignments;
    private final List<Word> words;
    private final List<Redirect> redirects;
    private final Position position;
    private final Invocation invocation;
    private final Optional<NestedScript> nested;
    private final String commandName;

    SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, Position position,
            Invocation invocation, Optional<NestedScript> nested) {
        this.assignments = List.copyOf(assignments);
        this.words = List.copyOf(words);
        this.redirects = List.copyOf(redirects);
        this.position = Objects.requireNonNull(position);
        this.invocation = Objects.requireNonNull(invocation);
        this.nested = Objects.requireNonNull(nested);
        Optional<Word> command = commandWord();
        this.commandName = command.isPresent() && !command.get().hasExpansion()
                ? Invocation.basename(command.get().value()) : "";
    }

    /** {@code NAME=value} words before the command (a command of only assignments has no words). */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** All words as written, wrappers included: {@code sudo apt-get install x} has four. */
    public List<Word> words() {
        return words;
    }

    @Override
    public List<Redirect> redirects() {
        return redirects;
    }

    @Override
    public Position position() {
        return position;
    }

    /** The first word's value ({@code sudo}, {@code /usr/bin/apt-get}, {@code $PIP}); empty without words. */
    public String originalName() {
        return words.isEmpty() ? "" : words.get(0).value();
    }

    /**
     * The basename of the program that runs after the wrappers ({@code sudo}, {@code env}, {@code nice},
     * {@code time}, {@code exec}, {@code command}, {@code nohup}, {@code timeout}, {@code gosu}, {@code xargs} …):
     * {@code apt-get} for {@code sudo -E /usr/bin/apt-get install x}. Empty when there is no command or its name is
     * an expansion ({@code $PIP install}).
     */
    public String commandName() {
        return commandName;
    }

    /** Whether {@link #commandName()} is one of {@code names}. */
    public boolean is(String... names) {
        for (String name : names) {
            if (commandName.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The word naming the effective program. */
    public Optional<Word> commandWord() {
        int index = invocation.commandIndex();
        return index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
    }

    /** The wrappers looked through, outermost first ({@code [sudo, env]}). */
    public List<String> wrappers() {
        return invocation.wrappers();
    }

    /** Whether the program runs under {@code sudo} (or {@code doas}). */
    public boolean sudo() {
        return invocation.sudo();
    }

    /** Prefix assignments plus those given to {@code env}/{@code sudo}: the environment changes of this command. */
    public List<Assignment> environment() {
        if (invocation.environment().isEmpty()) {
            return assignments;
        }
        List<Assignment> all = new ArrayList<>(assignments);
        all.addAll(invocation.environment());
        return all;
    }

    /** The words after the effective program. */
    public List<Word> args() {
        int from = Math.min(words.size(), invocation.commandIndex() + 1);
        return words.subList(from, words.size());
    }

    /** The values of {@link #args()}. */
    public List<String> argValues() {
        List<Word> args = args();
        List<String> values = new ArrayList<>(args.size());
        for (Word arg : args) {
            values.add(arg.value());
        }
        return values;
    }

    /** Whether an argument is exactly one of {@code values}. */
    public boolean hasArg(String... values) {
        for (Word arg : args()) {
            for (String value : values) {
                if (arg.value().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether any of the options is given: {@code hasFlag("-y", "--yes", "--assume-yes")} is true for {@code -y},
     * {@code -qy}, {@code --yes}, {@code --assume-yes=true}. Short names ({@code -y}) also match inside combined
     * switches; longer single-dash names ({@code -name}) only match exactly. Options after {@code --} and values of
     * known value-taking options ({@code apt-get -o X}) are not options.
     */
    public boolean hasFlag(String... names) {
        Set<String> wanted = Set.of(names);
        Options.Parsed parsed = Options.parse(args(), KnownOptions.valueOptions(commandName), singleDashLong(names));
        for (Options.Occurrence option : parsed.options()) {
            if (wanted.contains(option.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of the first of the options given ({@code --index-url=X}, {@code --index-url X}, {@code -iX},
     * {@code -i X}); the named options are taken to need a value.
     */
    public Optional<String> flagValue(String... names) {
        List<String> values = flagValues(names);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the options given, in order ({@code pip --trusted-host a --trusted-host b}). */
    public List<String> flagValues(String... names) {
        Set<String> wanted = Set.of(names);
        Set<String> valueOptions = valueOptions(wanted);
        List<String> values = new ArrayList<>();
        for (Options.Occurrence option : Options.parse(args(), valueOptions).options()) {
            if (wanted.contains(option.name()) && option.value().isPresent()) {
                values.add(option.value().get());
            }
        }
        return values;
    }

    /**
     * The operands: arguments that are neither options nor option values. For {@code apt-get -y -o A=B install x}
     * that is {@code install x}.
     */
    public List<Word> positionals() {
        List<Word> args = args();
        Options.Parsed parsed = Options.parse(args, KnownOptions.valueOptions(commandName));
        List<Word> result = new ArrayList<>(parsed.positionals().size());
        for (int index : parsed.positionals()) {
            result.add(args.get(index));
        }
        return result;
    }

    /** The values of {@link #positionals()}. */
    public List<String> positionalValues() {
        List<Word> positionals = positionals();
        List<String> values = new ArrayList<>(positionals.size());
        for (Word word : positionals) {
            values.add(word.value());
        }
        return values;
    }

    /** The first operand: {@code install} for {@code apt-get -qq install x}. */
    public Optional<String> subcommand() {
        List<Word> positionals = positionals();
        return positionals.isEmpty() ? Optional.empty() : Optional.of(positionals.get(0).value());
    }

    /**
     * Whether the operands start with {@code path}: {@code hasSubcommand("install")} for apt-get,
     * {@code hasSubcommand("config", "set")} for npm.
     */
    public boolean hasSubcommand(String... path) {
        List<Word> positionals = positionals();
        if (positionals.size() < path.length) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (!positionals.get(i).is(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** The operands after the subcommand path: the packages of {@code apt-get install -y curl git}. */
    public List<Word> operandsAfter(String... path) {
        if (!hasSubcommand(path)) {
            return List.of();
        }
        List<Word> positionals = positionals();
        return positionals.subList(path.length, positionals.size());
    }

    /** The script this command runs from a string ({@code sh -c '…'}), parsed. */
    public Optional<NestedScript> nestedScript() {
        return nested;
    }

    private Set<String> valueOptions(Set<String> extra) {
        Set<String> known = KnownOptions.valueOptions(commandName);
        if (extra.isEmpty()) {
            return known;
        }
        Set<String> all = new HashSet<>(known);
        all.addAll(extra);
        return all;
    }

    private Set<String> singleDashLong(String[] names) {
        Set<String> result = null;
        for (String name : names) {
            if (name.length() > 2 && name.charAt(0) == '-' && name.charAt(1) != '-') {
                if (result == null) {
                    result = new HashSet<>();
                }
                result.add(name);
            }
        }
        return result == null ? Set.of() : result;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Assignment assignment : assignments) {
            text.append(assignment).append(' ');
        }
        for (Word word : words) {
            text.append(word.raw()).append(' ');
        }
        for (Redirect redirect : redirects) {
            text.append(redirect).append(' ');
        }
        return text.toString().strip();
    }
}

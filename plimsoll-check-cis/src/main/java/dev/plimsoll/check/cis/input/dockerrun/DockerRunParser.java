package dev.plimsoll.check.cis.input.dockerrun;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.BoundedText;
import dev.plimsoll.check.cis.input.DockerValues;
import dev.plimsoll.check.cis.input.InvalidValueException;
import dev.plimsoll.check.cis.input.RunConfigBuilder;
import dev.plimsoll.check.cis.input.dockerrun.RunFlags.Flag;
import dev.plimsoll.check.cis.run.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code docker run} / {@code docker create} / {@code docker container run|create} command lines into
 * {@link RunConfig}s: words split as a POSIX shell does (nothing expanded or executed), flags parsed as the Docker
 * CLI's pflag does ({@code --x=y}, {@code --x y}, {@code -itd}, {@code -p80:80}, repeated flags), the first
 * non-flag word is the image and the rest its command. An unknown flag or a bad value is a problem naming the flag
 * and line; the other commands of the file are still read.
 */
public final class DockerRunParser {
    /** A shell script of docker commands is small; anything larger is not one. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    /** Words that may stand before a command in a script: shell keywords and command wrappers. */
    private static final Set<String> COMMAND_PREFIXES = Set.of("sudo", "exec", "command", "env", "nohup", "time",
            "!", "if", "then", "else", "elif", "do", "while", "until");

    private DockerRunParser() {
    }

    /** One or more commands given as text (a command line); no docker run command in it is a problem. */
    public static Loaded<RunConfig> parse(String sourceName, String commandLine) {
        Loaded<RunConfig> loaded = commands(sourceName, commandLine, false);
        if (loaded.items().isEmpty() && loaded.problems().isEmpty()) {
            return Loaded.failed(new InputProblem(sourceName, "", "no docker run or docker create command found"));
        }
        return loaded;
    }

    /** A script-like file: every docker run/create command in it; other commands and comments are ignored. */
    public static Loaded<RunConfig> read(Path file) {
        String text;
        try {
            text = BoundedText.read(file, MAX_FILE_BYTES);
        } catch (InvalidValueException e) {
            return Loaded.failed(new InputProblem(file.toString(), "", e.getMessage()));
        } catch (IOException e) {
            return Loaded.failed(new InputProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
        return commands(file.toString(), text, true);
    }

    private static Loaded<RunConfig> commands(String source, String text, boolean withLines) {
        List<ShellWords.Command> commands;
        try {
            commands = ShellWords.commands(text);
        } catch (ShellWords.UnterminatedQuoteException e) {
            return Loaded.failed(new InputProblem(source, "line " + e.line, e.getMessage()));
        }
        List<RunConfig> configs = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (ShellWords.Command command : commands) {
            String lineText = withLines || text.contains("\n") ? "line " + command.line() : "";
            try {
                Optional<Integer> start = runArguments(command.words());
                if (start.isPresent()) {
                    configs.add(new CommandParser(command.words(), start.get(), source).parse());
                }
            } catch (FlagException e) {
                String where = lineText.isEmpty() ? e.flag : e.flag.isEmpty() ? lineText : lineText + ", " + e.flag;
                problems.add(new InputProblem(source, where, e.getMessage()));
            }
        }
        return new Loaded<>(configs, problems);
    }

    /** Where the run/create arguments start, if these words are a docker run/create command at all. */
    private static Optional<Integer> runArguments(List<String> words) throws FlagException {
        int i = 0;
        while (i < words.size() && (COMMAND_PREFIXES.contains(words.get(i))
                || ASSIGNMENT.matcher(words.get(i)).matches()
                || i > 0 && words.get(i - 1).equals("sudo") && words.get(i).startsWith("-"))) {
            i++;
        }
        if (i >= words.size() || !(words.get(i).equals("docker") || words.get(i).endsWith("/docker"))) {
            return Optional.empty();
        }
        i++;
        while (i < words.size() && words.get(i).startsWith("-") && !words.get(i).equals("-")) {
            String word = words.get(i);
            Optional<Flag> flag = word.startsWith("--")
                    ? RunFlags.GLOBAL.named(word.substring(2).split("=", 2)[0])
                    : word.length() == 2 ? RunFlags.GLOBAL.shorthand(word.charAt(1)) : Optional.empty();
            if (flag.isEmpty()) {
                // only a problem when it stands before a run/create; other docker commands are not audited
                if (words.subList(i, words.size()).stream().anyMatch(w -> w.equals("run") || w.equals("create"))) {
                    throw new FlagException(word.split("=", 2)[0], "unknown docker option "
                            + word.split("=", 2)[0]);
                }
                return Optional.empty();
            }
            i += flag.get().takesValue() && !word.contains("=") ? 2 : 1;
        }
        if (i < words.size() && words.get(i).equals("container")) {
            i++;
        }
        if (i < words.size() && (words.get(i).equals("run") || words.get(i).equals("create"))) {
            return Optional.of(i + 1);
        }
        return Optional.empty();
    }

    /** A flag or value Docker would refuse; {@code flag} is the flag as the user wrote it. */
    static final class FlagException extends Exception {
        final String flag;

        FlagException(String flag, String message) {
            super(message);
            this.flag = flag;
        }
    }

    /** One flag occurrence: the flag, its value ("" for booleans given without one), and how it was written. */
    private record Occurrence(Flag flag, Optional<String> value, String written) {
    }

    private static final class CommandParser {
        private final List<String> words;
        private final String source;
        private int next;

        CommandParser(List<String> words, int start, String source) {
            this.words = words;
            this.next = start;
            this.source = source;
        }

        RunConfig parse() throws FlagException {
            List<Occurrence> occurrences = new ArrayList<>();
            while (next < words.size()) {
                String word = words.get(next);
                if (word.equals("--")) {
                    next++;
                    break;
                }
                if (!word.startsWith("-") || word.equals("-")) {
                    break;
                }
                next++;
                if (word.startsWith("--")) {
                    occurrences.add(longFlag(word));
                } else {
                    shortFlags(word, occurrences);
                }
            }
            if (next >= words.size()) {
                throw new FlagException("", "no image given (docker run needs an image after its options)");
            }
            String image = words.get(next);
            return apply(occurrences, image);
        }

        private Occurrence longFlag(String word) throws FlagException {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
            String written = "--" + name;
            Flag flag = RunFlags.RUN.named(name).orElseThrow(() -> new FlagException(written,
                    "unknown flag: " + written));
            if (eq >= 0) {
                return new Occurrence(flag, Optional.of(word.substring(eq + 1)), written);
            }
            if (!flag.takesValue()) {
                return new Occurrence(flag, Optional.empty(), written);
            }
            return new Occurrence(flag, Optional.of(nextValue(written)), written);
        }

        /** pflag's shorthand rules: booleans combine ({@code -itd}); a value flag takes the rest of the word. */
        private void shortFlags(String word, List<Occurrence> occurrences) throws FlagException {
            String rest = word.substring(1);
            while (!rest.isEmpty()) {
                char c = rest.charAt(0);
                String written = "-" + c;
                Flag flag = RunFlags.RUN.shorthand(c).orElseThrow(() -> new FlagException(written,
                        "unknown shorthand flag: '" + c + "'"));
                String after = rest.substring(1);
                if (after.startsWith("=")) {
                    occurrences.add(new Occurrence(flag, Optional.of(after.substring(1)), written));
                    return;
                }
                if (!flag.takesValue()) {
                    occurrences.add(new Occurrence(flag, Optional.empty(), written));
                    rest = after;
                    continue;
                }
                occurrences.add(new Occurrence(flag, Optional.of(after.isEmpty() ? nextValue(written) : after),
                        written));
                return;
            }
        }

        private String nextValue(String written) throws FlagException {
            if (next >= words.size()) {
                throw new FlagException(written, "flag needs an argument: " + written);
            }
            return words.get(next++);
        }

        private RunConfig apply(List<Occurrence> occurrences, String image) throws FlagException {
            String name = image;
            List<String> securityOptions = new ArrayList<>();
            SortedSet<String> capAdd = new TreeSet<>();
            SortedSet<String> capDrop = new TreeSet<>();
            Optional<String> healthCmd = Optional.empty();
            boolean noHealthcheck = false;
            boolean otherHealthFlags = false;
            for (Occurrence o : occurrences) {
                if (o.flag().name().equals("name")) {
                    name = o.value().orElseThrow();
                }
            }
            RunConfigBuilder b = new RunConfigBuilder(name, source);
            b.image(image, "image");
            for (Occurrence o : occurrences) {
                String src = o.flag().display();
                try {
                    String value = o.value().orElse("");
                    switch (o.flag().name()) {
                        case "privileged" -> b.privileged(bool(o), src);
                        case "read-only" -> b.readOnly(bool(o), src);
                        case "cap-add" -> capAdd.add(DockerValues.capability(value));
                        case "cap-drop" -> capDrop.add(DockerValues.capability(value));
                        case "user" -> b.user(value, src);
                        case "pid" -> b.pid(value, src);
                        case "ipc" -> b.ipc(value, src);
                        case "uts" -> b.uts(value, src);
                        case "net", "network" -> b.network(value, "--network");
                        case "userns" -> b.userns(value, src);
                        case "cgroupns" -> b.cgroupns(value, src);
                        case "volume" -> b.mount(DockerValues.volume(value), src);
                        case "mount" -> b.mount(CsvFlagValues.mount(value), src);
                        case "tmpfs" -> {
                            Map.Entry<String, String> tmpfs = DockerValues.tmpfs(value);
                            b.tmpfs(tmpfs.getKey(), tmpfs.getValue(), src);
                        }
                        case "device" -> b.device(DockerValues.device(value), src);
                        case "publish" -> {
                            for (RunConfig.PortBinding port : DockerValues.ports(CsvFlagValues.publishSpec(value))) {
                                b.port(port, src);
                            }
                        }
                        case "memory" -> b.memory(DockerValues.ramInBytes(value), src);
                        case "cpu-shares" -> b.cpuShares(DockerValues.parseLong(value, src), src);
                        case "cpus" -> b.nanoCpus(DockerValues.nanoCpus(value), src);
                        case "pids-limit" -> b.pidsLimit(DockerValues.parseLong(value, src), src);
                        case "ulimit" -> b.ulimit(DockerValues.ulimit(value), src);
                        case "security-opt" -> securityOptions.add(value);
                        case "restart" -> b.restart(DockerValues.restart(value), src);
                        case "health-cmd" -> healthCmd = Optional.of(value);
                        case "health-interval", "health-retries", "health-timeout", "health-start-period",
                             "health-start-interval" -> otherHealthFlags = true;
                        case "no-healthcheck" -> noHealthcheck = bool(o);
                        case "cgroup-parent" -> b.cgroupParent(value, src);
                        default -> {
                            if (!o.flag().takesValue()) {
                                bool(o);
                            }
                        }
                    }
                } catch (InvalidValueException e) {
                    throw new FlagException(o.written(), "invalid value for " + o.written() + ": " + e.getMessage());
                }
            }
            // the CLI's normalisation before the engine sees them: ALL trumps the others, adding wins over dropping
            if (capAdd.contains("ALL")) {
                capAdd.retainAll(Set.of("ALL"));
            }
            if (capDrop.contains("ALL")) {
                capDrop.retainAll(Set.of("ALL"));
            }
            capDrop.removeAll(capAdd);
            if (!capAdd.isEmpty()) {
                b.capAdd(List.copyOf(capAdd), "--cap-add");
            }
            if (!capDrop.isEmpty()) {
                b.capDrop(List.copyOf(capDrop), "--cap-drop");
            }
            if (!securityOptions.isEmpty()) {
                try {
                    b.security(DockerValues.securityOptions(securityOptions), "--security-opt");
                } catch (InvalidValueException e) {
                    throw new FlagException("--security-opt", "invalid value for --security-opt: " + e.getMessage());
                }
            }
            if (noHealthcheck) {
                if (healthCmd.isPresent() || otherHealthFlags) {
                    throw new FlagException("--no-healthcheck", "--no-healthcheck conflicts with --health-* options");
                }
                b.healthcheck(List.of("NONE"), "--no-healthcheck");
            } else if (healthCmd.isPresent()) {
                b.healthcheck(List.of("CMD-SHELL", healthCmd.get()), "--health-cmd");
            }
            return b.build();
        }

        private static boolean bool(Occurrence o) throws InvalidValueException {
            return o.value().isEmpty() || DockerValues.goBool(o.value().get());
        }
    }
}

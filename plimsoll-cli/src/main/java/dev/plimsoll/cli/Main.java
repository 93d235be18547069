package dev.plimsoll.cli;

import dev.plimsoll.core.error.AnalysisException;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.PlimsollException;
import dev.plimsoll.core.error.RegistryException;
import dev.plimsoll.core.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Entry point: the command tree, exit codes and error messages; no scanning logic. */
public final class Main {
    /** When this class was initialised, i.e. as main started: what --debug's timings count from. */
    static final long STARTED = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) {
        if (readsImages(args)) {
            DigestWarmup.startFor(args);
        }
        int code = run(System.out, System.err, Clock.systemUTC(), args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Whether the command verifies image layers, the only work the digest warm-up speeds up; elsewhere (a
     * Dockerfile lint) the warm-up thread would only compete for the second core during start-up.
     */
    static boolean readsImages(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("image") || a.equals("sbom") || a.equals("rootfs") || a.equals("baseline");
            }
        }
        return false;
    }

    /** Runs one command line; for tests, with the streams and clock given. */
    public static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
        return run(new Console(out, err, clock), args);
    }

    /** Runs one command line with the surroundings given (stdin, environment, working and home directory). */
    static int run(Console console, String... args) {
        List<Command> all = List.of(
                new Command("image", () -> new ImageCommand(console)),
                new Command("sbom", () -> new SbomCommand(console)),
                new Command("rootfs", () -> new RootfsCommand(console)),
                new Command("fs", () -> new FsCommand(console)),
                new Command("dockerfile", () -> new DockerfileCommand(console)),
                new Command("secrets", () -> new SecretsCommand(console)),
                new Command("baseline", () -> new BaselineCommand(console)),
                new Command("audit", () -> new AuditCommand(console, AuditInputs.standard())),
                new Command("db", () -> new DbCommand(console, console.host().env())),
                new Command("cache", () -> new CacheCommand(console)));
        String named = commandName(args);
        List<Command> made = all.stream().filter(c -> c.name().equals(named)).toList();
        return run(console, (made.isEmpty() ? all : made).stream().map(Command::make).toList(), args);
    }

    /**
     * A command by name, made only when the command line needs it: the audit command builds the models of its seven
     * inputs as it is made, a tenth of an image scan's start-up when every command was made for every run.
     */
    private record Command(String name, Supplier<CliCommand> factory) {
        CliCommand make() {
            CliCommand c = factory.get();
            if (!c.name().equals(name)) {
                throw new IllegalStateException("command " + c.name() + " registered as " + name);
            }
            return c;
        }
    }

    /** The first argument that is not an option: the command's name when the line names one. */
    private static String commandName(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    /** Runs one command line with these commands (tests give a command its own parts, e.g. audit inputs). */
    static int run(Console console, List<CliCommand> subcommands, String... args) {
        PrintStream out = console.out();
        PrintStream err = console.err();
        String version = "plimsoll " + version();
        CommandLine cli = new CommandLine(rootSpec(version));
        Map<String, CliCommand> commands = new LinkedHashMap<>();
        for (CliCommand c : requested(subcommands, args)) {
            CommandSpec spec = c.spec().version(version);
            commands.put(spec.name(), c);
            cli.addSubcommand(spec.name(), new CommandLine(spec));
        }
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionStrategy(parsed -> execute(parsed, commands));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, console));
        cli.setParameterExceptionHandler((e, ignored) -> {
            console.error(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /**
     * The commands whose models the command line needs: only the one it names when it names one, all of them
     * otherwise (the root's help lists them, and a mistyped name gets picocli's suggestions). Picocli's classes
     * are Java 5 class files, which the JDK's ahead-of-time cache cannot hold, so each model built at start-up is
     * interpreted work: building one model instead of ten saves a good part of every command's start-up.
     */
    static List<CliCommand> requested(List<CliCommand> subcommands, String... args) {
        String named = commandName(args);
        for (CliCommand c : subcommands) {
            if (c.name().equals(named)) {
                return List.of(c);
            }
        }
        return subcommands;
    }

    private static CommandSpec rootSpec(String version) {
        CommandSpec spec = CommandSpec.create().name("plimsoll").version(version);
        ScanOptions.addHelp(spec);
        spec.usageMessage()
                .description("Container security across build, ship and run: the line an image must stay above.");
        ExitCode.describeIn(spec);
        return spec;
    }

    private static int execute(ParseResult parsed, Map<String, CliCommand> commands)
            throws CommandLine.ExecutionException {
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return helpExit;
        }
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            parsed.commandSpec().commandLine().usage(parsed.commandSpec().commandLine().getOut());
            return ExitCode.OK;
        }
        CliCommand command = commands.get(sub.commandSpec().name());
        try {
            return command.run(sub);
        } catch (Exception e) {
            throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    private static int handle(Exception e, Console console) {
        Throwable t = e;
        while ((t instanceof CommandLine.ExecutionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof PlimsollException p) {
            console.error(p.getMessage());
            console.debugTrace(p);
            return switch (p) {
                case UsageException u -> ExitCode.USAGE;
                case ImageException i -> ExitCode.INPUT_ERROR;
                case ConfigException c -> ExitCode.INPUT_ERROR;
                case RegistryException r -> ExitCode.INPUT_ERROR;
                case AnalysisException a -> ExitCode.INTERNAL_ERROR;
            };
        }
        if (t instanceof IOException io) {
            console.error(io.getMessage() == null ? io.toString() : io.getMessage());
            console.debugTrace(io);
            return ExitCode.INPUT_ERROR;
        }
        console.error("internal error: " + t);
        console.trace(t);
        return ExitCode.INTERNAL_ERROR;
    }

    /** The version the build wrote into version.properties. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}

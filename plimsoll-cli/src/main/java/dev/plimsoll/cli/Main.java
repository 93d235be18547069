package dev.plimsoll.cli;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.PlimsollException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.error.AnalysisException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point: wiring and exit codes only. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(System.out, System.err, Clock.systemUTC(), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; for tests, with the streams and clock given. */
    public static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
        Console console = new Console(out, err, clock);
        CommandLine cli = new CommandLine(new PlimsollCommand(), new CommandFactory(console));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, console));
        cli.setParameterExceptionHandler((e, args1) -> {
            console.error(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, Console console) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof PlimsollException p) {
            console.error(p.getMessage());
            console.debugTrace(p);
            return switch (p) {
                case UsageException u -> ExitCode.USAGE;
                case ImageException i -> ExitCode.INPUT_ERROR;
                case ConfigException c -> ExitCode.INPUT_ERROR;
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

    /** Gives every command the console. */
    private record CommandFactory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ImageCommand.class) {
                return cls.cast(new ImageCommand(console));
            }
            if (cls == SbomCommand.class) {
                return cls.cast(new SbomCommand(console));
            }
            if (cls == RootfsCommand.class) {
                return cls.cast(new RootfsCommand(console));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}

package dev.plimsoll.check.cis.input.daemon;

import dev.plimsoll.check.cis.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses dockerd's command-line flags as its flag library (pflag) does: {@code --flag=value} and {@code --flag value},
 * a boolean flag alone means true and takes a value only after "=", short flags as {@code -H value}, {@code -Hvalue}
 * or {@code -H=value}, boolean short flags combine ({@code -D}). Unknown flags and positional arguments, which
 * dockerd refuses, are problems naming the flag.
 */
public final class DockerdFlags {
    /** One flag occurrence. */
    public record Flag(DaemonOption option, String written, String value) {
        public Flag {
            Objects.requireNonNull(option);
            Objects.requireNonNull(written);
            Objects.requireNonNull(value);
        }
    }

    /** The flags found and the problems met, for one source of arguments. */
    public record Parsed(List<Flag> flags, List<InputProblem> problems) {
        public Parsed {
            flags = List.copyOf(flags);
            problems = List.copyOf(problems);
        }
    }

    private DockerdFlags() {
    }

    /** @param source where the arguments were written, for problems */
    public static Parsed parse(String source, List<String> args) {
        List<Flag> flags = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                if (i + 1 < args.size()) {
                    problems.add(new InputProblem(source, args.get(i + 1), "dockerd takes no arguments"));
                }
                break;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                Optional<DaemonOption> option = DaemonOptions.byFlag(name);
                if (option.isEmpty()) {
                    problems.add(new InputProblem(source, name, "unknown dockerd flag"));
                    continue;
                }
                if (eq >= 0) {
                    flags.add(new Flag(option.get(), name, arg.substring(eq + 1)));
                } else if (option.get().type() == DaemonOption.Type.BOOL) {
                    flags.add(new Flag(option.get(), name, "true"));
                } else if (i + 1 < args.size()) {
                    flags.add(new Flag(option.get(), name, args.get(++i)));
                } else {
                    problems.add(new InputProblem(source, name, "flag needs an argument"));
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = shortFlags(source, args, i, flags, problems);
            } else {
                problems.add(new InputProblem(source, arg, "dockerd takes no arguments"));
            }
        }
        return new Parsed(flags, problems);
    }

    /** Reads the short flags in {@code args[i]}; returns the index of the last argument consumed. */
    private static int shortFlags(String source, List<String> args, int i, List<Flag> flags,
                                  List<InputProblem> problems) {
        String arg = args.get(i);
        for (int c = 1; c < arg.length(); c++) {
            String name = "-" + arg.charAt(c);
            Optional<DaemonOption> option = DaemonOptions.byFlag(name);
            if (option.isEmpty()) {
                problems.add(new InputProblem(source, name, "unknown dockerd flag"));
                return i;
            }
            String rest = arg.substring(c + 1);
            if (option.get().type() == DaemonOption.Type.BOOL) {
                if (rest.startsWith("=")) {
                    flags.add(new Flag(option.get(), name, rest.substring(1)));
                    return i;
                }
                flags.add(new Flag(option.get(), name, "true"));
                continue;
            }
            if (!rest.isEmpty()) {
                flags.add(new Flag(option.get(), name, rest.startsWith("=") ? rest.substring(1) : rest));
                return i;
            }
            if (i + 1 < args.size()) {
                flags.add(new Flag(option.get(), name, args.get(i + 1)));
                return i + 1;
            }
            problems.add(new InputProblem(source, name, "flag needs an argument"));
            return i;
        }
        return i;
    }
}

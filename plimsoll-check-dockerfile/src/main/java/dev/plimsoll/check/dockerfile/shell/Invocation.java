package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which word of a simple command is the program that really runs: {@code sudo -u app env A=1 nice -n 5 apt-get}
 * runs {@code apt-get}. Wrappers are the commands that run their operands as a command line.
 *
 * @param commandIndex index of the effective command word (== words.size() when there is none)
 */
record Invocation(int commandIndex, List<String> wrappers, boolean sudo, List<Assignment> environment) {

    /** A command that runs the rest of its arguments: its value options, then how many operands come first. */
    private record Wrapper(Set<String> valueOptions, int leadingOperands, boolean assignments) {
    }

    private static final Wrapper PLAIN = new Wrapper(Set.of(), 0, false);
    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", new Wrapper(Set.of("-u", "--user", "-g", "--group", "-C", "--close-from", "-D",
                    "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U",
                    "--other-user", "-T", "--command-timeout"), 0, true)),
            Map.entry("doas", new Wrapper(Set.of("-u", "-C"), 0, false)),
            Map.entry("env", new Wrapper(Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string"), 0, true)),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), 0, false)),
            Map.entry("ionice", new Wrapper(Set.of("-c", "--class", "-n", "--classdata", "-p", "--pid", "-P",
                    "--pgid", "-u", "--uid"), 0, false)),
            Map.entry("time", new Wrapper(Set.of("-f", "--format", "-o", "--output"), 0, false)),
            Map.entry("exec", new Wrapper(Set.of("-a"), 0, false)),
            Map.entry("command", PLAIN),
            Map.entry("builtin", PLAIN),
            Map.entry("nohup", PLAIN),
            Map.entry("eatmydata", PLAIN),
            Map.entry("fakeroot", new Wrapper(Set.of("-l", "--lib", "-s", "-i", "-b", "--faked"), 0, false)),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e", "--input", "--output", "--error"), 0, false)),
            Map.entry("timeout", new Wrapper(Set.of("-s", "--signal", "-k", "--kill-after"), 1, false)),
            Map.entry("gosu", new Wrapper(Set.of(), 1, false)),
            Map.entry("su-exec", new Wrapper(Set.of(), 1, false)),
            Map.entry("xargs", new Wrapper(Set.of("-I", "-n", "-P", "-L", "-d", "-s", "-E", "-a", "--max-args",
                    "--arg-file", "--delimiter", "--max-procs", "--replace", "--max-lines", "--max-chars", "--eof",
                    "--process-slot-var"), 0, false)));

    Invocation {
        wrappers = List.copyOf(wrappers);
        environment = List.copyOf(environment);
    }

    static Invocation resolve(List<Word> words) {
        List<String> wrappers = new ArrayList<>();
        List<Assignment> environment = new ArrayList<>();
        boolean sudo = false;
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            if (word.hasExpansion()) {
                break;
            }
            String name = basename(word.value());
            Wrapper wrapper = WRAPPERS.get(name);
            if (wrapper == null || i + 1 >= words.size()) {
                break;
            }
            if (name.equals("command") && (words.get(i + 1).is("-v") || words.get(i + 1).is("-V"))) {
                // command -v x only looks x up
                break;
            }
            List<Assignment> given = new ArrayList<>();
            int next = Options.skip(words, i + 1, wrapper.valueOptions(), wrapper.assignments(), given);
            next += wrapper.leadingOperands();
            if (next >= words.size()) {
                break;
            }
            environment.addAll(given);
            wrappers.add(name);
            sudo |= name.equals("sudo") || name.equals("doas");
            i = next;
        }
        return new Invocation(i, wrappers, sudo, environment);
    }

    /** {@code /usr/bin/apt-get} → {@code apt-get}; a trailing slash is kept off. */
    static String basename(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        int slash = path.lastIndexOf('/', end - 1);
        return path.substring(slash + 1, end);
    }
}

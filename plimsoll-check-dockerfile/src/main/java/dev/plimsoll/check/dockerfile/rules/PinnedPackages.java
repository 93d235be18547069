package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which packages pip, npm and apk commands install, and whether each names a version (DL3013, DL3016, DL3018,
 * DL3019). Values of options that take one ({@code pip install -i URL}, {@code apk add -t .deps}) are not packages.
 */
final class PinnedPackages {
    /** pip install options whose value is the next word (unless written {@code --name=value}). */
    private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "-t", "--target", "--prefix", "--root", "-e", "--editable", "--trusted-host",
            "--platform", "--python-version", "--abi", "--implementation", "-b", "--build", "--src", "--proxy",
            "--progress-bar", "--no-binary", "--only-binary", "--upgrade-strategy", "--root-user-action", "--python",
            "-r", "--requirement", "-c", "--constraint", "--cache-dir", "--log", "--retries", "--timeout",
            "--exists-action", "--cert", "--client-cert", "--global-option", "--install-option",
            "--config-settings", "-C", "--report");
    private static final List<String> PIP_VERSION_SYMBOLS = List.of("==", ">=", "<=", ">", "<", "!=", "~=");
    private static final List<String> PIP_VCS = List.of("git+", "hg+", "svn+", "bzr+", "git://", "svn://");
    private static final List<String> NPM_GIT = List.of("git://", "git+ssh://", "git+http://", "git+https://");
    private static final List<String> NPM_FOLDER = List.of("/", "./", "../", "~/");
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("--loglevel", "--registry", "--prefix", "--cache",
            "--userconfig", "--globalconfig", "-w", "--workspace", "--location", "--omit", "--include", "--tag");

    private PinnedPackages() {
    }

    // ---- pip ----

    /**
     * The words after {@code install} of {@code pip install ...} ({@code pip}, {@code pip3}, {@code pip3.11}, not
     * {@code pipenv}) or {@code python* -m pip install ...}; empty when the command is no pip install.
     */
    static Optional<List<Word>> pipInstallArgs(SimpleCommand command) {
        String name = command.commandName();
        if (name.startsWith("pip") && !name.startsWith("pipenv")) {
            List<Word> positionals = command.positionals();
            if (!positionals.isEmpty() && positionals.get(0).is("install")) {
                List<Word> args = command.args();
                int at = args.indexOf(positionals.get(0));
                return Optional.of(args.subList(at + 1, args.size()));
            }
            return Optional.empty();
        }
        if (name.startsWith("python")) {
            List<Word> args = command.args();
            for (int i = 0; i + 2 < args.size(); i++) {
                if (args.get(i).is("-m") && args.get(i + 1).is("pip") && args.get(i + 2).is("install")) {
                    return Optional.of(args.subList(i + 3, args.size()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the install takes its versions from elsewhere: a requirements file ({@code -r}), constraints
     * ({@code -c}), or the project in the current directory ({@code .}).
     */
    static boolean pipUsesRequirements(List<Word> installArgs) {
        for (Word word : installArgs) {
            String v = word.value();
            if (v.equals(".") || v.equals("-r") || v.equals("-c") || v.startsWith("--requirement")
                    || v.startsWith("--constraint")
                    || (v.length() > 2 && !v.startsWith("--") && (v.startsWith("-r") || v.startsWith("-c")))) {
                return true;
            }
        }
        return false;
    }

    /** The package words of a pip install: operands that are neither options nor option values. */
    static List<Word> pipPackages(List<Word> installArgs) {
        return operands(installArgs, PIP_VALUE_OPTIONS);
    }

    /** Whether a pip requirement names a version, a VCS ref, a local archive or a path/URL. */
    static boolean pipPinned(String pkg) {
        for (String symbol : PIP_VERSION_SYMBOLS) {
            if (pkg.contains(symbol)) {
                return true;
            }
        }
        if (startsWithAny(pkg, PIP_VCS)) {
            // git+https://host/org/repo.git@v1.2 pins; the @ of git+ssh://git@host/... is the user, not a ref.
            int scheme = pkg.indexOf("://");
            String rest = scheme < 0 ? pkg : pkg.substring(scheme + 3);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int slash = rest.indexOf('/');
            return slash >= 0 && rest.indexOf('@', slash) >= 0;
        }
        return pkg.endsWith(".whl") || pkg.endsWith(".tar.gz") || pkg.indexOf('/') >= 0;
    }

    // ---- npm ----

    /** The words after {@code install} of {@code npm install ...} when install is npm's first operand. */
    static Optional<List<Word>> npmInstallArgs(SimpleCommand command) {
        if (!command.is("npm")) {
            return Optional.empty();
        }
        List<Word> args = command.args();
        List<Word> operands = operands(args, NPM_VALUE_OPTIONS);
        if (operands.isEmpty() || !operands.get(0).is("install")) {
            return Optional.empty();
        }
        int at = args.indexOf(operands.get(0));
        return Optional.of(args.subList(at + 1, args.size()));
    }

    static List<Word> npmPackages(List<Word> installArgs) {
        return operands(installArgs, NPM_VALUE_OPTIONS);
    }

    /** Whether an npm package spec names a version or tag, a git ref, a tarball or a folder. */
    static boolean npmPinned(String pkg) {
        if (startsWithAny(pkg, NPM_GIT)) {
            return pkg.indexOf('#') >= 0;
        }
        if (pkg.endsWith(".tar") || pkg.endsWith(".tar.gz") || pkg.endsWith(".tgz") || startsWithAny(pkg, NPM_FOLDER)) {
            return true;
        }
        String name = pkg;
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            name = slash < 0 ? "" : name.substring(slash + 1);
        }
        return name.indexOf('@') >= 0;
    }

    // ---- apk ----

    /** {@code apk [options] add ...}. */
    static boolean isApkAdd(SimpleCommand command) {
        return command.is("apk") && command.hasSubcommand("add");
    }

    /** The packages of {@code apk add} (values of {@code -t}/{@code --virtual}, {@code -X} … excluded). */
    static List<Word> apkPackages(SimpleCommand command) {
        return command.operandsAfter("add");
    }

    /** Whether an apk package names a version constraint ({@code =}, {@code ~}, {@code >}, {@code <}) or a file. */
    static boolean apkPinned(String pkg) {
        for (int i = 0; i < pkg.length(); i++) {
            char c = pkg.charAt(i);
            if (c == '=' || c == '~' || c == '>' || c == '<') {
                return true;
            }
        }
        return pkg.endsWith(".apk");
    }

    // ---- shared ----

    /** Words that are not options and not the value of an option in {@code valueOptions}; after -- all are. */
    private static List<Word> operands(List<Word> words, Set<String> valueOptions) {
        List<Word> out = new ArrayList<>();
        boolean onlyOperands = false;
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            String v = word.value();
            if (onlyOperands || !v.startsWith("-") || v.equals("-")) {
                out.add(word);
            } else if (v.equals("--")) {
                onlyOperands = true;
            } else if (v.indexOf('=') < 0 && valueOptions.contains(v)) {
                i++;
            }
        }
        return out;
    }

    static boolean startsWithAny(String text, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The values of words, joined with spaces (for messages and evidence). */
    static String join(List<Word> words) {
        StringBuilder text = new StringBuilder();
        for (Word word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word.value());
        }
        return text.toString();
    }
}

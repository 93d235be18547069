package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pin versions in {@code go install}, {@code go get} and {@code go run}: a remote package needs
 * {@code @<version>} ({@code @latest} and {@code @none} do not pin). Local packages ({@code .}, {@code ./...},
 * {@code /src/app}) and {@code .go} files are not reported, nor is Go 1.24's {@code tool} meta-package (the tools
 * declared in go.mod). One finding per RUN naming every unpinned package.
 */
public final class DL3062 implements DockerfileRule {
    /** Go build flags that take the next word as their value when written without {@code =}. */
    private static final Set<String> VALUE_FLAGS = Set.of("C", "o", "p", "ldflags", "gcflags", "asmflags",
            "gccgoflags", "tags", "mod", "modfile", "pkgdir", "overlay", "installsuffix", "toolexec", "exec", "pgo",
            "buildmode", "compiler", "covermode", "coverpkg", "coverprofile", "reldir");

    @Override
    public String id() {
        return "DL3062";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<String> unpinned = new ArrayList<>();
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand go : script.commands("go")) {
                    collectUnpinned(go.args(), unpinned);
                }
            }
            if (!unpinned.isEmpty()) {
                String joined = String.join(" ", unpinned);
                out.report(run, "go package " + joined + (unpinned.size() == 1 ? " is" : " are")
                        + " not pinned: add @<version> (e.g. " + withoutVersion(unpinned.get(0))
                        + "@v1.2.3)", joined);
            }
        }
    }

    /** The operands of {@code go install|get|run} (for run only the package) that have no pinned version. */
    private static void collectUnpinned(List<Word> args, List<String> unpinned) {
        String subcommand = null;
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--")) {
                if (subcommand != null && subcommand.equals("run")) {
                    return;
                }
                continue;
            }
            if (v.startsWith("-")) {
                if (takesValue(v)) {
                    i++;
                }
                continue;
            }
            if (subcommand == null) {
                subcommand = v;
                if (!subcommand.equals("install") && !subcommand.equals("get") && !subcommand.equals("run")) {
                    return;
                }
                continue;
            }
            if (v.equals("tool")) {
                continue;
            }
            if (!pinnedOrLocal(v) && !unpinned.contains(v)) {
                unpinned.add(v);
            }
            if (subcommand.equals("run")) {
                return;
            }
        }
    }

    private static String withoutVersion(String pkg) {
        int at = pkg.lastIndexOf('@');
        return at < 0 ? pkg : pkg.substring(0, at);
    }

    private static boolean takesValue(String flag) {
        if (flag.indexOf('=') >= 0) {
            return false;
        }
        String name = flag.startsWith("--") ? flag.substring(2) : flag.substring(1);
        return VALUE_FLAGS.contains(name);
    }

    private static boolean pinnedOrLocal(String pkg) {
        if (pkg.isEmpty() || pkg.startsWith(".") || pkg.startsWith("/") || pkg.endsWith(".go")) {
            return true;
        }
        int at = pkg.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String version = pkg.substring(at + 1);
        return !version.isEmpty() && !version.equals("latest") && !version.equals("none");
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apt-get update} whose package lists stay in the layer: the same RUN must remove /var/lib/apt/lists (an
 * {@code rm} of the directory, its contents or a parent; {@code find /var/lib/apt/lists ... -delete}; {@code apt-get
 * dist-clean}), unless the lists live on a cache or tmpfs mount. Only
 * stages that end up in an image are checked: the final stage and stages a later FROM builds on (a stage only
 * copied from leaves its lists behind).
 */
public final class DL3009 implements DockerfileRule {
    private static final String LISTS = "/var/lib/apt/lists";

    @Override
    public String id() {
        return "DL3009";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<Stage> stages = context.dockerfile().stages();
        for (Stage stage : stages) {
            if (!inAnImage(stage, stages)) {
                continue;
            }
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof RunInstruction run) {
                    check(context, run, out);
                } else if (instruction instanceof OnbuildInstruction onbuild
                        && onbuild.trigger().orElse(null) instanceof RunInstruction run) {
                    check(context, run, out);
                }
            }
        }
    }

    private static boolean inAnImage(Stage stage, List<Stage> stages) {
        if (stage.index() == stages.size() - 1) {
            return true;
        }
        for (Stage later : stages) {
            if (later.index() > stage.index() && later.baseStageIndex().orElse(-1) == stage.index()) {
                return true;
            }
        }
        return false;
    }

    private static void check(LintContext context, RunInstruction run, RuleSink out) {
        if (RunShellCommands.hasCacheOrTmpfsMount(run, LISTS)
                || RunShellCommands.hasCacheOrTmpfsMount(run, "/var/lib/apt")
                && RunShellCommands.hasCacheOrTmpfsMount(run, "/var/cache/apt")) {
            return;
        }
        SimpleCommand update = null;
        boolean cleaned = false;
        for (SimpleCommand command : RunShellCommands.of(context, run)) {
            if (update == null && AptPackages.isUpdate(command)) {
                update = command;
            } else if (command.is("rm") && removesLists(command.positionals())
                    || command.is("find") && findDeletesLists(command)
                    || command.is("apt-get", "apt") && command.hasSubcommand("dist-clean")) {
                cleaned = true;
            }
        }
        if (update != null && !cleaned) {
            String text = RunShellCommands.text(update);
            out.report(run, "'" + text + "' leaves the package lists in the image; remove " + LISTS
                    + "/* in the same RUN", text);
        }
    }

    /** {@code find /var/lib/apt/lists ... -delete} (or {@code -exec rm}). */
    private static boolean findDeletesLists(SimpleCommand find) {
        List<Word> args = find.args();
        boolean deletes = false;
        List<Word> paths = new ArrayList<>();
        boolean inPaths = true;
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.startsWith("-") || v.equals("(") || v.equals("!")) {
                inPaths = false;
            }
            if (inPaths) {
                paths.add(args.get(i));
            }
            if (v.equals("-delete") || v.equals("-exec") && i + 1 < args.size() && args.get(i + 1).is("rm")) {
                deletes = true;
            }
        }
        return deletes && (removesLists(paths) || containsLists(paths));
    }

    private static boolean containsLists(List<Word> paths) {
        for (Word word : paths) {
            if (word.value().equals(LISTS) || word.value().equals(LISTS + "/")) {
                return true;
            }
        }
        return false;
    }

    /** An rm operand that is /var/lib/apt/lists, everything in it, or a directory above it. */
    private static boolean removesLists(List<Word> operands) {
        for (Word word : operands) {
            String path = word.value();
            if (path.startsWith(LISTS + "/") && path.indexOf('*') >= 0) {
                return true;
            }
            String dir = path;
            while (dir.endsWith("/*") || dir.endsWith("/")) {
                dir = dir.endsWith("/*") ? dir.substring(0, dir.length() - 2) : dir.substring(0, dir.length() - 1);
            }
            if (dir.equals(LISTS) || dir.equals(LISTS + "*") || (!dir.isEmpty() && LISTS.startsWith(dir + "/"))) {
                return true;
            }
        }
        return false;
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Multiple consecutive RUN instructions: a RUN directly after another (only comments between) with the same RUN flags
 * ({@code --mount}, {@code --network}, {@code --security}), where neither runs more than two commands. Longer RUNs are
 * taken as deliberately separate layers. Any other instruction resets. Reported on the second RUN.
 */
public final class DL3059 implements DockerfileRule {
    private static final int DELIBERATE = 2;

    @Override
    public String id() {
        return "DL3059";
    }

    /** What two RUNs must share to be merged, and how many commands the RUN runs. */
    private record Shape(Set<Map<String, String>> mounts, Optional<String> network, Optional<String> security,
            int commands) {
        boolean sameFlags(Shape other) {
            return mounts.equals(other.mounts) && network.equals(other.network) && security.equals(other.security);
        }
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Shape previous = null;
        for (Instruction i : context.dockerfile().instructions()) {
            if (!(i instanceof RunInstruction run)) {
                previous = null;
                continue;
            }
            Shape shape = shape(context, run);
            if (previous != null && previous.sameFlags(shape) && previous.commands() <= DELIBERATE
                    && shape.commands() <= DELIBERATE) {
                out.report(run, "RUN directly follows another short RUN; merge them with && to save a layer");
            }
            previous = shape;
        }
    }

    private static Shape shape(LintContext context, RunInstruction run) {
        Set<Map<String, String>> mounts = new HashSet<>();
        for (Mount m : run.mounts()) {
            mounts.add(m.options());
        }
        return new Shape(mounts, run.network(), run.security(), commandCount(context, run));
    }

    private static int commandCount(LintContext context, RunInstruction run) {
        List<ShellScript> scripts = context.scripts(run);
        if (scripts.isEmpty()) {
            return run.command() instanceof Command.ExecForm ? 1 : 0;
        }
        int count = 0;
        for (ShellScript script : scripts) {
            for (SimpleCommand c : script.commands()) {
                if (!c.words().isEmpty()) {
                    count++;
                }
            }
        }
        return count;
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.Set;
import java.util.TreeSet;

/**
 * Use either wget or curl, not both. Within a stage, once both have been run, every RUN that runs either is reported
 * (the one that brings in the second tool and every later one). Top-level RUNs and ONBUILD RUNs (which run in a
 * child image) are tracked apart; both reset at FROM.
 */
public final class DL4001 implements DockerfileRule {
    @Override
    public String id() {
        return "DL4001";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            Set<String> used = new TreeSet<>();
            Set<String> usedOnbuild = new TreeSet<>();
            for (Instruction i : stage.instructions()) {
                if (i instanceof RunInstruction run) {
                    check(context, run, used, out);
                } else if (i instanceof OnbuildInstruction o && o.trigger().isPresent()
                        && o.trigger().get() instanceof RunInstruction run) {
                    check(context, run, usedOnbuild, out);
                }
            }
        }
    }

    private static void check(LintContext context, RunInstruction run, Set<String> used, RuleSink out) {
        Set<String> here = new TreeSet<>();
        for (ShellScript script : context.scripts(run)) {
            for (SimpleCommand c : script.commands("curl", "wget")) {
                here.add(c.commandName());
            }
        }
        if (here.isEmpty()) {
            return;
        }
        used.addAll(here);
        if (used.size() == 2) {
            String tools = String.join(" and ", here);
            String message = here.size() == 2 ? "RUN uses both curl and wget; standardise on one download tool"
                    : "RUN uses " + tools + ", but this stage also uses " + (here.contains("curl") ? "wget" : "curl")
                            + "; standardise on one download tool";
            out.report(run, message, tools);
        }
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/**
 * {@code yarn install} without a {@code yarn cache clean} after it in the same RUN leaves yarn's cache in the layer. A
 * cache or tmpfs mount on yarn's cache directory keeps it out. Only stages whose layers are kept (the final stage, the
 * bases of later stages) are reported.
 */
public final class DL3060 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3060";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            if (cacheMounted(run) || !RunLayerStages.layersKept(context.dockerfile(), run)) {
                continue;
            }
            SimpleCommand uncleaned = null;
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands("yarn")) {
                    if (c.hasArg("cache") && c.hasArg("clean")) {
                        uncleaned = null;
                    } else if (c.hasArg("install")) {
                        uncleaned = c;
                    }
                }
            }
            if (uncleaned != null) {
                out.report(run, "yarn install without yarn cache clean after it leaves the yarn cache in the layer",
                        uncleaned.toString());
            }
        }
    }

    private static boolean cacheMounted(RunInstruction run) {
        for (Mount m : run.mounts()) {
            String type = m.type();
            if ((type.equals("cache") || type.equals("tmpfs"))
                    && m.target().filter(t -> t.contains(".cache/yarn")).isPresent()) {
                return true;
            }
        }
        return false;
    }
}

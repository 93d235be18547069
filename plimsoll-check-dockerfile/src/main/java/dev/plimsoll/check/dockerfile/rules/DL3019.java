package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;

/**
 * {@code apk add} without {@code --no-cache}: the index and packages stay in /var/cache/apk. A cache or tmpfs mount
 * on /var/cache/apk is fine, and so is {@code --no-network} (nothing is downloaded, so nothing is cached: the
 * official images' {@code apk add --no-network --virtual .rundeps $runDeps}); removing the cache afterwards does not
 * satisfy the rule.
 */
public final class DL3019 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3019";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            if (RunShellCommands.hasCacheOrTmpfsMount(run, "/var/cache/apk")) {
                continue;
            }
            for (SimpleCommand command : RunShellCommands.of(context, run)) {
                if (PinnedPackages.isApkAdd(command) && !command.hasFlag("--no-cache", "--no-network")) {
                    String text = RunShellCommands.text(command);
                    out.report(run, "'" + text + "' keeps the apk cache in the image; use apk add --no-cache", text);
                    break;
                }
            }
        }
    }
}

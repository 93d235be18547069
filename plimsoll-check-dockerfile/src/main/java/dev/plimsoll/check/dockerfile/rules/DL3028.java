package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Position;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pin gem versions: {@code gem install <gem>:<version>} or {@code -v}/{@code --version}. The gems are the operands
 * of {@code gem install}/{@code gem i} before {@code --} (what follows is passed to the extension build); a local
 * {@code .gem} file names its version. One finding per RUN, naming the unpinned gems.
 */
public final class DL3028 implements DockerfileRule {
    private static final Set<String> INSTALL = Set.of("install", "i");

    @Override
    public String id() {
        return "DL3028";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<String> unpinned = new ArrayList<>();
            for (SimpleCommand gem : RpmPackages.commands(context, run)) {
                if (!gem.is("gem") || gem.subcommand().filter(INSTALL::contains).isEmpty()
                        || gem.hasFlag("-v", "--version")) {
                    continue;
                }
                Position end = endOfOptions(gem);
                for (Word word : RpmPackages.operandsAfter(gem, INSTALL, Set.of())) {
                    if (end != null && word.position().compareTo(end) >= 0) {
                        break;
                    }
                    String name = word.value();
                    if (name.indexOf(':') < 0 && !name.endsWith(".gem")) {
                        unpinned.add(name);
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                String gems = String.join(" ", unpinned);
                out.report(run,
                        "gem install " + RpmPackages.listed(unpinned) + " without a version; use <gem>:<version> or -v",
                        gems);
            }
        }
    }

    /** Where a {@code --} argument starts (the gems end there); null when there is none. */
    private static Position endOfOptions(SimpleCommand gem) {
        for (Word arg : gem.args()) {
            if (arg.is("--")) {
                return arg.position();
            }
        }
        return null;
    }
}

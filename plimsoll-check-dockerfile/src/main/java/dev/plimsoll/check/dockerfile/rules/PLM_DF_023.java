package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RUN {@code --security=insecure} or {@code --network=host}: the step leaves the build sandbox. */
public final class PLM_DF_023 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-023";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            List<String> flags = new ArrayList<>();
            run.security().filter(v -> v.strip().toLowerCase(Locale.ROOT).equals("insecure"))
                    .ifPresent(v -> flags.add("--security=" + v.strip()));
            run.network().filter(v -> v.strip().toLowerCase(Locale.ROOT).equals("host"))
                    .ifPresent(v -> flags.add("--network=" + v.strip()));
            if (!flags.isEmpty()) {
                String what = String.join(" ", flags);
                out.report(run, "RUN " + what + (flags.size() > 1 ? " run" : " runs")
                        + " the step outside the build sandbox" + (what.contains("network") && flags.size() == 1
                        ? " (it shares the host's network namespace)" : "") + "; remove the flag", what);
            }
        }
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Word;

/**
 * {@code COPY --from=X / /} copies another stage's (or image's) entire filesystem over this one: copy only the paths
 * needed. Only the exact root as a source and as the destination counts.
 */
public final class DL3067 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3067";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (CopyInstruction copy : context.instructions(CopyInstruction.class, false)) {
            if (copy.from().isEmpty() || copy.destination().isEmpty()
                    || !ImageRefs.unquote(copy.destination().get().text()).equals("/")) {
                continue;
            }
            for (Word source : copy.sources()) {
                if (ImageRefs.unquote(source.text()).equals("/")) {
                    String from = copy.from().get();
                    out.report(copy, "COPY --from=" + from + " / / copies the entire filesystem of " + from
                            + "; copy only the paths needed", "--from=" + from + " / /");
                    break;
                }
            }
        }
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;

/** COPY with several sources copies into a directory, so its destination must end with {@code /}. */
public final class DL3021 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3021";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (CopyInstruction copy : context.instructions(CopyInstruction.class, false)) {
            if (copy.sources().size() < 2 || copy.destination().isEmpty()) {
                continue;
            }
            String destination = ImageRefs.unquote(copy.destination().get().text());
            if (!destination.endsWith("/")) {
                out.report(copy, "COPY has " + copy.sources().size() + " sources, so its destination "
                        + destination + " must end with /", destination);
            }
        }
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import java.util.Locale;

/**
 * Invalid instruction order: before the first FROM only ARG (and comments, parser directives) may appear. Every other
 * instruction there is reported on its own line.
 */
public final class DL3061 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3061";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Instruction i : context.dockerfile().preamble()) {
            if (!(i instanceof ArgInstruction)) {
                String keyword = i.keywordAsWritten().toUpperCase(Locale.ROOT);
                out.report(i, keyword + " before the first FROM: a Dockerfile must begin with FROM, ARG or a comment",
                        (keyword + " " + i.arguments()).strip());
            }
        }
    }
}

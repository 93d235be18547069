package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.FromInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.MaintainerInstruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import java.util.Locale;

/** ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER: Docker rejects these triggers. */
public final class DL3043 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3043";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (OnbuildInstruction o : context.dockerfile().instructions(OnbuildInstruction.class)) {
            String keyword = null;
            if (o.trigger().isPresent()) {
                Instruction t = o.trigger().get();
                if (t instanceof FromInstruction || t instanceof MaintainerInstruction) {
                    keyword = t.keyword().name();
                }
            } else if (firstWord(o.arguments()).equalsIgnoreCase("ONBUILD")) {
                // the parser refuses ONBUILD ONBUILD and keeps no trigger
                keyword = "ONBUILD";
            }
            if (keyword != null) {
                out.report(o, keyword + " is not allowed as an ONBUILD trigger", "ONBUILD " + keyword
                        .toUpperCase(Locale.ROOT));
            }
        }
    }

    private static String firstWord(String text) {
        String t = text.strip();
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }
}

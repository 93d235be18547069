package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.WorkdirInstruction;

/** Use absolute WORKDIR: a relative one depends on every WORKDIR before it. A variable is trusted. */
public final class DL3000 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3000";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (WorkdirInstruction w : context.instructions(WorkdirInstruction.class, true)) {
            String path = ImageRefs.unquote(w.path());
            boolean windowsAbsolute = path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
            if (!path.startsWith("/") && !path.startsWith("$") && !windowsAbsolute && !w.isAbsolute()) {
                out.report(w, "WORKDIR " + path + " is relative; use an absolute path", path);
            }
        }
    }
}

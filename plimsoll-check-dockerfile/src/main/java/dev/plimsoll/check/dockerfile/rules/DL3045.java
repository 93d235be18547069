package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.check.dockerfile.syntax.WorkdirInstruction;
import java.util.List;

/**
 * COPY to a relative destination without WORKDIR set: the destination then depends on the base image's working
 * directory. A WORKDIR earlier in the stage, or anywhere in a stage it is built FROM (transitively), counts; an
 * absolute destination ({@code /x}, {@code C:}) or one starting with a variable is fine. ADD is not checked. A stage
 * built on {@code scratch} is not reported (unlike hadolint): its working directory is always {@code /}, so the
 * common {@code FROM scratch; COPY --from=build /out .} export idiom depends on nothing.
 */
public final class DL3045 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3045";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Dockerfile df = context.dockerfile();
        for (Stage stage : df.stages()) {
            boolean workdir = inheritsWorkdir(df, stage) || fromScratch(df, stage);
            for (Instruction i : stage.instructions()) {
                if (i instanceof WorkdirInstruction) {
                    workdir = true;
                } else if (!workdir && i instanceof CopyInstruction copy && copy.destination().isPresent()) {
                    String dest = ImageRefs.unquote(copy.destination().get().text());
                    if (relative(dest)) {
                        out.report(copy, "COPY to relative destination " + dest + " without WORKDIR set in this"
                                + " stage; set WORKDIR or use an absolute path", dest);
                    }
                }
            }
        }
    }

    private static boolean relative(String dest) {
        boolean windows = dest.length() >= 2 && Character.isLetter(dest.charAt(0)) && dest.charAt(1) == ':';
        return !dest.isEmpty() && !dest.startsWith("/") && !dest.startsWith("$") && !windows
                && !dest.startsWith("\\");
    }

    /** A stage built on scratch (directly or through its parents) works in {@code /}: nothing to depend on. */
    private static boolean fromScratch(Dockerfile df, Stage stage) {
        Stage s = stage;
        for (int hops = 0; s.baseStageIndex().isPresent() && hops < df.stages().size(); hops++) {
            s = df.stages().get(s.baseStageIndex().getAsInt());
        }
        return s.isScratch();
    }

    private static boolean inheritsWorkdir(Dockerfile df, Stage stage) {
        Stage s = stage;
        for (int hops = 0; s.baseStageIndex().isPresent() && hops < df.stages().size(); hops++) {
            s = df.stages().get(s.baseStageIndex().getAsInt());
            List<Instruction> body = s.instructions();
            for (Instruction i : body) {
                if (i instanceof WorkdirInstruction) {
                    return true;
                }
            }
        }
        return false;
    }
}

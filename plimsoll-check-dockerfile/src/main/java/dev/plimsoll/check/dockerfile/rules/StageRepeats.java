package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;

/** DL4003/DL4004: an instruction of which only the last one per stage takes effect, repeated within a stage. */
final class StageRepeats {
    private StageRepeats() {
    }

    /** Reports the second and later {@code type} instructions of each stage (ONBUILD triggers are not counted). */
    static void reportRepeats(Dockerfile dockerfile, Class<? extends Instruction> type, String keyword, RuleSink out) {
        for (Stage stage : dockerfile.stages()) {
            Instruction first = null;
            for (Instruction i : stage.instructions()) {
                if (!type.isInstance(i)) {
                    continue;
                }
                if (first == null) {
                    first = i;
                } else {
                    out.report(i, "another " + keyword + " in this stage (first at line " + first.line()
                            + "): only the last " + keyword + " takes effect", (keyword + " " + i.arguments()).strip());
                }
            }
        }
    }
}

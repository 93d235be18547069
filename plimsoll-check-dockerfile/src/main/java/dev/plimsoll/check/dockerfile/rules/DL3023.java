package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.Optional;

/** {@code COPY --from} cannot name the stage it is in: a stage cannot read its own result. */
public final class DL3023 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3023";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (CopyInstruction copy : context.instructions(CopyInstruction.class, false)) {
            Optional<String> written = copy.from();
            Optional<Stage> stage = context.dockerfile().stageOf(copy);
            if (written.isEmpty() || stage.isEmpty() || stage.get().name().isEmpty()) {
                continue;
            }
            String name = stage.get().name().get();
            Optional<String> reference = StageRefs.resolve(context.dockerfile(), copy, written.get());
            if (reference.isPresent() && StageRefs.key(reference.get()).equals(StageRefs.key(name))) {
                out.report(copy, "COPY --from=" + reference.get() + " refers to its own stage " + name,
                        written.get());
            }
        }
    }
}

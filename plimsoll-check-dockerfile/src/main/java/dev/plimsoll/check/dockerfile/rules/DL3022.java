package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.Optional;

/**
 * {@code COPY --from} should name a stage defined before it (by name or index). A value with {@code :} is an image
 * reference with a tag or registry port and passes, as in hadolint; a bare image name does not. A value built from
 * variables without a known value is not judged.
 */
public final class DL3022 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3022";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Dockerfile dockerfile = context.dockerfile();
        for (CopyInstruction copy : context.instructions(CopyInstruction.class, false)) {
            Optional<String> written = copy.from();
            if (written.isEmpty()) {
                continue;
            }
            Optional<String> resolved = StageRefs.resolve(dockerfile, copy, written.get());
            if (resolved.isEmpty() || resolved.get().indexOf(':') >= 0) {
                continue;
            }
            String reference = resolved.get();
            int current = StageRefs.stageIndex(dockerfile, copy);
            if (StageRefs.namesStageUpTo(dockerfile, current, reference)) {
                continue;
            }
            Optional<Stage> later = dockerfile.stageNamed(reference);
            String message;
            if (later.isPresent()) {
                message = "COPY --from=" + reference + " refers to stage " + reference
                        + ", which is defined later (line " + later.get().from().line() + ")";
            } else if (StageRefs.isIndex(reference)) {
                message = "COPY --from=" + reference + " refers to stage index " + reference + ", but only "
                        + (current + 1) + " FROM " + (current == 0 ? "precedes" : "precede") + " it";
            } else {
                message = "COPY --from=" + reference + " names no earlier stage; if it is an image, give it a tag";
            }
            out.report(copy, message, written.get());
        }
    }
}

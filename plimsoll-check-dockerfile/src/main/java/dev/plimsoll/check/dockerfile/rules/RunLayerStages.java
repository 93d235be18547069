package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;
import java.util.Optional;

/**
 * Which stages' layers end up in an image, for rules about leftovers in layers (caches, lists): the final stage, and
 * every stage that a later FROM builds on. A stage only read by {@code COPY --from} leaves no layers behind.
 */
final class RunLayerStages {
    private RunLayerStages() {
    }

    /** Whether the layers of {@code stage} are kept in an image: it is the last stage or a later FROM's base. */
    static boolean layersKept(Dockerfile dockerfile, Stage stage) {
        List<Stage> stages = dockerfile.stages();
        if (stages.isEmpty() || stages.get(stages.size() - 1) == stage) {
            return true;
        }
        for (int i = stage.index() + 1; i < stages.size(); i++) {
            if (stages.get(i).baseStageIndex().orElse(-1) == stage.index()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instruction (or ONBUILD trigger) is in a stage whose layers are kept; outside stages, true. */
    static boolean layersKept(Dockerfile dockerfile, Instruction instruction) {
        Optional<Stage> stage = dockerfile.stageOf(instruction);
        return stage.isEmpty() || layersKept(dockerfile, stage.get());
    }
}

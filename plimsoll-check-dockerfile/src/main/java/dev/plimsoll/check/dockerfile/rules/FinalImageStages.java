package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The stages whose layers end up in the final image: the last stage and the stages it is built FROM, transitively
 * ({@code FROM base}). Stages only copied from ({@code COPY --from}) are not part of it.
 */
final class FinalImageStages {
    private final Dockerfile dockerfile;
    private final BitSet members = new BitSet();
    private final List<Stage> chain = new ArrayList<>();

    private FinalImageStages(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
        List<Stage> stages = dockerfile.stages();
        if (stages.isEmpty()) {
            return;
        }
        Stage s = stages.get(stages.size() - 1);
        while (s != null && !members.get(s.index())) {
            members.set(s.index());
            chain.add(s);
            int parent = s.baseStageIndex().orElse(-1);
            s = parent >= 0 && parent < stages.size() && parent < s.index() ? stages.get(parent) : null;
        }
    }

    static FinalImageStages of(Dockerfile dockerfile) {
        return new FinalImageStages(dockerfile);
    }

    boolean contains(Stage stage) {
        return members.get(stage.index());
    }

    /** Whether the instruction (a body instruction, FROM or ONBUILD trigger) belongs to the final image. */
    boolean contains(Instruction instruction) {
        return dockerfile.stageOf(instruction).map(this::contains).orElse(false);
    }

    /** The final stage first, then its parents up to the one built FROM an image (or scratch). */
    List<Stage> chain() {
        return chain;
    }

    /** The stage of the chain that names an image (the root of {@code FROM base} links); empty for no stages. */
    java.util.Optional<Stage> root() {
        return chain.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(chain.get(chain.size() - 1));
    }

    boolean isMultiStage() {
        return dockerfile.stages().size() > 1;
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.Locale;
import java.util.Optional;

/**
 * How the stage rules (DL3022, DL3023, DL3024, DL3026) read a {@code COPY --from} or mount {@code from} value: a
 * stage name (compared case-insensitively, as BuildKit lower-cases stage names), a stage index, or an image.
 */
final class StageRefs {
    private StageRefs() {
    }

    /** A stage name as BuildKit compares it. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The reference as the build sees it: quotes removed, variables expanded with what is visible at {@code at};
     * empty when a variable has no known value (the reference is then unknown to a linter).
     */
    static Optional<String> resolve(Dockerfile dockerfile, Instruction at, String written) {
        String value = ImageRefs.unquote(written);
        if (value.indexOf('$') < 0) {
            return Optional.of(value);
        }
        Expansion expanded = dockerfile.environmentAt(at).expandWord(value);
        return expanded.isExact() && !expanded.value().isEmpty() ? Optional.of(expanded.value()) : Optional.empty();
    }

    /** Whether {@code reference} is all digits: a stage index. */
    static boolean isIndex(String reference) {
        if (reference.isEmpty() || reference.length() > 9) {
            return false;
        }
        for (int i = 0; i < reference.length(); i++) {
            if (reference.charAt(i) < '0' || reference.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code reference} names one of the stages up to and including {@code upTo} (by name or index): the
     * stages a COPY in stage {@code upTo} may refer to.
     */
    static boolean namesStageUpTo(Dockerfile dockerfile, int upTo, String reference) {
        if (isIndex(reference)) {
            return Integer.parseInt(reference) <= upTo;
        }
        String key = key(reference);
        for (Stage stage : dockerfile.stages()) {
            if (stage.index() > upTo) {
                break;
            }
            if (stage.name().map(n -> key(n).equals(key)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the stage holding {@code instruction}; -1 before the first FROM. */
    static int stageIndex(Dockerfile dockerfile, Instruction instruction) {
        return dockerfile.stageOf(instruction).map(Stage::index).orElse(-1);
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The final image of a Dockerfile as the PLM-DF rules see it: the last stage and the stages it is built FROM. */
final class SecurityStages {
    private SecurityStages() {
    }

    /** The last stage first, then its parent stage, and so on up to the stage built on an external image. */
    static List<Stage> finalImage(Dockerfile dockerfile) {
        List<Stage> stages = dockerfile.stages();
        List<Stage> chain = new ArrayList<>();
        if (stages.isEmpty()) {
            return chain;
        }
        Set<Integer> seen = new HashSet<>();
        Stage current = stages.get(stages.size() - 1);
        while (current != null && seen.add(current.index())) {
            chain.add(current);
            current = current.baseStageIndex().isPresent() && current.baseStageIndex().getAsInt() < stages.size()
                    ? stages.get(current.baseStageIndex().getAsInt()) : null;
        }
        return chain;
    }

    /** Whether {@code text} matches a glob whose only wildcard is {@code *} (any run of characters). */
    static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = t;
            } else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}

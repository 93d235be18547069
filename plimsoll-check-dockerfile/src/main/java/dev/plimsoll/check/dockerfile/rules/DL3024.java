package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.HashMap;
import java.util.Map;

/** Stage names must be unique (case-insensitively, as BuildKit compares them); reported on each repeat. */
public final class DL3024 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3024";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Map<String, Stage> first = new HashMap<>();
        for (Stage stage : context.dockerfile().stages()) {
            if (stage.name().isEmpty()) {
                continue;
            }
            String name = stage.name().get();
            Stage earlier = first.putIfAbsent(StageRefs.key(name), stage);
            if (earlier != null) {
                out.report(stage.from(), "stage name " + name + " is already used by the stage at line "
                        + earlier.from().line(), name);
            }
        }
    }
}

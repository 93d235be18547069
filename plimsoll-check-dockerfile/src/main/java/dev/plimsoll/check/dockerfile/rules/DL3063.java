package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.Locale;
import java.util.Optional;

/**
 * A stage must not be called {@code scratch} or {@code context}: both are reserved ({@code FROM scratch} is the empty
 * image, {@code context} the build context of {@code COPY --from}), so later references are ambiguous.
 */
public final class DL3063 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3063";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage s : context.dockerfile().stages()) {
            Optional<Word> alias = s.from().stageName();
            if (alias.isEmpty()) {
                continue;
            }
            String name = ImageRefs.unquote(alias.get().text());
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("scratch") || lower.equals("context")) {
                out.report(s.from(), "stage name " + name + " is a reserved word; choose another name", name);
            }
        }
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Comment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports inline ignore pragmas ({@code # hadolint ignore=DL3008}, also Plimsoll's {@code # plimsoll ignore=...}):
 * teams that enable it forbid silencing rules in the Dockerfile. Global and stage pragmas are allowed. A pragma may
 * end with a {@code # reason} comment, as current hadolint accepts.
 */
public final class DL1001 implements DockerfileRule {
    private static final Pattern INLINE_IGNORE = Pattern.compile(
            "(?:hadolint|plimsoll)[ \\t]+ignore[ \\t]*=[ \\t]*([A-Za-z0-9_-]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_-]+)*)"
                    + "[ \\t]*(?:#.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

    @Override
    public String id() {
        return "DL1001";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Comment comment : context.dockerfile().comments()) {
            Matcher m = INLINE_IGNORE.matcher(comment.text());
            if (m.matches()) {
                String codes = BLANKS.matcher(m.group(1)).replaceAll("");
                out.reportFile(comment.line(), "Inline pragma silences " + codes.replace(",", ", ")
                        + " on the next instruction; fix the finding or configure the exception centrally",
                        "# " + comment.text());
            }
        }
    }
}

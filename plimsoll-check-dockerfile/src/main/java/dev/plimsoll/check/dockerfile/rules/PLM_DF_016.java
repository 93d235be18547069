package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.FileTransfer;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A COPY or ADD of the whole build context needs a .dockerignore that leaves out {@code .git} and local
 * credentials ({@code plimsoll.dockerignoreRequired}). Says nothing when the build context was not looked at.
 */
public final class PLM_DF_016 implements DockerfileRule {
    /** What must be left out by default; each entry is checked as a name at the context root. */
    static final List<String> DEFAULT_REQUIRED = List.of(".git", ".env", "*.pem", "*.key", "id_rsa", ".npmrc", ".aws",
            ".ssh");
    private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "./.");

    @Override
    public String id() {
        return "PLM-DF-016";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        if (!context.contextKnown()) {
            return;
        }
        Optional<FileTransfer> first = firstWholeContextCopy(context);
        if (first.isEmpty()) {
            return;
        }
        Instruction at = first.get();
        String keyword = at.keyword().name();
        if (context.dockerignore().isEmpty()) {
            out.report(at, keyword + " copies the whole build context but there is no .dockerignore: .git and local"
                    + " secret files (.env, keys, .npmrc ...) end up in the image", "no .dockerignore");
            return;
        }
        DockerignoreRules rules = DockerignoreRules.parse(context.dockerignore().get());
        List<String> required = context.settings().has("dockerignoreRequired")
                ? context.settings().strings("dockerignoreRequired") : DEFAULT_REQUIRED;
        List<String> missing = new ArrayList<>();
        for (String entry : required) {
            String sample = sample(entry);
            if (!rules.excludes(sample)) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing);
            out.report(at, keyword + " copies the whole build context but .dockerignore does not exclude " + list,
                    ".dockerignore missing " + list);
        }
    }

    private static Optional<FileTransfer> firstWholeContextCopy(LintContext context) {
        for (FileTransfer t : context.instructions(FileTransfer.class, false)) {
            if (t.flags().has("from")) {
                continue;
            }
            for (Word source : t.sources()) {
                if (WHOLE_CONTEXT.contains(ImageRefs.unquote(source.text()))) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** A file name the entry stands for at the context root: {@code *.pem} is checked as {@code x.pem}. */
    private static String sample(String entry) {
        String s = DockerignoreRules.clean(entry.strip());
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s.replace("**/", "").replace("*", "x").replace("?", "x");
    }
}

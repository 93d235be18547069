package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.Assignment;
import dev.plimsoll.check.dockerfile.shell.Redirect;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Environment;
import dev.plimsoll.check.dockerfile.syntax.Heredoc;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A RUN that expands an ARG or ENV whose name says it holds a secret: build arguments are kept in the image
 * history and build cache, ENV in the image. Reported on the RUN (DL3064 reports the declaration).
 */
public final class PLM_DF_020 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-020";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<String> keywords = context.settings().strings("secretKeywords");
        for (RunInstruction run : context.instructions(RunInstruction.class, false)) {
            Set<String> referenced = new LinkedHashSet<>();
            for (ShellScript script : context.scripts(run)) {
                for (SimpleCommand c : script.commands()) {
                    for (Word w : c.words()) {
                        references(w.raw(), false, referenced);
                    }
                    for (Assignment a : c.assignments()) {
                        references(a.value().raw(), false, referenced);
                    }
                    for (Redirect r : c.redirects()) {
                        references(r.target().raw(), false, referenced);
                        r.hereDoc().filter(h -> !h.quotedDelimiter())
                                .ifPresent(h -> references(h.body(), true, referenced));
                    }
                }
            }
            if (!run.isExecForm()) {
                // RUN cat <<EOF > file: a body that is the command's input (not parsed as a script) is still
                // expanded by the shell unless its delimiter is quoted.
                for (Heredoc h : run.heredocs()) {
                    if (h.expands() && context.scripts(run).stream()
                            .noneMatch(script -> script.source().text().equals(h.body()))) {
                        references(h.body(), true, referenced);
                    }
                }
            }
            if (referenced.isEmpty()) {
                continue;
            }
            Environment env = context.dockerfile().environmentAt(run);
            Set<String> fromMounts = secretMountEnv(run);
            Set<String> secrets = new LinkedHashSet<>();
            for (String name : referenced) {
                Optional<Binding> b = env.binding(name);
                if (b.isPresent() && b.get().kind() != Binding.Kind.AUTOMATIC_ARG && !fromMounts.contains(name)
                        && SecretRunVariables.isSecretName(name, keywords)) {
                    secrets.add(name);
                }
            }
            if (!secrets.isEmpty()) {
                String list = String.join(", ", secrets);
                out.report(run, "RUN uses the secret " + (secrets.size() > 1 ? "variables " : "variable ") + list
                        + " from ARG/ENV: its value is kept in the image history and build cache; pass it with"
                        + " RUN --mount=type=secret instead", list);
            }
        }
    }

    private static Set<String> secretMountEnv(RunInstruction run) {
        Set<String> names = new LinkedHashSet<>();
        for (Mount m : run.mounts()) {
            if (m.type().equals("secret")) {
                m.option("env").ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * The parameter names a word expands ({@code $NAME}, {@code ${NAME}}, {@code ${NAME:-x}}), outside single
     * quotes; {@code inDoubleQuotes} for here-document bodies, where single quotes are literal.
     */
    static void references(String raw, boolean inDoubleQuotes, Set<String> out) {
        boolean single = false;
        boolean dbl = inDoubleQuotes;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char ch = raw.charAt(i);
            if (single) {
                if (ch == '\'') {
                    single = false;
                }
                continue;
            }
            if (ch == '\\') {
                i++;
            } else if (ch == '\'' && !dbl) {
                single = true;
            } else if (ch == '"' && !inDoubleQuotes) {
                dbl = !dbl;
            } else if (ch == '$' && i + 1 < n) {
                int start = i + 1;
                boolean braced = raw.charAt(start) == '{';
                if (braced) {
                    start++;
                }
                int end = start;
                while (end < n && (Character.isLetterOrDigit(raw.charAt(end)) || raw.charAt(end) == '_')) {
                    end++;
                }
                if (end > start && !Character.isDigit(raw.charAt(start))) {
                    out.add(raw.substring(start, end));
                }
                i = end - 1;
            }
        }
    }
}

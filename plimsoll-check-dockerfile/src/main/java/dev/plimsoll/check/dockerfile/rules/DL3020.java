package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.AddInstruction;
import dev.plimsoll.check.dockerfile.syntax.Environment;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Use COPY instead of ADD for files and folders: ADD is only worth its magic for a local archive (extracted) or an
 * {@code http(s)} URL. Any other source (a file, a directory, a git URL, a heredoc) makes the ADD a finding. A source
 * with variables is judged on its value where the ARGs and ENVs give it ({@code ADD ${PKG_URL} /tmp/} with
 * {@code ARG PKG_URL=https://...} passes); a source that is a single variable without a known value is not judged.
 */
public final class DL3020 implements DockerfileRule {
    /** hadolint's archive extensions (as DL3010), compared case-sensitively on the source as written. */
    private static final List<String> ARCHIVES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2",
            ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");

    /** A word that is one variable reference and nothing else: {@code $URL}, {@code ${URL}}, {@code ${URL:-x}}. */
    private static final Pattern SINGLE_VARIABLE = Pattern.compile(
            "\\$(?:[A-Za-z_][A-Za-z0-9_]*|\\{[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?})");

    @Override
    public String id() {
        return "DL3020";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (AddInstruction add : context.instructions(AddInstruction.class, false)) {
            List<String> files = new ArrayList<>();
            Environment environment = null;
            for (Word source : add.sources()) {
                String path = ImageRefs.unquote(source.text());
                if (isArchive(path) || isUrl(path)) {
                    continue;
                }
                if (path.indexOf('$') >= 0) {
                    if (environment == null) {
                        environment = context.dockerfile().environmentAt(add);
                    }
                    Expansion expanded = environment.expandWord(path);
                    if (!expanded.isExact() && SINGLE_VARIABLE.matcher(path).matches()) {
                        continue; // ADD $URL: what it names is only known at build time
                    }
                    if (isArchive(expanded.value()) || isUrl(expanded.value())) {
                        continue;
                    }
                }
                files.add(path);
            }
            if (!files.isEmpty()) {
                out.report(add, "ADD " + String.join(" ", files) + (files.size() == 1 ? " is" : " are")
                        + " neither an archive nor a URL; use COPY", String.join(" ", files));
            }
        }
    }

    static boolean isArchive(String path) {
        for (String extension : ARCHIVES) {
            if (path.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUrl(String path) {
        return path.startsWith("https://") || path.startsWith("http://");
    }
}

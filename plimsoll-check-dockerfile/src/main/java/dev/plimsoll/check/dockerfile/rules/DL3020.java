package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.AddInstruction;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Use COPY instead of ADD for files and folders: ADD is only worth its magic for a local archive (extracted) or an
 * {@code http(s)} URL. Any other source (a file, a directory, a git URL, a heredoc) makes the ADD a finding.
 */
public final class DL3020 implements DockerfileRule {
    /** hadolint's archive extensions (as DL3010), compared case-sensitively on the source as written. */
    private static final List<String> ARCHIVES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2",
            ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");

    @Override
    public String id() {
        return "DL3020";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (AddInstruction add : context.instructions(AddInstruction.class, false)) {
            List<String> files = new ArrayList<>();
            for (Word source : add.sources()) {
                String path = ImageRefs.unquote(source.text());
                if (!isArchive(path) && !isUrl(path)) {
                    files.add(path);
                }
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

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.AddInstruction;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADD of a local tar archive to a destination that is itself named like an archive ({@code ADD app.tar.gz
 * /opt/app.tar.gz}): ADD unpacks it into a directory of that name instead of copying the file.
 */
public final class PLM_DF_017 implements DockerfileRule {
    /** Archives ADD unpacks: tar, plain or compressed with gzip, bzip2, xz or zstd (Docker detects by content). */
    private static final List<String> TAR_EXTENSIONS = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2",
            ".tbz", ".tb2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lzma", ".tlz");

    @Override
    public String id() {
        return "PLM-DF-017";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (AddInstruction add : context.instructions(AddInstruction.class, true)) {
            if (add.destination().isEmpty() || add.unpack().filter(u -> !u).isPresent()) {
                continue;
            }
            String dest = ImageRefs.unquote(add.destination().get().text());
            if (dest.endsWith("/") || dest.endsWith("/.") || archiveExtension(baseName(dest)).isEmpty()) {
                continue;
            }
            for (Word source : add.sources()) {
                String src = ImageRefs.unquote(source.text());
                if (src.startsWith("<<") || src.contains("://") || src.startsWith("git@")) {
                    continue;
                }
                if (archiveExtension(baseName(src)).isPresent()) {
                    out.report(add, "ADD unpacks the local archive " + src + " into a directory named " + dest
                            + " instead of copying the file; use COPY " + src + " " + dest, src + " " + dest);
                    break;
                }
            }
        }
    }

    private static Optional<String> archiveExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : TAR_EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return Optional.of(ext);
            }
        }
        return Optional.empty();
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

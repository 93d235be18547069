package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.AddInstruction;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.Locale;

/**
 * Remote ADD without {@code --checksum}: an http(s) source can change or be tampered with between builds. A git
 * source is pinned by a full commit id after {@code #}. Variables are expanded with the ARG/ENV values known at the
 * ADD.
 */
public final class PLM_DF_003 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-003";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (AddInstruction add : context.instructions(AddInstruction.class, true)) {
            if (add.checksum().filter(c -> !c.isBlank()).isPresent()) {
                continue;
            }
            for (Word source : add.sources()) {
                String url = ImageRefs.unquote(source.text());
                if (url.contains("$")) {
                    Expansion e = context.dockerfile().environmentAt(add).expandWord(source.text());
                    url = e.value();
                }
                String lower = url.toLowerCase(Locale.ROOT);
                if (isGit(lower)) {
                    if (!pinnedGit(url)) {
                        out.report(add, "ADD " + url + " fetches a git ref that can move; pin a full commit id (#<sha>)"
                                + " or add --checksum", url);
                        break;
                    }
                } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    out.report(add, "ADD " + url + " downloads without --checksum; the content can change or be"
                            + " tampered with between builds", url);
                    break;
                }
            }
        }
    }

    private static boolean isGit(String url) {
        String base = url;
        for (char c : new char[] {'#', '?'}) {
            int i = base.indexOf(c);
            if (i >= 0) {
                base = base.substring(0, i);
            }
        }
        return url.startsWith("git@") || url.startsWith("git://") || url.startsWith("ssh://")
                || ((url.startsWith("https://") || url.startsWith("http://")) && base.endsWith(".git"));
    }

    /**
     * A full commit id as the ref: {@code #<sha>}, {@code #<sha>:subdir}, or BuildKit's query form
     * {@code ?ref=<sha>} / {@code ?commit=<sha>}.
     */
    private static boolean pinnedGit(String url) {
        int hash = url.indexOf('#');
        if (hash >= 0) {
            String ref = url.substring(hash + 1);
            int colon = ref.indexOf(':');
            return isCommit(colon >= 0 ? ref.substring(0, colon) : ref);
        }
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String param : url.substring(query + 1).split("&")) {
                if ((param.startsWith("commit=") || param.startsWith("ref=") || param.startsWith("checksum="))
                        && isCommit(param.substring(param.indexOf('=') + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCommit(String ref) {
        if (ref.length() != 40 && ref.length() != 64) {
            return false;
        }
        for (int i = 0; i < ref.length(); i++) {
            if (Character.digit(ref.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}

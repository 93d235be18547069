package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.syntax.Comment;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline configuration comments, as hadolint reads them and under Plimsoll's own name:
 * {@code # hadolint ignore=DL3008,DL3015} (or {@code # plimsoll ignore=...}) in the comment block directly above an
 * instruction silences those rules on it; {@code # hadolint global ignore=...} anywhere silences them in the file.
 */
final class Pragmas {
    private static final Pattern PRAGMA = Pattern.compile(
            "^#?\\s*(?:hadolint|plimsoll)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final Dockerfile dockerfile;
    private final Set<String> global = new HashSet<>();

    Pragmas(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
        for (Comment c : dockerfile.comments()) {
            Matcher m = PRAGMA.matcher(c.text().strip());
            if (m.matches() && m.group(1) != null) {
                global.addAll(ids(m.group(2)));
            }
        }
    }

    /** Whether the rule is ignored for the whole file. */
    boolean ignoredEverywhere(String ruleId) {
        return global.contains(ruleId.toUpperCase(Locale.ROOT));
    }

    /** Whether a pragma above the instruction ignores the rule there. */
    boolean ignoredAt(Instruction instruction, String ruleId) {
        List<Comment> above = dockerfile.commentsDirectlyAbove(instruction);
        for (Comment c : above) {
            Matcher m = PRAGMA.matcher(c.text().strip());
            if (m.matches() && m.group(1) == null && ids(m.group(2)).contains(ruleId.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> ids(String list) {
        Set<String> out = new HashSet<>();
        for (String id : list.split("[,\\s]+")) {
            if (!id.isBlank()) {
                out.add(id.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}

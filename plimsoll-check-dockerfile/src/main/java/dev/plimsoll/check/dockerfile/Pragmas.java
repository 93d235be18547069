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
 * instruction silences those rules on it; {@code # hadolint global ignore=...} anywhere silences them in the file;
 * {@code # hadolint stage ignore=...} silences them in the stage of the instruction that follows the comment. A
 * trailing {@code # reason} is allowed, as hadolint allows it.
 */
final class Pragmas {
    private static final Pattern PRAGMA = Pattern.compile(
            "^#?\\s*(?:hadolint|plimsoll)\\s+(global\\s+|stage\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+?)\\s*(?:#.*)?$",
            Pattern.CASE_INSENSITIVE);

    private final Dockerfile dockerfile;
    private final Set<String> global = new HashSet<>();
    /** Per stage index, the rules a stage pragma silences in it. */
    private final java.util.Map<Integer, Set<String>> byStage = new java.util.HashMap<>();

    Pragmas(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
        for (Comment c : dockerfile.comments()) {
            Matcher m = PRAGMA.matcher(c.text().strip());
            if (!m.matches() || m.group(1) == null) {
                continue;
            }
            if (m.group(1).strip().equalsIgnoreCase("global")) {
                global.addAll(ids(m.group(2)));
            } else {
                dockerfile.instructions().stream().filter(i -> i.line() > c.line()).findFirst()
                        .flatMap(dockerfile::stageOf).or(() -> stageFrom(c.line()))
                        .ifPresent(stage -> byStage.computeIfAbsent(stage.index(), k -> new HashSet<>())
                                .addAll(ids(m.group(2))));
            }
        }
    }

    /** The stage whose FROM is the next one after a line (stageOf does not name the FROM's own stage). */
    private java.util.Optional<dev.plimsoll.check.dockerfile.syntax.Stage> stageFrom(int line) {
        return dockerfile.stages().stream().filter(st -> st.from().line() > line).findFirst();
    }

    /** Whether the rule is ignored for the whole file. */
    boolean ignoredEverywhere(String ruleId) {
        return global.contains(ruleId.toUpperCase(Locale.ROOT));
    }

    /** Whether a pragma above the instruction, or a stage pragma for its stage, ignores the rule there. */
    boolean ignoredAt(Instruction instruction, String ruleId) {
        String id = ruleId.toUpperCase(Locale.ROOT);
        if (!byStage.isEmpty()) {
            java.util.Optional<dev.plimsoll.check.dockerfile.syntax.Stage> stage = dockerfile.stageOf(instruction)
                    .or(() -> stageFrom(instruction.line() - 1));
            if (stage.isPresent() && byStage.getOrDefault(stage.get().index(), Set.of()).contains(id)) {
                return true;
            }
        }
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

package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.image.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CIS 4.9: the image was built with COPY, not ADD (which fetches URLs and unpacks archives). */
public final class CopyNotAdd extends ImageCheck {
    public CopyNotAdd() {
        super("4.9", "Ensure that COPY is used instead of ADD in Dockerfiles", Severity.LOW, false,
                "Use COPY; fetch remote files with a verified download in RUN.",
                Optional.of("docker-bench-security greps 'docker history' for ADD anywhere in the line; Plimsoll"
                        + " reads the instruction keyword of each history entry, so a RUN mentioning ADD does not"
                        + " count."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        List<Evidence> adds = new ArrayList<>();
        List<HistoryEntry> history = facts.history();
        for (int i = 0; i < history.size(); i++) {
            String createdBy = history.get(i).createdBy().orElse("");
            if (HistoryInstructions.keyword(createdBy).equals("ADD")) {
                adds.add(new Evidence(facts.image(), "history[" + i + "].created_by", createdBy));
            }
        }
        return adds.isEmpty()
                ? CheckResult.pass("no ADD instruction in " + history.size() + " history entries")
                : new CheckResult(CheckStatus.FAIL, adds.size() + " ADD instruction(s)", adds);
    }
}

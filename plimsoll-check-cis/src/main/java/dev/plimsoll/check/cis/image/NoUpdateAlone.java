package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.image.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CIS 4.7: no RUN instruction refreshes package indexes ({@code apt-get update}, {@code apk update},
 * {@code yum update}...) without installing in the same instruction.
 */
public final class NoUpdateAlone extends ImageCheck {
    public NoUpdateAlone() {
        super("4.7", "Ensure update instructions are not used alone in the Dockerfile", Severity.LOW, false,
                "Update and install in one RUN: apt-get update && apt-get install -y PKG=VERSION.",
                Optional.of("docker-bench-security greps the history for 'update', which flags 'apk add --update"
                        + " x' and 'apt-get update && apt-get install x'; Plimsoll parses each RUN into commands and"
                        + " flags an index update only when nothing is installed in the same instruction."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        List<Evidence> alone = new ArrayList<>();
        List<HistoryEntry> history = facts.history();
        for (int i = 0; i < history.size(); i++) {
            String createdBy = history.get(i).createdBy().orElse("");
            if (HistoryInstructions.keyword(createdBy).equals("RUN")
                    && HistoryInstructions.updateAlone(HistoryInstructions.runCommand(createdBy))) {
                alone.add(new Evidence(facts.image(), "history[" + i + "].created_by", createdBy));
            }
        }
        return alone.isEmpty()
                ? CheckResult.pass("no update instruction alone in " + history.size() + " history entries")
                : new CheckResult(CheckStatus.FAIL, alone.size() + " instruction(s) update without installing",
                        alone);
    }
}

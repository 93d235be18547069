package dev.plimsoll.core.scan;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outcome of one scan, before policy: the inventory, the findings of every check, and every problem. */
public record ScanResult(Target target, Inventory inventory, List<Finding> findings, List<ScanProblem> problems) {
    public ScanResult {
        Objects.requireNonNull(target);
        Objects.requireNonNull(inventory);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    /** Every problem of the scan, the inventory's included. */
    public List<ScanProblem> allProblems() {
        List<ScanProblem> all = new ArrayList<>(inventory.problems());
        for (ScanProblem p : problems) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    public boolean complete() {
        return allProblems().isEmpty();
    }
}

package dev.plimsoll.engine;

import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Joins the analyzers' outputs into one inventory: the OS, every package in a stable order, every problem. */
final class InventoryAssembler {
    static final Comparator<Package> PACKAGE_ORDER = Comparator
            .comparing((Package p) -> p.ecosystem().ordinal())
            .thenComparing(Package::name)
            .thenComparing(Package::version)
            .thenComparing(p -> p.locations().isEmpty() ? "" : p.locations().get(0).path());

    private InventoryAssembler() {
    }

    static Inventory assemble(Target target, Optional<ImageSummary> image, List<AnalyzerOutput> outputs,
                              List<ScanProblem> walkProblems) {
        List<ScanProblem> problems = new ArrayList<>(walkProblems);
        List<Package> packages = new ArrayList<>();
        Optional<OsRelease> os = Optional.empty();
        for (AnalyzerOutput out : outputs) {
            packages.addAll(out.packages());
            problems.addAll(out.problems());
            if (out.os().isPresent()) {
                if (os.isPresent() && !os.get().equals(out.os().get())) {
                    problems.add(ScanProblem.of(ProblemKind.INCONSISTENT, "engine", null,
                            "two analyzers disagree on the OS: " + os.get().prettyName() + " and "
                                    + out.os().get().prettyName() + "; keeping the first"));
                } else {
                    os = out.os();
                }
            }
        }
        packages.sort(PACKAGE_ORDER);
        return new Inventory(target, image, os, packages, problems);
    }
}

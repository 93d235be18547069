package dev.plimsoll.core.inventory;

import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything installed in a target, sorted deterministically, with the problems met while reading it. */
public record Inventory(Target target, Optional<ImageSummary> image, Optional<OsRelease> os, List<Package> packages,
                        List<ScanProblem> problems) {
    public Inventory {
        Objects.requireNonNull(target);
        Objects.requireNonNull(image);
        Objects.requireNonNull(os);
        packages = List.copyOf(packages);
        problems = List.copyOf(problems);
    }

    public String purl(Package p) {
        return Purls.of(p, os);
    }

    /** False when any problem was recorded: reports must then say the inventory may be missing packages. */
    public boolean complete() {
        return problems.isEmpty();
    }
}

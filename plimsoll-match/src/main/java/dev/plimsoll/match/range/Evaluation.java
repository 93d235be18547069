package dev.plimsoll.match.range;

import java.util.List;
import java.util.Objects;

/**
 * The verdict, with what was wrong in the advisory's own data (bounds that do not parse, constraints that are not
 * valid): such ranges are left out of the verdict and reported, never a crash.
 */
public record Evaluation(Verdict verdict, List<String> advisoryProblems) {
    public Evaluation {
        Objects.requireNonNull(verdict);
        advisoryProblems = List.copyOf(advisoryProblems);
    }
}

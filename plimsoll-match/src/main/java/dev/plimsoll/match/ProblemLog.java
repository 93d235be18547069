package dev.plimsoll.match;

import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Problems of one match run: each reported once, and advisory-data problems capped so that one broken feed cannot
 * flood a report (the count of the rest is still reported).
 */
final class ProblemLog {
    static final String COMPONENT = "match";
    private static final int MAX_ADVISORY_PROBLEMS = 50;

    private final Set<ScanProblem> problems = new LinkedHashSet<>();
    private final Set<String> advisoryMessages = new LinkedHashSet<>();

    void add(ProblemKind kind, Optional<String> path, String message) {
        problems.add(new ScanProblem(kind, COMPONENT, Optional.empty(), path, message));
    }

    /** A problem in the vulnerability data itself (a bound, a constraint or a vector that does not parse). */
    void advisory(String message) {
        advisoryMessages.add(message);
    }

    List<ScanProblem> all() {
        List<ScanProblem> out = new ArrayList<>(problems);
        int shown = 0;
        for (String m : advisoryMessages) {
            if (shown++ == MAX_ADVISORY_PROBLEMS) {
                break;
            }
            out.add(new ScanProblem(ProblemKind.MALFORMED_FILE, COMPONENT, Optional.empty(), Optional.empty(), m));
        }
        int rest = advisoryMessages.size() - MAX_ADVISORY_PROBLEMS;
        if (rest > 0) {
            out.add(new ScanProblem(ProblemKind.MALFORMED_FILE, COMPONENT, Optional.empty(), Optional.empty(),
                    rest + " more problems in vulnerability data not listed"));
        }
        return out;
    }
}

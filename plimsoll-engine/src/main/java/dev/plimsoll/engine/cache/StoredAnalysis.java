package dev.plimsoll.engine.cache;

import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.List;

/**
 * What the walk and the analyzers made of one image: each analyzer's output, in catalog order, and the problems
 * recorded on the way. The inventory is assembled from it afterwards, with the image summary of the scan at hand.
 */
public record StoredAnalysis(List<AnalyzerOutput> outputs, List<ScanProblem> problems) {
    public StoredAnalysis {
        outputs = List.copyOf(outputs);
        problems = List.copyOf(problems);
    }
}

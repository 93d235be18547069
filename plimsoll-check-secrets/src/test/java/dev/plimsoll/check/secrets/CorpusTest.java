package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scored corpus: a generated repository tree with planted format-valid fakes (positives) and look-alikes
 * (negatives), written to disk and scanned file by file. A positive counts as found when some finding sits on its
 * line; every finding elsewhere is a false positive. Prints recall per planted category and precision per rule,
 * and asserts at least 95% for each and overall.
 */
class CorpusTest {
    private static final double TARGET = 0.95;

    @TempDir
    Path root;

    @Test
    void recallAndPrecisionAreAtLeast95Percent() throws IOException {
        Corpus corpus = new CorpusGenerator(20261123L).generate(7);
        SecretScanner scanner = TestRules.scanner();
        Map<String, int[]> recall = new TreeMap<>();      // category -> {found, planted}
        Map<String, int[]> precision = new TreeMap<>();   // rule -> {true, all}
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        for (Map.Entry<String, List<Corpus.Line>> e : corpus.files.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, Corpus.content(e.getValue()), StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file);
            files++;
            bytes += content.length;
            ScanOutcome out = scanner.scan(e.getKey(), content);
            assertThat(out).as(e.getKey()).isInstanceOf(ScanOutcome.Scanned.class);
            Map<Integer, List<SecretMatch>> byLine = new HashMap<>();
            for (SecretMatch m : out.matches()) {
                byLine.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(m);
            }
            Set<Integer> positiveLines = new HashSet<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                Corpus.Line l = e.getValue().get(i);
                int lineNo = i + 1;
                if (l.kind() == Corpus.Kind.POSITIVE) {
                    positiveLines.add(lineNo);
                    int[] r = recall.computeIfAbsent(l.category(), k -> new int[2]);
                    r[1]++;
                    if (byLine.containsKey(lineNo)) {
                        r[0]++;
                    } else {
                        misses.add(e.getKey() + ":" + lineNo + " [" + l.category() + "] " + abbreviate(l.text()));
                    }
                }
            }
            for (SecretMatch m : out.matches()) {
                int[] p = precision.computeIfAbsent(m.ruleId(), k -> new int[2]);
                p[1]++;
                if (positiveLines.contains(m.line())) {
                    p[0]++;
                } else {
                    Corpus.Line l = e.getValue().get(m.line() - 1);
                    falsePositives.add(e.getKey() + ":" + m.line() + " " + m.ruleId() + " ["
                            + (l.category() == null ? "neutral" : l.category()) + "] " + abbreviate(l.text()));
                }
            }
        }
        int found = recall.values().stream().mapToInt(r -> r[0]).sum();
        int planted = recall.values().stream().mapToInt(r -> r[1]).sum();
        int truePos = precision.values().stream().mapToInt(p -> p[0]).sum();
        int reported = precision.values().stream().mapToInt(p -> p[1]).sum();
        long negatives = corpus.files.values().stream().flatMap(List::stream)
                .filter(l -> l.kind() == Corpus.Kind.NEGATIVE).count();
        StringBuilder report = new StringBuilder();
        report.append(String.format("secret corpus: %d files, %d KiB, %d planted positives, %d planted look-alikes%n",
                files, bytes / 1024, planted, negatives));
        report.append("recall by planted category:\n");
        recall.forEach((k, r) -> report.append(String.format("  %-22s %3d/%-3d %6.1f%%%n", k, r[0], r[1],
                100.0 * r[0] / r[1])));
        report.append("precision by rule:\n");
        precision.forEach((k, p) -> report.append(String.format("  %-28s %3d/%-3d %6.1f%%%n", k, p[0], p[1],
                100.0 * p[0] / p[1])));
        report.append(String.format("overall: recall %.1f%% (%d/%d), precision %.1f%% (%d/%d)%n",
                100.0 * found / planted, found, planted, 100.0 * truePos / reported, truePos, reported));
        misses.forEach(m -> report.append("  missed: ").append(m).append('\n'));
        falsePositives.forEach(m -> report.append("  false positive: ").append(m).append('\n'));
        System.out.println(report);

        assertThat((double) found / planted).as("overall recall").isGreaterThanOrEqualTo(TARGET);
        assertThat((double) truePos / reported).as("overall precision").isGreaterThanOrEqualTo(TARGET);
        recall.forEach((k, r) -> assertThat((double) r[0] / r[1]).as("recall of " + k)
                .isGreaterThanOrEqualTo(TARGET));
        precision.forEach((k, p) -> assertThat((double) p[0] / p[1]).as("precision of " + k)
                .isGreaterThanOrEqualTo(TARGET));
    }

    /** The corpus lines are generated fakes, but the report shows only their start, as a finding would. */
    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 48 ? t : t.substring(0, 48) + "…";
    }
}

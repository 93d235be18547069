// Warm open + match: one JVM, the same SBOM opened and matched again and again (a fresh database reader and match
// engine each time, so no result is cached); after warm-up, prints the median and best of the last runs.
// Run by bench/vuln.sh as a single-file program: java -cp plimsoll.jar bench/MatchWarm.java SBOM DB [RUNS]
// (not jshell: its remote agent runs code under JDI, which keeps the JIT from reaching the steady state).
import dev.plimsoll.engine.sbom.SbomReader;
import dev.plimsoll.engine.sbom.SbomScanner;
import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.vulndb.VulnDbReader;
import java.nio.file.Path;
import java.util.Arrays;

public class MatchWarm {
    public static void main(String[] args) throws Exception {
        Path sbom = Path.of(args[0]);
        Path db = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        var doc = new SbomReader().read(sbom);
        int measured = Math.max(1, runs / 3);
        double[] openMs = new double[measured];
        double[] matchMs = new double[measured];
        int findings = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (var reader = VulnDbReader.open(db)) {
                long t1 = System.nanoTime();
                var result = new SbomScanner(new MatchEngine(reader)).scan(sbom, doc);
                long t2 = System.nanoTime();
                int k = i - (runs - measured);
                if (k >= 0) {
                    openMs[k] = (t1 - t0) / 1e6;
                    matchMs[k] = (t2 - t1) / 1e6;
                }
                findings = result.result().findings().size();
            }
        }
        Arrays.sort(openMs);
        Arrays.sort(matchMs);
        System.out.printf("open %.2f ms + match %.0f ms median, %.0f ms best, of the last %d of %d runs (%d findings)%n",
                openMs[measured / 2], matchMs[measured / 2], matchMs[0], measured, runs, findings);
    }
}

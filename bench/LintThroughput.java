// Dockerfile linting throughput: one JVM parses and lints a set of Dockerfiles again and again (every standard rule,
// .dockerignore unknown), and after warm-up prints files per second for the best and the median pass.
// Run by bench/dockerfiles.sh as a single-file program: java -cp plimsoll.jar bench/LintThroughput.java DIR [PASSES]
import dev.plimsoll.check.dockerfile.DockerfileLinter;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import dev.plimsoll.check.dockerfile.syntax.DockerfileSyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

public class LintThroughput {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.add(p);
                texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        DockerfileParser parser = new DockerfileParser();
        DockerfileLinter linter = DockerfileLinter.standard();
        double[] perSecond = new double[passes];
        long hits = 0;
        int unparsable = 0;
        for (int pass = 0; pass < passes; pass++) {
            hits = 0;
            unparsable = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < files.size(); i++) {
                try {
                    var df = parser.parse(files.get(i), texts.get(i));
                    hits += linter.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(), false)).hits().size();
                } catch (DockerfileSyntaxException e) {
                    unparsable++;
                }
            }
            perSecond[pass] = files.size() / ((System.nanoTime() - t0) / 1e9);
        }
        double[] last = Arrays.copyOfRange(perSecond, passes / 3, passes);
        Arrays.sort(last);
        System.out.printf("lint throughput: %d files (%d unparsable), %d rules, %d findings per pass: best %.0f files/s,"
                + " median %.0f files/s (%d passes, the first third warm-up)%n", files.size(), unparsable,
                linter.rules().size(), hits, last[last.length - 1], last[last.length / 2], passes);
    }
}

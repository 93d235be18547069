package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import dev.plimsoll.check.dockerfile.syntax.DockerfileSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every rule over the real-world corpus (../shared/dockerfiles, passed by bin/test): no rule fails on any file, and
 * the number of findings per rule is pinned in {@code corpus-rule-counts.tsv}, whose hits were read for false
 * positives when they were pinned. A change in a count is a change in behaviour to review: run with
 * {@code -Dplimsoll.updateCorpusCounts=true} to rewrite the file and read the diff.
 */
@EnabledIfSystemProperty(named = "plimsoll.dockerfiles", matches = ".+")
class CorpusLintTest {
    private static final Path CORPUS = Path.of(System.getProperty("plimsoll.dockerfiles", "."));
    private static final Path PINNED = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/test/resources/dev/plimsoll/check/dockerfile/corpus-rule-counts.tsv");

    @Test
    void perRuleCountsOnTheCorpusArePinned() throws IOException {
        DockerfileLinter linter = DockerfileLinter.standard();
        DockerfileParser parser = new DockerfileParser();
        Map<String, Integer> counts = new TreeMap<>();
        linter.rules().forEach(r -> counts.put(r.id(), 0));
        counts.put(DockerfileLinter.SYNTAX_RULE, 0);
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS.resolve("FILES"))) {
            files = s.sorted().toList();
        }
        for (Path file : files) {
            Dockerfile df;
            try {
                df = parser.parse(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (DockerfileSyntaxException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
                continue;
            }
            DockerfileLinter.Result result = linter.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(),
                    false));
            result.problems().forEach(p -> failures.add(file.getFileName() + ": " + p.message()));
            result.hits().forEach(h -> counts.merge(h.rule().id().value(), 1, Integer::sum));
        }
        assertThat(failures).as("rules and the parser never fail on real files").isEmpty();

        StringBuilder tsv = new StringBuilder("# rule\tfindings on the " + files.size() + " corpus files\n");
        counts.forEach((rule, n) -> tsv.append(rule).append('\t').append(n).append('\n'));
        if (Boolean.getBoolean("plimsoll.updateCorpusCounts")) {
            Files.writeString(PINNED, tsv.toString());
        }
        assertThat(Files.readString(PINNED)).as("per-rule counts (review, then -Dplimsoll.updateCorpusCounts=true)")
                .isEqualTo(tsv.toString());
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The shared real-world corpus: every file parses without problems, except those expected_invalid.tsv marks
 * invalid-syntax, which must each give a problem (or exception) naming a line.
 */
@EnabledIfSystemProperty(named = "plimsoll.dockerfiles", matches = ".+")
class CorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("plimsoll.dockerfiles", "."));

    private static Map<String, String> expectedCategories() throws IOException {
        Map<String, String> categories = new HashMap<>();
        List<String> rows = Files.readAllLines(CORPUS.resolve("expected_invalid.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split("\t");
            categories.put(Path.of(columns[0]).getFileName().toString(), columns[1]);
        }
        return categories;
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve("FILES"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void everyFileParsesAsExpected() throws IOException {
        Map<String, String> categories = expectedCategories();
        DockerfileParser parser = new DockerfileParser();
        List<String> unexpected = new ArrayList<>();
        int clean = 0;
        int rejected = 0;
        int instructions = 0;
        int stages = 0;
        for (Path file : files()) {
            String name = file.getFileName().toString();
            boolean mustFail = "invalid-syntax".equals(categories.get(name));
            SyntaxProblem problem = null;
            try {
                Dockerfile dockerfile = parser.parse(file);
                instructions += dockerfile.instructions().size();
                stages += dockerfile.stages().size();
                problem = dockerfile.problems().isEmpty() ? null : dockerfile.problems().get(0);
            } catch (DockerfileSyntaxException e) {
                problem = e.problem();
            }
            if (problem == null) {
                clean++;
            } else {
                rejected++;
            }
            if (mustFail && (problem == null || problem.line() < 1)) {
                unexpected.add("expected a syntax error: " + name);
            } else if (!mustFail && problem != null) {
                unexpected.add("unexpected " + problem + ": " + name);
            }
        }
        long invalidSyntax = categories.values().stream().filter("invalid-syntax"::equals).count();
        System.out.printf("corpus: %d files, %d clean, %d with a syntax error (%d expected), %d instructions,"
                + " %d stages%n", clean + rejected, clean, rejected, invalidSyntax, instructions, stages);
        unexpected.forEach(System.out::println);
        assertThat(unexpected).isEmpty();
        assertThat(rejected).isEqualTo((int) invalidSyntax);
    }
}

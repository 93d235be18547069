package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered rule against its cases: catches report exactly the expected lines, catchesNot report none. */
class RuleCasesTest {
    private static final DockerfileLinter LINTER = DockerfileLinter.standard();

    static Stream<RuleCases.Case> cases() {
        List<RuleCases.Case> all = new ArrayList<>(RuleCases.of(DockerfileLinter.SYNTAX_RULE));
        for (DockerfileRule rule : LINTER.rules()) {
            all.addAll(RuleCases.of(rule.id()));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedLines(RuleCases.Case c) {
        List<Integer> reported = RuleCases.linesReported(LINTER, c);

        if (c.catches()) {
            assertThat(reported).as(c + "\n" + c.dockerfile()).containsExactlyElementsOf(c.lines());
        } else {
            assertThat(reported).as(c + "\n" + c.dockerfile()).isEmpty();
        }
    }
}

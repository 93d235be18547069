package dev.plimsoll.check.cis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.check.cis.checks.container.ContainerChecks;
import dev.plimsoll.core.error.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckSelectionTest {
    private static final List<String> IDS = List.of("1.1.1", "2.1", "2.2", "2.2.1", "2.5", "2.5.1", "2.6", "4.1",
            "5.1", "5.9", "5.10", "5.19", "privileged", "runAsNonRoot");

    private static List<String> selected(String spec) {
        CheckSelection s = CheckSelection.parse(spec);
        return IDS.stream().filter(s::includes).toList();
    }

    @Test
    void emptyMeansEverything() {
        assertThat(selected("")).isEqualTo(IDS);
        assertThat(selected("*")).isEqualTo(IDS);
    }

    @Test
    void sectionsPrefixesAndExclusions() {
        assertThat(selected("5.*,!5.9")).containsExactly("5.1", "5.10", "5.19");
        assertThat(selected("5")).containsExactly("5.1", "5.9", "5.10", "5.19");
        assertThat(selected("2.2.*")).containsExactly("2.2", "2.2.1");
        assertThat(selected("5.1")).as("5.1 is an id, and everything below it; not 5.10").containsExactly("5.1");
        assertThat(selected("!5.*")).doesNotContain("5.1", "5.9").contains("2.1", "privileged");
    }

    @Test
    void rangesCompareNumbersAndTakeChildren() {
        assertThat(selected("2.1-2.5")).containsExactly("2.1", "2.2", "2.2.1", "2.5", "2.5.1");
        assertThat(selected("5.2-5.10")).containsExactly("5.9", "5.10");
        assertThat(selected("2.1-2.5,5.*,!2.2.1")).containsExactly("2.1", "2.2", "2.5", "2.5.1", "5.1", "5.9",
                "5.10", "5.19");
    }

    @Test
    void namedIdsMatchExactly() {
        assertThat(selected("privileged")).containsExactly("privileged");
        assertThat(selected("*,!runasnonroot")).doesNotContain("runAsNonRoot").contains("privileged");
    }

    @Test
    void namedSectionsSelectTheirChecks() {
        var kubernetes = new dev.plimsoll.check.cis.CheckMeta("privileged", dev.plimsoll.check.cis.Section.KUBERNETES,
                "Privileged containers", dev.plimsoll.core.finding.Severity.HIGH, "baseline", true, "fix",
                java.util.Optional.empty());
        assertThat(CheckSelection.parse("k8s").includes(kubernetes)).isTrue();
        assertThat(CheckSelection.parse("k8s.*").includes(kubernetes)).isTrue();
        assertThat(CheckSelection.parse("5.*").includes(kubernetes)).isFalse();
        assertThat(CheckSelection.parse("*,!k8s").includes(kubernetes)).isFalse();
        assertThat(CheckSelection.parse("1-3").includes(ContainerChecks.standard().get(0).meta())).isFalse();
        assertThat(CheckSelection.parse("1-4").includes(ContainerChecks.standard().get(0).meta())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.*.1", "5,,6", "2.5-2.1", "2.1-", "2.1-x", "5.x", "!", "5;6", " , "})
    void malformedPatternsAreRejectedWithTheirText(String spec) {
        assertThatThrownBy(() -> CheckSelection.parse(spec)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--checks:");
    }

    @Test
    void selectsCheckObjectsBySectionNumberToo() {
        assertThat(CheckSelection.parse("4").select(ContainerChecks.standard())).singleElement()
                .satisfies(c -> assertThat(c.meta().id()).isEqualTo("4.1"));
        assertThat(CheckSelection.parse("!4,!5.22-5.31").select(ContainerChecks.standard())).hasSize(21);
    }
}

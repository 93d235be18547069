package dev.plimsoll.match.range;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Constraint;
import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.support.TestSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OSV evaluation algorithm on a test scheme (natural order), case by case. */
class RangeEvaluatorTest {
    private final RangeEvaluator evaluator = new RangeEvaluator(TestSchemes.natural());

    /** "introduced:0 fixed:1.2" → an Events range. */
    static Events events(RangeType type, String spec) {
        List<Event> events = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) {
            int colon = part.indexOf(':');
            events.add(new Event(EventKind.valueOf(part.substring(0, colon).toUpperCase(Locale.ROOT)),
                    part.substring(colon + 1)));
        }
        return new Events(type, events);
    }

    private Verdict verdict(String installed, AffectedRange... ranges) {
        return evaluator.evaluate(Ecosystem.NPM, installed, List.of(ranges), List.of()).verdict();
    }

    private static boolean affected(Verdict v) {
        return v instanceof Verdict.Affected;
    }

    @ParameterizedTest(name = "{0} in [{1}] → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # the OSV specification's examples
            0.1     | introduced:0                                              | true
            1.0.1   | introduced:0 fixed:1.0.2                                  | true
            1.0.2   | introduced:0 fixed:1.0.2                                  | false
            1.0.0   | introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5 | true
            2.0.0   | introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5 | false
            3.2.4   | introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5 | true
            3.2.5   | introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5 | false
            0.9     | introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5 | false
            # events in any order are sorted first
            3.2.4   | fixed:3.2.5 introduced:3.0.0 fixed:1.0.2 introduced:1.0.0 | true
            2.0.0   | fixed:3.2.5 introduced:3.0.0 fixed:1.0.2 introduced:1.0.0 | false
            # last_affected is inclusive
            2.1.214 | introduced:0 last_affected:2.1.214                        | true
            2.1.215 | introduced:0 last_affected:2.1.214                        | false
            # natural order, not text order
            1.10    | introduced:0 fixed:1.9                                    | false
            1.8     | introduced:0 fixed:1.9                                    | true
            # limits bound the range from above; "*" is infinity
            1.5     | introduced:1.0 limit:2.0                                  | true
            2.0     | introduced:1.0 limit:2.0                                  | false
            7.0     | introduced:1.0 limit:*                                    | true
            2.5     | introduced:1.0 limit:2.0 limit:3.0                        | true
            # introduced and fixed at one version cover nothing
            1.0     | introduced:1.0 fixed:1.0                                  | false
            # at one version the feed's order decides: touching branches stay joined
            2.0     | introduced:1.0 fixed:2.0 introduced:2.0 fixed:3.0         | true
            # a range without an introduction affects nothing (and is reported)
            0.5     | fixed:1.0                                                 | false
            """)
    void osvEvents(String installed, String spec, boolean expected) {
        assertThat(affected(verdict(installed, events(RangeType.ECOSYSTEM, spec)))).isEqualTo(expected);
    }

    @Test
    void closingFixIsTheFixOfTheInstalledBranch() {
        Events branches = events(RangeType.ECOSYSTEM, "introduced:0 fixed:1.2.5 introduced:2.0 fixed:2.0.3");
        assertThat(verdict("2.0.1", branches)).isEqualTo(new Verdict.Affected(Optional.of("2.0.3")));
        assertThat(verdict("1.0", branches)).isEqualTo(new Verdict.Affected(Optional.of("1.2.5")));
        assertThat(verdict("3.0", events(RangeType.ECOSYSTEM, "introduced:0 last_affected:4.0")))
                .isEqualTo(new Verdict.Affected(Optional.empty()));
    }

    @Test
    void semverRangesUseTheSemverSchemeAndIgnoreAVPrefix() {
        Events semver = events(RangeType.SEMVER, "introduced:0 fixed:0.3.8");
        assertThat(affected(verdict("v0.3.7", semver))).isTrue();
        assertThat(affected(verdict("v0.3.8", semver))).isFalse();
        // A SEMVER range is not compared in the ecosystem's scheme: the test schemes refuse to mix.
        assertThat(evaluator.evaluate(Ecosystem.GOLANG, "0.3.7", List.of(semver), List.of()).advisoryProblems())
                .isEmpty();
    }

    @Test
    void anyRangeSuffices() {
        assertThat(affected(verdict("5.0", events(RangeType.ECOSYSTEM, "introduced:0 fixed:1.0"),
                events(RangeType.ECOSYSTEM, "introduced:4.0 fixed:6.0")))).isTrue();
    }

    @Test
    void noRangesAndNoVersionsMeansEveryVersion() {
        assertThat(affected(evaluator.evaluate(Ecosystem.NPM, "anything at all!", List.of(), List.of()).verdict()))
                .isTrue();
    }

    @Test
    void explicitVersionsMatchByTextThenByTheSchemesEquality() {
        // the test scheme reads "01" and "1" as one number, as PEP 440 reads "0.12.01" and "0.12.1"
        assertThat(affected(evaluator.evaluate(Ecosystem.PYPI, "0.12.1", List.of(), List.of("0.12.01")).verdict()))
                .isTrue();
        assertThat(affected(evaluator.evaluate(Ecosystem.PYPI, "0.12.2", List.of(), List.of("0.12.01")).verdict()))
                .isFalse();
        // a version the scheme cannot read still matches by text
        assertThat(affected(evaluator.evaluate(Ecosystem.PYPI, "weird version", List.of(), List.of("weird version"))
                .verdict())).isTrue();
    }

    @Test
    void anUnparseableInstalledVersionCannotBeCompared() {
        Verdict v = verdict("not a version!", events(RangeType.ECOSYSTEM, "introduced:0 fixed:1.0"));
        assertThat(v).isInstanceOf(Verdict.CannotCompare.class);
        assertThat(((Verdict.CannotCompare) v).reason()).contains("not a version!").contains("natural");
    }

    @Test
    void anEcosystemWithoutSchemeCannotBeCompared() {
        Verdict v = evaluator.evaluate(Ecosystem.GENERIC, "1.0",
                List.of(events(RangeType.ECOSYSTEM, "introduced:0 fixed:2.0")), List.of()).verdict();
        assertThat(v).isEqualTo(new Verdict.CannotCompare("no generic version scheme"));
    }

    @Test
    void anUnparseableBoundSkipsItsRangeAndIsReported() {
        Evaluation e = evaluator.evaluate(Ecosystem.NPM, "1.5", List.of(
                events(RangeType.ECOSYSTEM, "introduced:0 fixed:bad!bound"),
                events(RangeType.ECOSYSTEM, "introduced:1.0 fixed:2.0")), List.of());
        assertThat(e.verdict()).isEqualTo(new Verdict.Affected(Optional.of("2.0")));
        assertThat(e.advisoryProblems()).singleElement().asString().contains("bad!bound").contains("range skipped");

        Evaluation only = evaluator.evaluate(Ecosystem.NPM, "1.5",
                List.of(events(RangeType.ECOSYSTEM, "introduced:0 fixed:bad!bound")), List.of());
        assertThat(only.verdict()).isEqualTo(new Verdict.NotAffected());
        assertThat(only.advisoryProblems()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} against {1} (negated {2}) → {3}")
    @CsvSource(delimiterString = "::", textBlock = """
            1.5   :: >=1.0, <2.0          :: false :: true
            2.0   :: >=1.0, <2.0          :: false :: false
            3.1   :: >=1.0, <2.0 || >=3.0 :: false :: true
            # RubySec lists patched versions: affected when none is satisfied
            1.5   :: >=2.0                :: true  :: true
            2.1   :: >=2.0                :: true  :: false
            """)
    void constraints(String installed, String expression, boolean negated, boolean expected) {
        Constraint c = new Constraint(ConstraintSyntax.GEM, List.of(expression.split(";")), negated);
        assertThat(affected(verdict(installed, c))).isEqualTo(expected);
    }

    @Test
    void negatedConstraintsAreAffectedOnlyWhenNoAlternativeHolds() {
        Constraint patched = new Constraint(ConstraintSyntax.GEM, List.of(">=2.0, <3.0", ">=3.1"), true);
        assertThat(affected(verdict("2.5", patched))).isFalse();
        assertThat(affected(verdict("3.0.5", patched))).isTrue();
        assertThat(affected(verdict("3.2", patched))).isFalse();
    }

    @Test
    void anInvalidConstraintSkipsTheRangeAndIsReported() {
        Evaluation e = evaluator.evaluate(Ecosystem.GEM, "1.0",
                List.of(new Constraint(ConstraintSyntax.GEM, List.of(">= 1.0", "~> !!"), true)), List.of());
        assertThat(e.verdict()).isEqualTo(new Verdict.NotAffected());
        assertThat(e.advisoryProblems()).singleElement().asString().contains("~> !!");
    }

    @Test
    void aSyntaxWithoutSchemeCannotBeCompared() {
        assertThat(verdict("1.0", new Constraint(ConstraintSyntax.NUGET, List.of("[1.0,2.0)"), false)))
                .isInstanceOf(Verdict.CannotCompare.class);
    }
}

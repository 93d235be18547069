package dev.plimsoll.match.range;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.support.TestSchemes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The OSV evaluation algorithm against its plain meaning, on versions "major.minor" of small integers. */
class RangeEvaluatorProperties {
    private final RangeEvaluator evaluator = new RangeEvaluator(TestSchemes.natural());

    private static String v(int n) {
        return (n / 10) + "." + (n % 10);
    }

    private boolean affected(int installed, List<Event> events) {
        return evaluator.evaluate(Ecosystem.NPM, v(installed),
                List.<AffectedRange>of(new Events(RangeType.ECOSYSTEM, events)), List.of())
                .verdict() instanceof Verdict.Affected;
    }

    @Property
    void introducedFixedIsHalfOpen(@ForAll @IntRange(max = 99) int a, @ForAll @IntRange(max = 99) int b,
                                   @ForAll @IntRange(max = 99) int x) {
        Assume.that(a < b);
        List<Event> events = List.of(new Event(EventKind.INTRODUCED, v(a)), new Event(EventKind.FIXED, v(b)));
        assertThat(affected(x, events)).isEqualTo(a <= x && x < b);
    }

    @Property
    void lastAffectedIsClosed(@ForAll @IntRange(max = 99) int a, @ForAll @IntRange(max = 99) int b,
                              @ForAll @IntRange(max = 99) int x) {
        Assume.that(a <= b);
        List<Event> events = List.of(new Event(EventKind.INTRODUCED, v(a)), new Event(EventKind.LAST_AFFECTED, v(b)));
        assertThat(affected(x, events)).isEqualTo(a <= x && x <= b);
    }

    @Property
    void introducedZeroIsBeforeEverything(@ForAll @IntRange(max = 99) int b, @ForAll @IntRange(max = 99) int x) {
        List<Event> events = List.of(new Event(EventKind.INTRODUCED, "0"), new Event(EventKind.FIXED, v(b)));
        assertThat(affected(x, events)).isEqualTo(x < b);
    }

    @Property
    void disjointBranchesAreAUnionAndEventOrderDoesNotMatter(
            @ForAll @IntRange(max = 20) int start, @ForAll @IntRange(max = 20) int len1,
            @ForAll @IntRange(max = 20) int gap, @ForAll @IntRange(max = 20) int len2,
            @ForAll @IntRange(max = 99) int x, @ForAll long seed) {
        // touching branches (gap 0) depend on the feed's order at the shared version: see the example test
        int a1 = start;
        int b1 = a1 + len1 + 1;
        int a2 = b1 + gap + 1;
        int b2 = a2 + len2 + 1;
        List<Event> events = new ArrayList<>(List.of(new Event(EventKind.INTRODUCED, v(a1)),
                new Event(EventKind.FIXED, v(b1)), new Event(EventKind.INTRODUCED, v(a2)),
                new Event(EventKind.FIXED, v(b2))));
        Collections.shuffle(events, new Random(seed));
        assertThat(affected(x, events)).isEqualTo((a1 <= x && x < b1) || (a2 <= x && x < b2));
    }

    @Property
    void limitsCutTheRange(@ForAll @IntRange(max = 99) int a, @ForAll @IntRange(max = 99) int limit,
                           @ForAll @IntRange(max = 99) int x) {
        List<Event> events = List.of(new Event(EventKind.INTRODUCED, v(a)), new Event(EventKind.LIMIT, v(limit)));
        assertThat(affected(x, events)).isEqualTo(a <= x && x < limit);
    }
}

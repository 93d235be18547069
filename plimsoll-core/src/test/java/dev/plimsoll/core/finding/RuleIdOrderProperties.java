package dev.plimsoll.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RuleIdOrderProperties {

    @Test
    void numbersInIdsCompareAsNumbers() {
        List<RuleId> ids = new ArrayList<>(List.of(RuleId.of("CIS-DOCKER-5.10"), RuleId.of("CIS-DOCKER-5.2"),
                RuleId.of("CIS-DOCKER-5.1"), RuleId.of("CIS-DOCKER-4.10"), RuleId.of("CVE-2024-1000"),
                RuleId.of("CVE-2024-999"), RuleId.of("DL3008"), RuleId.of("DL3007"), RuleId.of("CIS-DOCKER-5.31"),
                RuleId.of("SC2086"), RuleId.of("CIS-DOCKER-5.3")));
        ids.sort(null);
        assertThat(ids).extracting(RuleId::value).containsExactly("CIS-DOCKER-4.10", "CIS-DOCKER-5.1",
                "CIS-DOCKER-5.2", "CIS-DOCKER-5.3", "CIS-DOCKER-5.10", "CIS-DOCKER-5.31", "CVE-2024-999",
                "CVE-2024-1000", "DL3007", "DL3008", "SC2086");
    }

    @Test
    void leadingZerosTieBreakByText() {
        assertThat(RuleId.of("A-07").compareTo(RuleId.of("A-7"))).isNotZero()
                .isEqualTo(-RuleId.of("A-7").compareTo(RuleId.of("A-07")));
        assertThat(RuleId.of("A-007").compareTo(RuleId.of("A-8"))).isNegative();
        assertThat(RuleId.of("A-0").compareTo(RuleId.of("A-00"))).isNotZero();
    }

    @Property
    void zeroOnlyForEqualIds(@ForAll("ids") String a, @ForAll("ids") String b) {
        assertThat(RuleId.of(a).compareTo(RuleId.of(b)) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void antisymmetric(@ForAll("ids") String a, @ForAll("ids") String b) {
        assertThat(Integer.signum(RuleId.of(a).compareTo(RuleId.of(b))))
                .isEqualTo(-Integer.signum(RuleId.of(b).compareTo(RuleId.of(a))));
    }

    @Property
    void transitive(@ForAll("ids") String a, @ForAll("ids") String b, @ForAll("ids") String c) {
        RuleId x = RuleId.of(a);
        RuleId y = RuleId.of(b);
        RuleId z = RuleId.of(c);
        if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
            assertThat(x.compareTo(z)).isNotPositive();
        }
    }

    /** Short ids from a small alphabet with digits and zeros, so that equal numbers and shared prefixes are common. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("A-.0019").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.isBlank());
    }
}

package dev.plimsoll.version.semver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.util.List;

/**
 * The total-order laws every scheme's {@code compareTo} must obey, checked over a list of versions (best a chain of
 * small edits, so that equal and adjacent versions are common): reflexive, consistent with equals and hashCode,
 * stable under re-parsing, antisymmetric, transitive, and equality transitive.
 */
public final class OrderLaws {
    private OrderLaws() {
    }

    public static void check(VersionScheme scheme, List<? extends Version> versions) throws InvalidVersionException {
        for (Version a : versions) {
            assertThat(a.compareTo(a)).as(a + " vs itself").isZero();
            assertThat(a.compareTo(scheme.parse(a.raw()))).as(a + " vs its re-parse").isZero();
            for (Version b : versions) {
                int ab = Integer.signum(a.compareTo(b));
                assertThat(ab).as(a + " vs " + b + " antisymmetric").isEqualTo(-Integer.signum(b.compareTo(a)));
                assertThat(a.equals(b)).as(a + " equals " + b).isEqualTo(ab == 0);
                if (ab == 0) {
                    assertThat(a.hashCode()).as(a + " hash " + b).isEqualTo(b.hashCode());
                }
                for (Version c : versions) {
                    int bc = Integer.signum(b.compareTo(c));
                    int ac = Integer.signum(a.compareTo(c));
                    if (ab <= 0 && bc <= 0) {
                        assertThat(ac).as(a + " <= " + b + " <= " + c).isNotPositive();
                    }
                    if (ab == 0 && bc == 0) {
                        assertThat(ac).as(a + " == " + b + " == " + c).isZero();
                    }
                    if (ab < 0 && bc <= 0 || ab <= 0 && bc < 0) {
                        assertThat(ac).as(a + " < " + b + " <= " + c).isNegative();
                    }
                }
            }
        }
    }
}

package dev.plimsoll.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The total-order laws every scheme's {@code compareTo} must obey: reflexive, consistent with equals and hashCode,
 * stable under re-parsing, antisymmetric and transitive (for {@code <=}, for equality and for the strict order).
 * Each law is checked over a list of versions, best a chain of small edits so that equal and adjacent versions are
 * common; {@link #check} checks them all.
 */
public final class OrderLaws {
    private OrderLaws() {
    }

    /** Every law over every pair and triple of {@code versions}. */
    public static void check(VersionScheme scheme, List<? extends Version> versions) throws InvalidVersionException {
        reparsesEqual(scheme, versions);
        reflexiveAndConsistentWithEquals(versions);
        antisymmetric(versions);
        transitive(versions);
    }

    /** The text parses to a version that keeps it, equal (in order, equals and hash) to a second parse of it. */
    public static void parsesStably(VersionScheme scheme, String text) throws InvalidVersionException {
        Version version = scheme.parse(text);
        Version again = scheme.parse(text);
        assertThat(version.raw()).isEqualTo(text);
        assertThat(version.compareTo(again)).isZero();
        assertThat(version).isEqualTo(again).hasSameHashCodeAs(again);
    }

    /** Each version orders equal to the version its own text parses to. */
    public static void reparsesEqual(VersionScheme scheme, List<? extends Version> versions)
            throws InvalidVersionException {
        for (Version a : versions) {
            assertThat(a.compareTo(scheme.parse(a.raw()))).as(shown(a) + " vs its re-parse").isZero();
        }
    }

    /** Each version orders equal to itself, and two versions are equal, with one hash, exactly when they order so. */
    public static void reflexiveAndConsistentWithEquals(List<? extends Version> versions) {
        for (Version a : versions) {
            assertThat(a.compareTo(a)).as(shown(a) + " vs itself").isZero();
            for (Version b : versions) {
                boolean same = a.compareTo(b) == 0;
                assertThat(a.equals(b)).as(shown(a) + " equals " + shown(b)).isEqualTo(same);
                if (same) {
                    assertThat(a.hashCode()).as(shown(a) + " hash " + shown(b)).isEqualTo(b.hashCode());
                }
            }
        }
    }

    /** a before b exactly when b after a. */
    public static void antisymmetric(List<? extends Version> versions) {
        for (Version a : versions) {
            for (Version b : versions) {
                assertThat(Integer.signum(a.compareTo(b))).as(shown(a) + " vs " + shown(b) + " antisymmetric")
                    .isEqualTo(-Integer.signum(b.compareTo(a)));
            }
        }
    }

    /** a &lt;= b &lt;= c gives a &lt;= c (a &lt; c if either step is strict), and equal versions order alike. */
    public static void transitive(List<? extends Version> versions) {
        for (Version a : versions) {
            for (Version b : versions) {
                int ab = Integer.signum(a.compareTo(b));
                for (Version c : versions) {
                    int bc = Integer.signum(b.compareTo(c));
                    int ac = Integer.signum(a.compareTo(c));
                    if (ab <= 0 && bc <= 0) {
                        assertThat(ac).as(shown(a) + " <= " + shown(b) + " <= " + shown(c)).isNotPositive();
                    }
                    if (ab < 0 && bc <= 0 || ab <= 0 && bc < 0) {
                        assertThat(ac).as(shown(a) + " < " + shown(b) + " <= " + shown(c)).isNegative();
                    }
                    if (ab == 0) {
                        assertThat(ac).as(shown(a) + " == " + shown(b) + " vs " + shown(c)).isEqualTo(bc);
                    }
                }
            }
        }
    }

    /** The laws of one pair drawn independently: antisymmetric, reflexive, consistent with equals and hashCode. */
    public static void pair(Version a, Version b) {
        assertThat(Integer.signum(a.compareTo(b))).as(shown(a) + " vs " + shown(b))
            .isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.equals(b)).as(shown(a) + " equals " + shown(b)).isEqualTo(a.compareTo(b) == 0);
        if (a.equals(b)) {
            assertThat(a.hashCode()).as(shown(a) + " hash " + shown(b)).isEqualTo(b.hashCode());
        }
        assertThat(a.compareTo(a)).as(shown(a) + " vs itself").isZero();
    }

    /**
     * Transitivity over a whole list: once sorted, every version orders at or below every later one. Sorting
     * then checking every pair catches intransitive triples that random triples would rarely hit.
     */
    public static <V extends Version> void ascendOnceSorted(List<V> versions, Function<? super V, String> display) {
        List<V> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(sorted.get(i).compareTo(sorted.get(j)))
                    .as(display.apply(sorted.get(i)) + " <= " + display.apply(sorted.get(j))).isNotPositive();
            }
        }
    }

    /** The version as printed, and the text it was read from where that differs: 1.2.3 (from "v1.2.3"). */
    private static String shown(Version v) {
        String printed = String.valueOf(v);
        return printed.equals(v.raw()) ? printed : printed + " (from \"" + v.raw() + "\")";
    }
}

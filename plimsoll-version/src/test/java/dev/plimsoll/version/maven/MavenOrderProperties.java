package dev.plimsoll.version.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * maven-artifact is the reference for Maven's order, so the wrapper must agree with
 * {@link ComparableVersion#compareTo} on every generated pair; the order is antisymmetric and its equality and
 * hashing agree with it everywhere, and it is transitive on the version shapes real artifacts use (see
 * {@link MavenStrings#conventional()}). Beyond those shapes maven-artifact itself is not transitive
 * ({@link MavenVersionTest#reproducesMavenArtifactsIntransitiveCorners()}), and the wrapper keeps Maven's answers.
 */
class MavenOrderProperties {

    @Property(tries = 5000)
    void ordersExactlyLikeComparableVersion(@ForAll("texts") String a, @ForAll("texts") String b)
        throws InvalidVersionException {
        int reference = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
        assertThat(MavenVersion.parse(a).compareTo(MavenVersion.parse(b))).as(a + " vs " + b).isEqualTo(reference);
    }

    @Property(tries = 3000)
    void antisymmetricAndConsistentWithEquals(@ForAll("versions") MavenVersion a, @ForAll("versions") MavenVersion b) {
        // compareTo answers -1, 0 or 1 (a signum of maven-artifact's order), so antisymmetry holds exactly.
        assertThat(a.compareTo(b)).isEqualTo(-b.compareTo(a));
        OrderLaws.pair(a, b);
    }

    @Property(tries = 500)
    void transitiveOnConventionalVersions(@ForAll("conventionalLists") List<MavenVersion> versions) {
        OrderLaws.ascendOnceSorted(versions, MavenVersion::toString);
    }

    /** A range's membership is the library's interval test on Maven's order, whatever the bounds. */
    @Property(tries = 3000)
    void rangeMembershipFollowsTheOrder(@ForAll("versions") MavenVersion low, @ForAll("versions") MavenVersion high,
        @ForAll("versions") MavenVersion candidate) throws InvalidVersionException {
        if (low.compareTo(high) >= 0) {
            return;
        }
        MavenRange range = MavenRange.parse("[" + low.raw() + "," + high.raw() + ")");
        boolean expected = candidate.compareTo(low) >= 0 && candidate.compareTo(high) < 0;
        assertThat(range.contains(candidate)).as(range.raw() + " ∋ " + candidate).isEqualTo(expected);
        MavenRange comparators = MavenRange.parse(">= " + low.raw() + ", < " + high.raw());
        assertThat(comparators.contains(candidate)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.randomValue(random -> new MavenStrings(random).version());
    }

    @Provide
    Arbitrary<MavenVersion> versions() {
        return texts().map(MavenOrderProperties::parse);
    }

    @Provide
    Arbitrary<List<MavenVersion>> conventionalLists() {
        return Arbitraries.randomValue(random -> new MavenStrings(random).conventional()).map(MavenOrderProperties::parse)
            .list().ofMinSize(2).ofMaxSize(40);
    }

    private static MavenVersion parse(String text) {
        try {
            return MavenVersion.parse(text);
        } catch (InvalidVersionException e) {
            throw new IllegalStateException("generated an unparseable Maven version " + text, e);
        }
    }
}

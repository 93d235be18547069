package dev.plimsoll.version.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cargo's requirement syntax, from the tables of The Cargo Book ("Specifying Dependencies": caret, tilde,
 * wildcard and comparison requirements, multiple requirements) and the semver crate's pre-release rule. Each row
 * is checked at the edges of the documented interval.
 */
class CargoRequirementTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // caret, the default: ^1.2.3 := >=1.2.3, <2.0.0 and so on down the book's table
        "1.2.3; 1.2.3; true", "1.2.3; 1.2.2; false", "1.2.3; 1.9.0; true", "1.2.3; 2.0.0; false",
        "^1.2; 1.2.0; true", "^1.2; 1.1.9; false", "^1.2; 1.99.0; true", "^1.2; 2.0.0; false",
        "^1; 1.0.0; true", "^1; 1.9.9; true", "^1; 2.0.0; false", "^1; 0.9.9; false",
        "^0.2.3; 0.2.3; true", "^0.2.3; 0.2.9; true", "^0.2.3; 0.3.0; false", "^0.2.3; 0.2.2; false",
        "^0.2; 0.2.0; true", "^0.2; 0.2.99; true", "^0.2; 0.3.0; false",
        "^0.0.3; 0.0.3; true", "^0.0.3; 0.0.4; false", "^0.0.3; 0.0.2; false",
        "^0.0; 0.0.0; true", "^0.0; 0.0.9; true", "^0.0; 0.1.0; false",
        "^0; 0.0.0; true", "^0; 0.9.9; true", "^0; 1.0.0; false",
        // tilde: ~1.2.3 := >=1.2.3, <1.3.0; ~1.2 := >=1.2.0, <1.3.0; ~1 := >=1.0.0, <2.0.0
        "~1.2.3; 1.2.3; true", "~1.2.3; 1.2.9; true", "~1.2.3; 1.3.0; false", "~1.2.3; 1.2.2; false",
        "~1.2; 1.2.0; true", "~1.2; 1.3.0; false", "~1; 1.0.0; true", "~1; 1.99.0; true", "~1; 2.0.0; false",
        "~0.2.3; 0.2.4; true", "~0.2.3; 0.3.0; false",
        // wildcard: * := >=0.0.0; 1.* := >=1.0.0, <2.0.0; 1.2.* := >=1.2.0, <1.3.0
        "*; 0.0.0; true", "*; 99.0.0; true", "x; 1.0.0; true",
        "1.*; 1.0.0; true", "1.*; 1.9.0; true", "1.*; 2.0.0; false", "1.*; 0.9.0; false",
        "1.2.*; 1.2.0; true", "1.2.*; 1.2.99; true", "1.2.*; 1.3.0; false", "1.*.*; 1.5.5; true",
        // comparison: partial versions widen to the whole interval they name
        ">= 1.2.0; 1.2.0; true", ">= 1.2.0; 1.1.9; false", "> 1; 2.0.0; true", "> 1; 1.9.9; false",
        "> 1.2; 1.3.0; true", "> 1.2; 1.2.9; false", "< 2; 1.9.9; true", "< 2; 2.0.0; false",
        "< 1.2; 1.1.9; true", "< 1.2; 1.2.0; false", "<= 1.2; 1.2.9; true", "<= 1.2; 1.3.0; false",
        "<= 1; 1.9.9; true", "<= 1; 2.0.0; false", "= 1.2.3; 1.2.3; true", "= 1.2.3; 1.2.4; false",
        "=1.2; 1.2.7; true", "=1.2; 1.3.0; false", "=1; 1.7.0; true", ">=1.*; 1.0.0; true", ">=1.*; 0.9.0; false",
        "=1.2.3+build; 1.2.3+other; true",
        // multiple requirements, all must hold
        ">= 1.2, < 1.5; 1.4.99; true", ">= 1.2, < 1.5; 1.5.0; false", ">= 1.2, < 1.5; 1.1.0; false",
        ">=1.0.0,<1.0.5,!=1.0.3; 1.0.3; false",
    })
    void matchesTheBooksIntervals(String requirement, String version, boolean expected)
            throws InvalidVersionException {
        // The last row is not Cargo syntax ("!=" does not exist): it must fail to parse.
        if (requirement.contains("!=")) {
            assertThatThrownBy(() -> CargoRequirement.parse(requirement)).isInstanceOf(InvalidVersionException.class);
            return;
        }
        assertThat(CargoScheme.INSTANCE.constraint(requirement).contains(CargoScheme.INSTANCE.parse(version)))
            .as(requirement + " matches " + version).isEqualTo(expected);
    }

    /** A pre-release matches only through a comparator naming a pre-release of the same major.minor.patch. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "*; 1.0.0-alpha; false",
        "1.*; 1.1.0-alpha; false",
        ">=1.0.0; 1.1.0-alpha; false",
        "^1.2.3; 1.2.4-alpha; false",
        "^1.2.3-alpha.1; 1.2.3-alpha.2; true",
        "^1.2.3-alpha.1; 1.2.3-alpha.0; false",
        "^1.2.3-alpha.1; 1.2.3; true",
        "^1.2.3-alpha.1; 1.3.0-alpha.1; false",
        "^1.2.3-alpha.1; 1.3.0; true",
        "~1.2.3-rc.1; 1.2.3-rc.2; true",
        "~1.2.3-rc.1; 1.2.4; true",
        "~1.2.3-rc.1; 1.2.4-rc.1; false",
        ">=1.0.0-alpha, <2; 1.0.0-beta; true",
        ">=1.0.0-alpha, <2; 1.5.0-beta; false",
        "<2.0.0-rc.1; 2.0.0-beta; true",
        "<2.0.0; 2.0.0-beta; false",
        "=1.2.3-rc.1; 1.2.3-RC.1; false",
        ">1.2.3-alpha.9; 1.2.3-alpha.10; true",
        ">1.2.3-alpha.9; 1.2.3-alpha.a; true",
        "^0.0.3-beta; 0.0.3-gamma; true",
        "^0.0.3-beta; 0.0.3; true",
        "^0.0.3-beta; 0.0.4; false",
    })
    void admitsPrereleasesOnlyOfANamedRelease(String requirement, String version, boolean expected)
            throws InvalidVersionException {
        assertThat(CargoRequirement.parse(requirement).matches(CargoVersion.parse(version)))
            .as(requirement + " matches " + version).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.2.3 1.2.4", "*, 1.0", "1.0, *", "* 1.0", "1.*.3", ">=*", "v1.2.3", "01.2",
        "1.02", "1.2-beta", "1.2.3-01", "1.2.3,", ",1.2.3", "1.2.3, ,1.2.4", "1.2.3-", "1.2.3+", "1.2.3-a..b",
        "18446744073709551616", "1.2.3.4", "\t1.2.3", "1.2.3\t", ">=1.2.3 <2", "=>1.2.3", "~>1.2.3", "^^1",
        "1.x.x-beta", "1 . 2"})
    void refusesWhatTheSemverCrateRefuses(String requirement) {
        assertThatThrownBy(() -> CargoRequirement.parse(requirement)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("Cargo requirement");
    }

    @Test
    void allowsSpacesAroundOperatorsAndCommasAndThirtyTwoComparators() throws InvalidVersionException {
        assertThat(CargoRequirement.parse("  >=  1.2.3  ,  <  2  ").comparators()).hasSize(2);
        assertThat(CargoRequirement.parse(" * ").comparators()).isEmpty();
        String many = String.join(", ", Collections.nCopies(32, ">=1.0.0"));
        assertThat(CargoRequirement.parse(many).comparators()).hasSize(32);
        assertThatThrownBy(() -> CargoRequirement.parse(many + ", >=1.0.0"))
            .hasMessageContaining("more than 32 comparators");
    }

    @Test
    void boundsHostileInput() throws InvalidVersionException {
        assertThatThrownBy(() -> CargoRequirement.parse(">=1, ".repeat(300))).hasMessageContaining("longer than");
        // The semver crate sets no length limit below ours: 401 identifiers are read, by a linear scan.
        assertThat(CargoRequirement.parse("1.2.3-" + "a.".repeat(400) + "a").comparators().get(0).prerelease())
            .hasSize(401);
        assertThatThrownBy(() -> CargoVersion.parse("1.2.3-" + "a".repeat(300))).hasMessageContaining("longer than");
    }

    @Test
    void describesItsComparators() throws InvalidVersionException {
        CargoRequirement requirement = CargoRequirement.parse("1.2.*, >=1.2.3-rc.1, ~1, =0.0");
        assertThat(requirement.comparators()).extracting(CargoComparator::toString)
            .containsExactly("1.2.*", ">=1.2.3-rc.1", "~1", "=0.0");
        assertThat(requirement.comparators().get(0).operator()).isEqualTo(CargoOperator.WILDCARD);
        assertThat(CargoRequirement.parse("1.2").comparators().get(0).operator()).isEqualTo(CargoOperator.CARET);
    }
}

package dev.plimsoll.version.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.npm.NpmScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain comparator form of the strict SemVer scheme. */
class SemverConstraintTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=1.2.0, <2.0.0 ; 1.2.0 ; true",
        ">=1.2.0, <2.0.0 ; 2.0.0 ; false",
        ">=1.2.0, <2.0.0 ; 2.0.0-rc.1 ; true",
        ">=1.2, <2 ; 1.9.9 ; true",
        ">=1.2 <2 ; 1.1.9 ; false",
        ">= 1.2.0 , < 2 ; 1.5.0 ; true",
        "=1.2 ; 1.2.1 ; false",
        "1.2 ; 1.2.0 ; true",
        "==1.2.3+build ; 1.2.3 ; true",
        "!=1.2.3 ; 1.2.3 ; false",
        "!=1.2.3 ; 1.2.4 ; true",
        "<1.0.0 || >=2.0.0-rc.1 ; 1.5.0 ; false",
        "<1.0.0 || >=2.0.0-rc.1 ; 2.0.0-rc.2 ; true",
        ">v1.2.3 ; v1.2.4 ; true",
        "<=1.2.3-alpha ; 1.2.3-alpha.0 ; false",
    })
    void contains(String constraint, String version, boolean expected) throws InvalidVersionException {
        assertThat(SemverScheme.INSTANCE.constraint(constraint).contains(SemverScheme.INSTANCE.parse(version)))
            .as(constraint + " contains " + version).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.2.3 ||", "|| 1.2.3", "~1.2.3", "^1.2.3", "=>1.2.3", ">=", ">= ,1",
        "1.x", "1.2.3.4", "<>1.2.3"})
    void refusesMalformed(String constraint) {
        assertThatThrownBy(() -> SemverConstraint.parse(constraint)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("semver");
    }

    @ParameterizedTest
    @ValueSource(strings = {">=1.2.0"})
    void refusesVersionsOfOtherSchemes(String constraint) throws InvalidVersionException {
        SemverConstraint parsed = SemverConstraint.parse(constraint);
        assertThatThrownBy(() -> parsed.contains(NpmScheme.INSTANCE.parse("1.2.0")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

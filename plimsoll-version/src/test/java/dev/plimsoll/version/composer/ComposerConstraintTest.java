package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ComposerConstraintTest {

    /** The trees composer/semver builds for the forms its documentation describes. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        >=1.0                  ; >= 1.0.0.0-dev
        >=1.0-beta             ; >= 1.0.0.0-beta
        <2.0                   ; < 2.0.0.0-dev
        <=2.0                  ; <= 2.0.0.0
        !=1.5                  ; != 1.5.0.0
        <>1.5                  ; != 1.5.0.0
        1.2.3                  ; == 1.2.3.0
        >=1.0 <2.0             ; [>= 1.0.0.0-dev < 2.0.0.0-dev]
        '>=1.0, <2.0'          ; [>= 1.0.0.0-dev < 2.0.0.0-dev]
        ~1.2                   ; [>= 1.2.0.0-dev < 2.0.0.0-dev]
        ~1.2.3                 ; [>= 1.2.3.0-dev < 1.3.0.0-dev]
        ~1.2-beta              ; [>= 1.2.0.0-beta < 2.0.0.0-dev]
        ^1.2.3                 ; [>= 1.2.3.0-dev < 2.0.0.0-dev]
        ^0.3                   ; [>= 0.3.0.0-dev < 0.4.0.0-dev]
        ^0.0.3                 ; [>= 0.0.3.0-dev < 0.0.4.0-dev]
        1.2.*                  ; [>= 1.2.0.0-dev < 1.3.0.0-dev]
        1.x                    ; [>= 1.0.0.0-dev < 2.0.0.0-dev]
        0.*                    ; < 1.0.0.0-dev
        *                      ; *
        v*                     ; >= 0.0.0.0-dev
        1.0 - 2.0              ; [>= 1.0.0.0-dev < 2.1.0.0-dev]
        1.0.0 - 2.1.0          ; [>= 1.0.0.0-dev <= 2.1.0.0]
        1.2 || ^2.0            ; [== 1.2.0.0 || [>= 2.0.0.0-dev < 3.0.0.0-dev]]
        ~1.0 || ~2.0           ; [>= 1.0.0.0-dev < 3.0.0.0-dev]
        '^1.0 | ^3.0'          ; [[>= 1.0.0.0-dev < 2.0.0.0-dev] || [>= 3.0.0.0-dev < 4.0.0.0-dev]]
        >=1.0@beta             ; >= 1.0.0.0-beta
        @dev                   ; *
        dev-master             ; == dev-master
        foo-dev                ; == dev-foo
        1.0.x-dev#abc123       ; == 1.0.9999999.9999999-dev
        """)
    void buildsComposersTree(String expression, String tree) throws InvalidVersionException {
        assertThat(ComposerConstraint.parse(expression).toString()).isEqualTo(tree);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ^1.2.3    ; 1.2.3       ; true
        ^1.2.3    ; 1.9.9       ; true
        ^1.2.3    ; 2.0.0-alpha ; false
        ^1.2.3    ; 1.2.3-beta  ; true
        ~1.2      ; 1.2.0-beta  ; true
        ~1.2      ; 1.99        ; true
        ~1.2      ; 2.0         ; false
        >=1.0 <2.0 ; 2.0.0-RC1  ; false
        >=1.0 <2.0 ; 2.0.0      ; false
        1.0 - 2.0 ; 2.0.99      ; true
        1.0 - 2.0 ; 2.1.0-dev   ; false
        !=1.5     ; 1.5.0.0     ; false
        !=1.5     ; 1.5.1       ; true
        1.*       ; 1.0.0-dev   ; true
        <1.0.4    ; 1.0.4-p1    ; false
        <1.0.4    ; 1.0.3-p1    ; true
        *         ; 0.0.1-dev   ; true
        '>=2.0.0, <2.0.17 || >=2.1.0, <2.1.3' ; 2.1.2 ; true
        '>=2.0.0, <2.0.17 || >=2.1.0, <2.1.3' ; 2.0.17 ; false
        """)
    void matchesLikeSemverSatisfies(String expression, String version, boolean expected)
        throws InvalidVersionException {
        ComposerConstraint constraint = ComposerScheme.INSTANCE.constraint(expression);
        assertThat(constraint.contains(ComposerScheme.INSTANCE.parse(version))).as(expression + " ∋ " + version)
            .isEqualTo(expected);
        assertThat(constraint.raw()).isEqualTo(expression);
    }

    @Test
    void branchesMatchOnlyThemselves() throws InvalidVersionException {
        assertThat(ComposerConstraint.parse("dev-main").matchesNormalized("dev-main")).isTrue();
        assertThat(ComposerConstraint.parse("dev-main").matchesNormalized("dev-other")).isFalse();
        assertThat(ComposerConstraint.parse(">=1.0").matchesNormalized("dev-main")).isFalse();
        assertThat(ComposerConstraint.parse("!=1.0").matchesNormalized("dev-main")).isTrue();
        assertThat(ComposerConstraint.parse("*").matchesNormalized("dev-main")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ~>1.2
        >=foo
        1.0 ||
        ''
        >= 1.0 <
        """)
    void rejectsMalformedConstraints(String expression) {
        assertThatThrownBy(() -> ComposerConstraint.parse(expression)).isInstanceOf(InvalidVersionException.class);
    }
}

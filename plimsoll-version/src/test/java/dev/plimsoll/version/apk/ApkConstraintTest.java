package dev.plimsoll.version.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApkConstraintTest {

    @ParameterizedTest(name = "{1} in \"{0}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
        <1.1.1g-r0                | 1.1.1d-r3     | true
        <1.1.1g-r0                | 1.1.1g-r0     | false
        < 1.2.3                   | 1.2.3_rc1     | true
        < 1.2.3                   | 1.2.3_p1      | false
        <= 1.2.3                  | 1.2.3         | true
        = 1.2.3-r1                | 1.2.3-r01     | true
        != 1.2.3-r1               | 1.2.3-r2      | true
        >= 2.4.41-r0, < 2.4.43-r0 | 2.4.41-r5     | true
        >= 2.4.41-r0, < 2.4.43-r0 | 2.4.43_rc1    | true
        >= 2.4.41-r0, < 2.4.43-r0 | 2.4.43-r0     | false
        > 8.0.0329-r0             | 8.0.1-r0      | true
        < 8.0.0329-r0             | 8.0.1-r0      | false
        """)
    void containsExactlyTheVersionsEveryClauseAdmits(String expression, String version, boolean expected)
        throws InvalidVersionException {
        VersionConstraint constraint = ApkScheme.INSTANCE.constraint(expression);
        assertThat(constraint.contains(ApkVersion.parse(version))).isEqualTo(expected);
        assertThat(constraint.raw()).isEqualTo(expression);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '1.0'          | has no operator
        '~1.0'         | unknown operator "~"
        '<~1.0'        | unknown operator "<~"
        '><1.0'        | unknown operator "><"
        '>= '          | names no version
        '>= 1.0,'      | empty clause
        '< 6.6.2p1-r0' | digit after the letter
        """)
    void rejectsMalformedOrFuzzyExpressions(String expression, String reason) {
        assertThatThrownBy(() -> ApkScheme.INSTANCE.constraint(expression))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("apk constraint")
            .hasMessageContaining(reason);
    }

    @Test
    void testsOnlyApkVersions() throws InvalidVersionException {
        ComparatorConstraint<ApkVersion> constraint = ApkScheme.INSTANCE.constraint(">= 1.0");
        assertThatThrownBy(() -> constraint.contains(dev.plimsoll.version.dpkg.DpkgVersion.parse("1.0")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpkg");
        assertThat(constraint.clauses()).extracting(ComparatorConstraint.Clause::toString).containsExactly(">= 1.0");
    }
}

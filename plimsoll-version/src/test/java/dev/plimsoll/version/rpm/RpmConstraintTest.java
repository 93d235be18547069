package dev.plimsoll.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmConstraintTest {

    @ParameterizedTest(name = "{1} in \"{0}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
        < 1:2.4.6-1.el8         | 1:2.4.6-0.el8      | true
        < 1:2.4.6-1.el8         | 2.4.7-1.el8        | true
        < 1:2.4.6-1.el8         | 1:2.4.6-1.el8      | false
        <2.4.6-1.el8            | 0:2.4.5-9.el8      | true
        <= 2.4.6-1.el8          | 0:2.4.6-1.el8      | true
        = 2.4.6-1.el8           | 0:2.4.6-1.el8      | true
        == 2.4.6-1.el8          | 2.4.6-1_el8        | true
        != 2.4.6-1.el8          | 2.4.6-1.el8        | false
        >= 1.0, < 2.0           | 1.5-3              | true
        >= 1.0, < 2.0           | 2.0~rc1-1          | true
        >= 1.0, < 2.0           | 2.0                | false
        >= 1.0, < 2.0           | 1.0~beta-1         | false
        > 1.0                   | 1.0^post1          | true
        =< 1.0                  | 1.0                | true
        => 1.0                  | 1.0-1              | true
        < 1.0                   | 1.0-1              | false
        """)
    void containsExactlyTheVersionsEveryClauseAdmits(String expression, String version, boolean expected)
        throws InvalidVersionException {
        VersionConstraint constraint = RpmScheme.INSTANCE.constraint(expression);
        assertThat(constraint.contains(RpmVersion.parse(version))).isEqualTo(expected);
        assertThat(constraint.raw()).isEqualTo(expression);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '1.0'            | has no operator
        '<< 1.0'         | unknown operator "<<"
        '>= '            | names no version
        '>= 1.0,,< 2'    | empty clause
        ''               | empty clause
        '>= :1.0'        | empty epoch
        """)
    void rejectsMalformedExpressions(String expression, String reason) {
        assertThatThrownBy(() -> RpmScheme.INSTANCE.constraint(expression))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("rpm constraint")
            .hasMessageContaining(reason);
    }

    @Test
    void testsOnlyRpmVersions() throws InvalidVersionException {
        ComparatorConstraint<RpmVersion> constraint = RpmScheme.INSTANCE.constraint(">= 1.0");
        assertThatThrownBy(() -> constraint.contains(dev.plimsoll.version.apk.ApkVersion.parse("1.0-r0")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apk");
        assertThat(constraint.clauses()).extracting(ComparatorConstraint.Clause::toString).containsExactly(">= 1.0");
    }
}

package dev.plimsoll.version.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.ComparatorConstraint;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgConstraintTest {

    @ParameterizedTest(name = "{1} in \"{0}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
        << 1.2-3                  | 1.2-2          | true
        << 1.2-3                  | 1.2-3          | false
        << 1.2-3                  | 1.2-3~deb11u1  | true
        <<1.2-3                   | 1.2~rc1        | true
        <= 1.2-3                  | 1.2-3          | true
        <= 1.2-3                  | 1.2-3.1        | false
        = 1:2.0                   | 1:2.0-0        | true
        = 1:2.0                   | 2.0            | false
        != 2.0                    | 2.00           | false
        != 2.0                    | 2.0.1          | true
        >= 1:2.0, << 1:2.1~       | 1:2.0.5-1      | true
        >= 1:2.0, << 1:2.1~       | 1:2.1~rc1      | false
        >= 1:2.0, << 1:2.1~       | 2.0.5-1        | false
        '  >= 1.0 ,  >> 1.0 '     | 1.0            | false
        >> 1.0                    | 1.0+b1         | true
        >> 1.0                    | 1.0a           | true
        >> 1.0                    | 1.0~           | false
        """)
    void containsExactlyTheVersionsEveryClauseAdmits(String expression, String version, boolean expected)
        throws InvalidVersionException {
        VersionConstraint constraint = DpkgScheme.INSTANCE.constraint(expression);
        assertThat(constraint.contains(DpkgVersion.parse(version))).isEqualTo(expected);
        assertThat(constraint.raw()).isEqualTo(expression);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '< 1.0'          | ambiguous
        '> 1.0'          | ambiguous
        '1.0'            | has no relation
        '=> 1.0'         | unknown relation "=>"
        '>= '            | names no version
        '>= 1.0,'        | empty clause
        ''               | empty clause
        '>= 1.0_1'       | invalid character '_'
        """)
    void rejectsMalformedOrAmbiguousExpressions(String expression, String reason) {
        assertThatThrownBy(() -> DpkgScheme.INSTANCE.constraint(expression))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("dpkg constraint")
            .hasMessageContaining(reason);
    }

    @Test
    void keepsItsClausesInOrder() throws InvalidVersionException {
        ComparatorConstraint<DpkgVersion> constraint = DpkgScheme.INSTANCE.constraint(">= 1:2.0, << 1:2.1~");
        assertThat(constraint.clauses()).extracting(ComparatorConstraint.Clause::toString)
            .containsExactly(">= 1:2.0", "<< 1:2.1~");
    }

    @Test
    void testsOnlyDpkgVersions() throws InvalidVersionException {
        ComparatorConstraint<DpkgVersion> constraint = DpkgScheme.INSTANCE.constraint(">= 1.0");
        assertThatThrownBy(() -> constraint.contains(dev.plimsoll.version.rpm.RpmVersion.parse("1.0-1")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rpm");
    }
}

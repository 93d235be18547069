package dev.plimsoll.version.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.VersionScheme;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * apk has no reference tool on Debian, so these tables were worked out by hand from apk-package(5) and the rules
 * in {@link ApkVersion}'s documentation. Versions marked "secdb" are real Alpine package versions from the
 * fixtures next to {@link ApkSecdbTest}.
 */
class ApkVersionTest {

    private static ApkVersion v(String text) throws InvalidVersionException {
        return ApkVersion.parse(text);
    }

    @ParameterizedTest(name = "{0} < {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        1.0.2h-r0      | 1.0.2h-r1      | secdb openssl: revision numbers
        1.0.2h-r4      | 1.0.2i-r0      | secdb openssl: the letter decides before the revision
        1.1.1a-r0      | 1.1.1b-r1      | secdb openssl: letters in order
        1.1.1d-r1      | 1.1.1d-r3      | secdb openssl
        7.4_p1-r0      | 7.5_p1-r8      | secdb openssh
        7.7_p1-r4      | 7.9_p1-r3      | secdb openssh
        7.9-r5         | 7.9_p1-r3      | _p is a post-release suffix: after the plain version
        0.5_alpha-r1   | 0.7.1_alpha-r0 | secdb libmspack
        0.7.1_alpha-r0 | 0.8_alpha-r0   | secdb libmspack
        0.8_alpha-r0   | 0.8-r0         | _alpha is a pre-release suffix: before the plain version
        1.6_rc1-r0     | 1.6-r0         | secdb jq: the release candidate comes first
        1.0.0_rc7      | 1.0.0_rc9      | secdb runc
        1.0.0_rc9      | 1.0.0_rc10     | suffix numbers compare numerically
        0.99_beta2     | 0.99_beta19-r3 | secdb libcaca: numerically, not as text
        2.0.0_rc4-r0   | 2.0.0-r0       | secdb freerdp
        1.10a-r1       | 1.10a-r2       | secdb mupdf
        1.10a-r2       | 1.11-r1        | secdb mupdf: the number decides before the letter
        1.10-r0        | 1.10a-r1       | a letter sorts after the end of the numbers
        1.10a          | 1.10.1         | but before a further number
        1.2            | 1.2_p1         | a post-release suffix sorts after the end
        1.2_p1         | 1.2a           | and before the letter
        1.2-r5         | 1.2.1          | a revision sorts before a further number
        0.15.1b-r8     | 0.15.1b-r9     | secdb libmad
        8.0.0056-r0    | 8.0.0329-r0    | secdb vim: leading zeros, compared as text
        8.0.0329-r0    | 8.0.1521-r0    | secdb vim: "0329" < "1521" as text
        8.0.0329-r0    | 8.0.1-r0       | "0329" < "1" as text although 329 > 1
        8.0.1521-r0    | 8.1.1365       | secdb vim
        16.02-r1       | 16.02-r3       | secdb p7zip
        16.02-r3       | 16.2-r0        | "02" < "2" as text
        0.06-r0        | 0.6-r0         | secdb perl-email-address-list against its unpadded twin
        8.191.12-r0    | 8.201.08-r0    | secdb openjdk8: 191 < 201
        8.201.08-r0    | 8.212.04-r0    | secdb openjdk8
        8.232.09-r0    | 8.242.08-r0    | secdb openjdk8
        18.09.7        | 18.09.8        | secdb docker
        18.09.8        | 19.03.1        | secdb docker
        4.8.5-r0       | 4.9.0.1-r0     | secdb phpmyadmin
        4.9.0.1-r0     | 4.9.1-r0       | secdb phpmyadmin: "0" < "1"
        1.8.16-r0      | 1.10.7-r0      | secdb py-django: 8 < 10 as numbers
        1.11.5-r0      | 1.11.10-r0     | secdb py-django
        57.1-r1        | 57.1-r3        | secdb icu
        2.15.2-r0      | 2.15.3-r0      | secdb git
        10.1.22-r0     | 10.2.15-r0     | secdb mariadb
        2.7.16-r0      | 2.7.16-r1      | secdb python2
        1.0            | 1.0-r0         | no revision sorts before -r0
        1.0~1234       | 1.0~2345       | commit hashes compare as text
        1.0~1234-r1    | 1.0~2345-r0    | the hash decides before the revision
        1.0~1234-r0    | 1.0~1234-r1    | equal hashes: the revision decides
        1.2-r0         | 1.2~ab-r9      | a revision sorts before a commit hash
        1.2_p1-r9      | 1.2_p1~ab      | likewise after a suffix
        1.0_alpha      | 1.0_alpha1     | a suffix number sorts after its absence
        1.0_alpha_beta | 1.0_alpha1     | a pre-release suffix sorts before anything
        1.0_alpha1     | 1.0_alpha_p    | a post-release suffix sorts after the number
        1.0_alpha      | 1.0_beta       | suffix order
        1.0_beta       | 1.0_pre        | suffix order
        1.0_pre        | 1.0_rc         | suffix order
        1.0_cvs        | 1.0_svn        | suffix order
        1.0_svn        | 1.0_git        | suffix order
        1.0_git        | 1.0_hg         | suffix order
        1.0_hg         | 1.0_p          | suffix order
        18446744073709551615 | 18446744073709551616 | numbers of any length
        2.34           | 23             | the first number
        """)
    void ordersAsApk(String lower, String higher, String why) throws InvalidVersionException {
        assertThat(v(lower).compareTo(v(higher))).as(why).isNegative();
        assertThat(v(higher).compareTo(v(lower))).as(why).isPositive();
        assertThat(v(lower)).isNotEqualTo(v(higher));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1.2-r01     | 1.2-r1
        01.2        | 1.2
        1.2_p01     | 1.2_p1
        1.0~ab      | 1.0~ab
        """)
    void ordersEqual(String a, String b) throws InvalidVersionException {
        assertThat(v(a).compareTo(v(b))).isZero();
        assertThat(v(a)).isEqualTo(v(b)).hasSameHashCodeAs(v(b));
    }

    @Test
    void aDottedNumberWithALeadingZeroIsNotItsUnpaddedTwin() throws InvalidVersionException {
        assertThat(v("1.02")).isNotEqualTo(v("1.2"));
        assertThat(v("1.0")).isNotEqualTo(v("1.00"));
        assertThat(v("1.0")).isLessThan(v("1.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.2.3", "1.2.3a", "1.2_alpha", "1.2_alpha1_beta2_p3", "1.2a_rc1-r3",
        "0.1_pre2~1234abcd", "0.1_pre2~1234abcd-r1", "1.0-r0", "20230101", "1.0_git20240101-r1", "1~0"})
    void acceptsTheGrammar(String text) throws InvalidVersionException {
        assertThat(v(text).raw()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ''              | empty
        'r1'            | must start with a digit
        '.1'            | must start with a digit
        '1.'            | no digits after '.'
        '1..2'          | no digits after '.'
        '1.2ab'         | only one letter
        '1.2A'          | invalid character 'A'
        '6.6.2p1-r0'    | digit after the letter
        '1.0_foo'       | unknown suffix "_foo"
        '1.0_'          | unknown suffix "_"
        '1.0_rc1a'      | only one letter
        '1.0_p1.2'      | '.' after the numeric part
        '1.0-r'         | no digits after "-r"
        '1.0-r1-r2'     | second revision
        '1.0-1'         | '-' not followed by 'r'
        '2.7.16-33'     | '-' not followed by 'r'
        '0.12.5.-r0'    | no digits after '.'
        '10.2.22.r0'    | no digits after '.'
        '1.0~'          | no lower-case hex digits after '~'
        '1.0~12x4'      | only one letter
        '1.0~ABCD'      | no lower-case hex digits after '~'
        '1.0~ab~cd'     | second '~'
        '1.0-r1~ab'     | '~' after the revision
        '1.0~ab_p1'     | '_' suffix after the commit hash
        '1.0 '          | invalid character U+0020
        ' 1.0'          | must start with a digit
        """)
    void rejects(String text, String reason) {
        assertThatThrownBy(() -> v(text))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("malformed apk version")
            .hasMessageContaining(reason);
    }

    @Test
    void exposesRevisionCommitHashAndSuffixes() throws InvalidVersionException {
        ApkVersion version = v("0.1_pre2_p~1234abcd-r17");
        assertThat(version.revision()).hasValue(BigInteger.valueOf(17));
        assertThat(version.commitHash()).hasValue("1234abcd");
        assertThat(version.suffixes()).containsExactly(ApkSuffix.PRE, ApkSuffix.P);
        assertThat(v("1.0").revision()).isEmpty();
        assertThat(v("1.0").commitHash()).isEmpty();
        assertThat(ApkSuffix.RC.isPreRelease()).isTrue();
        assertThat(ApkSuffix.CVS.isPreRelease()).isFalse();
    }

    @Test
    void rejectsHostileLengths() {
        assertThatThrownBy(() -> v("1." + "0".repeat(ApkVersion.MAX_LENGTH)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws InvalidVersionException {
        assertThatThrownBy(() -> v("1.0").compareTo(dev.plimsoll.version.rpm.RpmVersion.parse("1.0")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rpm");
    }

    @Test
    void isTheSchemeOfAlpinePackages() throws InvalidVersionException {
        VersionScheme scheme = Schemes.of(Ecosystem.APK).orElseThrow();
        assertThat(scheme).isSameAs(ApkScheme.INSTANCE);
        assertThat(scheme.id()).isEqualTo("apk");
        assertThat(scheme.parse("1.2.3-r0").scheme()).isSameAs(scheme);
    }
}

package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lines of stock files in Debian and Node.js base images that looked like credentials to the assignment detector
 * (33 findings on a plain debian:bookworm image before): none is a secret. Each line is quoted from the file named.
 */
class LookAlikesInBaseImagesTest {
    private static final SecretScanner SCANNER = SecretScanner.withDefaults();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            /var/log/dpkg.log | 2026-11-23 21:25:37 status half-installed passwd:amd64 1:4.13+dfsg1-1+deb12u2
            /var/log/dpkg.log | 2026-11-23 21:25:31 configure base-passwd:amd64 3.6.1 3.6.1
            /etc/nsswitch.conf | passwd:         files
            /usr/share/lintian/overrides/base-passwd | base-passwd: no-debconf-config
            /usr/share/doc/coreutils/AUTHORS | pwd: Jim Meyering
            /usr/sbin/adduser | "            my $passwd = &which('passwd');"
            /usr/lib/x86_64-linux-gnu/perl-base/Cwd.pm | "    $pwd =~ s:\\\\:/:g ;"
            /usr/lib/x86_64-linux-gnu/perl-base/Config_heavy.pl | d_grpasswd='define'
            /usr/lib/x86_64-linux-gnu/perl-base/Config_heavy.pl | i_pwd='undef'
            /usr/sbin/pam-auth-update | "	'auth' => ['8d4fe17e66ba25de16a117035d1396aa'],"
            /etc/ssl/openssl.cnf | challengePassword		= A challenge password
            /etc/ssl/openssl.cnf | secret = # disable PBM
            /usr/lib/python3.11/pydoc_data/topics.py | " 'pass': 'The ""pass"" statement\\n'"
            /app/node_modules/express/package.json | "    ""pbkdf2-password"": ""1.2.1"","
            /app/node_modules/lodash/fp/_mapping.js | "  'allPass': 'overEvery',"
            /app/node_modules/jws/readme.md | "  privateKey: privateKeyStream,"
            /app/node_modules/follow-redirects/README.md | "    options.auth = ""user:password"";"
            """)
    void stockLinesAreNotSecrets(String path, String line) {
        assertThat(SCANNER.scanText(path, line + "\n")).isEmpty();
    }

    @Test
    void theFiltersLeaveRealAssignmentsAlone() {
        assertThat(SCANNER.scanText("/srv/app/config.yml", "db:\n  password: 's00pers3cret'\n")).hasSize(1);
        assertThat(SCANNER.scanText("/etc/app.conf", "passwd: Tr0ub4dor&3\n")).hasSize(1);
        assertThat(SCANNER.scanText("/srv/app/settings.py", "PASSWORD = 'correct horse'\n")).hasSize(1);
        assertThat(SCANNER.scanText("/srv/app/app.properties", "db.password:Xy7!pQ2#zL\n")).hasSize(1);
        assertThat(SCANNER.scanText("/srv/app/.env", "AUTH_TOKEN=8d4fe17e66ba25de16a117035d1396aa\n")).hasSize(1);
        assertThat(SCANNER.scanText("/srv/app/db.ini", "bypassPass = Hunter2!x\n")).hasSize(1);
    }
}

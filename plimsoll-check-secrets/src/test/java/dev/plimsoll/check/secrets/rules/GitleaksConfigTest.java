package dev.plimsoll.check.secrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.SecretMatch;
import dev.plimsoll.check.secrets.SecretScanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitleaksConfigTest {
    private static final String TOML = """
            title = "acme gitleaks config"

            [[rules]]
            id = "acme_internal_token"
            description = "ACME internal token"
            regex = '''(?i)\\b(acmetok_[[:alnum:]]{20})\\b'''
            secretGroup = 1
            entropy = 3.0
            keywords = ["ACMETOK_"]
            [rules.allowlist]
            regexes = ['''acmetok_0{20}''']

            [[rules]]
            id = "pkcs12-file"
            path = '''\\.p12$'''

            [[rules]]
            id = "no-keywords"
            regex = '''\\b(zz9[a-f0-9]{12})\\b'''
            secretGroup = 1
            [[rules.allowlists]]
            stopwords = ["zz9000"]
            commits = ["abcdef1"]

            [allowlist]
            description = "global"
            paths = ['''(^|/)vendor/''']
            regexes = ['''(?i)do-not-report''']
            regexTarget = "line"
            commits = ["0123456789ABCDEF0123456789abcdef01234567", " 89abcde "]
            """;

    private GitleaksConfig read() {
        return GitleaksConfig.read("gitleaks.toml", new ByteArrayInputStream(TOML.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importsRulesAndAllowlists() {
        GitleaksConfig c = read();
        assertThat(c.rules()).extracting(SecretRule::id).containsExactly("acme-internal-token", "no-keywords");
        SecretRule r = c.rules().getFirst();
        assertThat(r.title()).isEqualTo("ACME internal token");
        assertThat(r.keywords()).containsExactly("acmetok_");
        assertThat(r.regex().pattern()).contains("\\p{Alnum}");
        assertThat(c.skipped()).anyMatch(s -> s.startsWith("pkcs12-file"));
        assertThat(c.allowlists()).hasSize(1);
        assertThat(c.allowlists().getFirst().target()).isEqualTo(Allowlist.Target.LINE);
        assertThat(c.allowedCommits()).as("for the git history scan, normalised")
                .containsExactly("0123456789abcdef0123456789abcdef01234567", "89abcde");
        assertThat(c.skipped()).anyMatch(s -> s.startsWith("no-keywords: the rule's allowlist commits"));
    }

    @Test
    void importedRulesScan() {
        SecretScanner s = SecretScanner.builder().rules(RuleSet.empty().with(read())).genericDetectors(false).build();
        List<SecretMatch> found = s.scanText("app.cfg", "t = acmetok_Ab3dE6gH9jK2mN5pQ8sT\n"
                + "u = acmetok_00000000000000000000\nv = zz9abcdef012345\nw = zz9000aaaabbbb\n"
                + "x = acmetok_Zb3dE6gH9jK2mN5pQ8sT # do-not-report\n");
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme-internal-token", 1),
                        org.assertj.core.groups.Tuple.tuple("no-keywords", 3));
        assertThat(s.scanText("vendor/lib/x.cfg", "t = acmetok_Ab3dE6gH9jK2mN5pQ8sT")).isEmpty();
    }
}

package dev.plimsoll.check.secrets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.check.secrets.validate.Validators;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
    private final RuleLoader loader = new RuleLoader(Validators.builtin());

    private List<SecretRule> load(String yaml) {
        return loader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String GOOD = """
            - id: acme-token
              title: ACME token
              severity: HIGH
              keywords: [acme_]
              regex: '\\b(acme_[a-z0-9]{16})\\b'
              secretGroup: 1
              entropy: 3.0
              validator: jwt
              allowlist:
                regexes: ['(?i)example']
                stopwords: [Sample]
              references: [https://acme.example/docs/tokens]
              tests:
                positives: ['x']
                negatives: ['y']
            """;

    @Test
    void loadsEveryField() {
        SecretRule r = load(GOOD).getFirst();
        assertThat(r.id()).isEqualTo("acme-token");
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.keywords()).containsExactly("acme_");
        assertThat(r.secretGroup()).isEqualTo(1);
        assertThat(r.entropy()).hasValue(3.0);
        assertThat(r.validator()).contains("jwt");
        assertThat(r.allowlist().stopwords()).containsExactly("sample");
        assertThat(r.references()).containsExactly("https://acme.example/docs/tokens");
        assertThat(r.tests().positives()).containsExactly("x");
    }

    @Test
    void rejectsBrokenRulesNamingFileAndRule() {
        assertThatThrownBy(() -> load(GOOD.replace("keywords: [acme_]", "keywords: [ACME_]")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("acme-token").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> load(GOOD.replace("keywords: [acme_]", "keywords: []")))
                .hasMessageContaining("keywords must not be empty");
        assertThatThrownBy(() -> load(GOOD.replace("\\b(acme_", "\\b((acme_")))
                .hasMessageContaining("does not compile");
        assertThatThrownBy(() -> load(GOOD.replace("secretGroup: 1", "secretGroup: 2")))
                .hasMessageContaining("secretGroup 2");
        assertThatThrownBy(() -> load(GOOD.replace("validator: jwt", "validator: crc64")))
                .hasMessageContaining("unknown validator 'crc64'");
        assertThatThrownBy(() -> load(GOOD.replace("title: ACME token", "titel: ACME token")))
                .hasMessageContaining("unknown field 'titel'");
        assertThatThrownBy(() -> load(GOOD.replace("id: acme-token", "id: Acme_Token")))
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> load("id: x")).hasMessageContaining("list of rules");
    }

    @Test
    void duplicateIdsAreRejectedAcrossFiles() {
        List<SecretRule> once = load(GOOD);
        assertThatThrownBy(() -> RuleSet.empty().withRules(once).withRules(once))
                .isInstanceOf(ConfigException.class).hasMessageContaining("defined twice");
    }

    @Test
    void indexToleratesMissingFilesAndAMissingIndex() {
        List<SecretRule> rules = loader.loadIndex(getClass().getClassLoader(),
                "dev/plimsoll/check/secrets/testrules/");
        assertThat(rules).extracting(SecretRule::id).contains("github-pat", "aws-access-key-id");
        assertThat(loader.loadIndex(getClass().getClassLoader(), "no/such/folder/")).isEmpty();
    }

    @Test
    void theCatalogueLoads() {
        // Whatever the catalogue holds today (it grows file by file), it must load and validate.
        RuleSet builtin = RuleSet.builtin();
        assertThat(builtin.rules()).allSatisfy(r -> assertThat(r.keywords()).isNotEmpty());
    }
}

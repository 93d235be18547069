package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    static Policy parse(String yaml) {
        return PolicyFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "plimsoll.yaml");
    }

    static void failsAt(String yaml, int line, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("plimsoll.yaml:" + line + ": ").hasMessageContaining(message);
    }

    @Test
    void readsEverySetting() {
        Policy p = parse("""
                version: 1
                fail-on:
                  vulnerability: high
                  secret: LOW
                ignore-unfixed: true
                dev-dependencies: exclude
                ignore:
                  - id: CVE-2021-44228
                    reason: JNDI lookups disabled by -Dlog4j2.formatMsgNoLookups
                    expires: 2027-01-31
                  - package: lodash
                    ecosystem: npm
                    versions: "<4.17.21"
                    reason: only used at build time
                  - path: "/app/test/**"
                    target: "registry.example/*"
                    reason: test fixtures
                rules:
                  CIS-DI-0001: {enabled: false}
                  DL3008: {severity: low}
                """);

        assertThat(p.failOn()).containsEntry(FindingKind.VULNERABILITY, Severity.HIGH)
                .containsEntry(FindingKind.SECRET, Severity.LOW).hasSize(2);
        assertThat(p.ignoreUnfixed()).isTrue();
        assertThat(p.devDependencies()).isEqualTo(Policy.DevDependencies.EXCLUDE);
        assertThat(p.ignores()).hasSize(3);
        IgnoreEntry first = p.ignores().get(0);
        assertThat(first.id()).contains("CVE-2021-44228");
        assertThat(first.expires()).contains(LocalDate.of(2027, 1, 31));
        assertThat(first.origin()).isEqualTo("plimsoll.yaml:8");
        assertThat(p.ignores().get(1).pkg()).contains(new PackageSelector("lodash", Optional.of(Ecosystem.NPM),
                Optional.of("<4.17.21")));
        assertThat(p.ignores().get(2).path()).contains("/app/test/**");
        assertThat(p.rules().get("CIS-DI-0001").enabled()).isFalse();
        assertThat(p.rules().get("DL3008").severity()).contains(Severity.LOW);
    }

    @Test
    void oneSeverityForEveryKind() {
        assertThat(parse("fail-on: CRITICAL").failOn()).hasSize(FindingKind.values().length)
                .allSatisfy((k, s) -> assertThat(s).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void anEmptyFileIsTheDefaultPolicy() {
        Policy p = parse("");
        assertThat(p.failOn()).isEmpty();
        assertThat(p.ignores()).isEmpty();
    }

    @Test
    void aMissingReasonIsAnErrorWithItsLine() {
        failsAt("""
                ignore:
                  - id: CVE-1
                    reason: ok
                  - id: CVE-2
                    expires: 2026-01-01
                """, 4, "without a reason");
        failsAt("""
                ignore:
                  - id: CVE-2
                    reason: "  "
                """, 3, "empty reason");
    }

    @Test
    void mistakesNameTheirLine() {
        failsAt("fail-on: HIGH\nignore-unfixd: true\n", 2, "unknown policy setting 'ignore-unfixd'");
        failsAt("fail-on:\n  vulnerability: SEVERE\n", 2, "unknown severity 'SEVERE'");
        failsAt("fail-on:\n  vulns: HIGH\n", 2, "unknown finding kind 'vulns'");
        failsAt("ignore:\n  - id: CVE-1\n    reason: r\n    expires: next week\n", 4, "not a date");
        failsAt("ignore:\n  - package: lodash\n    versions: '<1'\n    reason: r\n", 3, "need an ecosystem");
        failsAt("ignore:\n  - package: lodash\n    ecosystem: npm\n    versions: '<<1'\n    reason: r\n", 4,
                "not a");
        failsAt("ignore:\n  - reason: r\n", 2, "needs id, package, path or target");
        failsAt("ignore:\n  - id: CVE-1\n    reasn: r\n", 3, "unknown ignore entry key 'reasn'");
        failsAt("version: 2\n", 1, "unsupported policy version 2");
        failsAt("fail-on: HIGH\nfail-on: LOW\n", 2, "given twice");
        failsAt("ignore: [\n", 2, "not valid YAML");
        failsAt("rules:\n  DL3008: {enabled: maybe}\n", 2, "not true or false");
    }

    @Test
    void findsTheNearestPolicyUpwards() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/plimsoll.yaml"), "fail-on: HIGH\n");

        assertThat(PolicyFile.find(nested)).contains(dir.resolve("a/plimsoll.yaml").toAbsolutePath());
        assertThat(PolicyFile.read(PolicyFile.find(nested).orElseThrow()).failOn()).isNotEmpty();
    }

    @Test
    void importsATrivyignoreBesideIt() throws IOException {
        Files.writeString(dir.resolve(".trivyignore"), "# accepted after review\nCVE-2023-45853\n");
        Files.writeString(dir.resolve("plimsoll.yaml"), "trivyignore: .trivyignore\n");

        Policy p = PolicyFile.read(dir.resolve("plimsoll.yaml"));

        assertThat(p.ignores()).singleElement().satisfies(e -> {
            assertThat(e.id()).contains("CVE-2023-45853");
            assertThat(e.reason()).isEqualTo("accepted after review");
        });
        Files.writeString(dir.resolve("plimsoll.yaml"), "trivyignore: missing-file\n");
        assertThatThrownBy(() -> PolicyFile.read(dir.resolve("plimsoll.yaml")))
                .hasMessageContaining("plimsoll.yaml:1: trivyignore: no such file");
    }

    @Test
    void importsHadolintsIgnoredAndOverrideLists() throws IOException {
        // the shape of hadolint's README "Configure" example
        Files.writeString(dir.resolve(".hadolint.yaml"), """
                failure-threshold: info
                ignored:
                  - DL3000
                  - SC1010
                override:
                  error:
                    - DL3001
                  warning:
                    - DL3042
                  info:
                    - DL3032
                trustedRegistries:
                  - docker.io
                """);
        Files.writeString(dir.resolve("plimsoll.yaml"), """
                hadolint: .hadolint.yaml
                rules:
                  DL3042: {severity: critical}
                """);

        Policy p = PolicyFile.read(dir.resolve("plimsoll.yaml"));

        assertThat(p.rules().get("DL3000").enabled()).isFalse();
        assertThat(p.rules().get("SC1010").enabled()).isFalse();
        assertThat(p.rules().get("DL3001").severity()).contains(Severity.HIGH);
        assertThat(p.rules().get("DL3032").severity()).contains(Severity.LOW);
        assertThat(p.rules().get("DL3042").severity()).as("the policy's own rule wins").contains(Severity.CRITICAL);
        assertThat(p.images().trustedRegistries()).containsExactly("docker.io");

        Files.writeString(dir.resolve(".hadolint.yaml"), "override:\n  fatal: [DL3001]\n");
        assertThatThrownBy(() -> PolicyFile.read(dir.resolve("plimsoll.yaml")))
                .hasMessageContaining(".hadolint.yaml:2: override: unknown level 'fatal'");
    }

    @Test
    void aMissingPolicyFileIsNamed() {
        assertThatThrownBy(() -> PolicyFile.read(dir.resolve("nope.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml: no such policy file");
    }

    @Test
    void readsTrustedRegistriesAndAllowedBaseImages() {
        Policy p = parse("""
                images:
                  trusted-registries: [registry.example.com:5000, gcr.io/distroless]
                  allowed-base-images:
                    - debian:bookworm*
                    - gcr.io/distroless/*
                """);

        assertThat(p.images().trustedRegistries()).containsExactly("registry.example.com:5000", "gcr.io/distroless");
        assertThat(p.images().allowedBaseImages()).containsExactly("debian:bookworm*", "gcr.io/distroless/*");
        assertThat(parse("fail-on: high\n").images()).isEqualTo(ImageTrust.ANY);
    }

    @Test
    void imageSettingsErrorsNameTheLine() {
        failsAt("""
                images:
                  trusted-registry: [docker.io]
                """, 2, "unknown images setting 'trusted-registry'");
        failsAt("""
                fail-on: high
                images:
                  trusted-registries: docker.io
                """, 3, "trusted-registries: a list is needed here");
        failsAt("""
                images:
                  trusted-registries:
                    - https://registry.example.com
                """, 3, "is not a registry host");
    }

    @Test
    void readsTheTeamsSecretRulesAllowlistAndKeyVariable() {
        Policy p = parse("""
                secrets:
                  hash-key-env: TEAM_SECRET_KEY
                  rules:
                    - id: acme-api-key
                      title: ACME API key
                      regex: '\\b(acme_[a-z0-9]{32})\\b'
                      keywords: [ACME_]
                      entropy: 3.5
                      severity: critical
                      path: '\\.env$'
                    - id: acme-internal
                      regex: 'int-[0-9]{12}'
                  allowlist:
                    paths: ['^fixtures/']
                    regexes: ['^dummy']
                    stopwords: [sample]
                    commits: [0123abcd]
                """);
        SecretSettings s = p.secrets();
        assertThat(s.hashKeyEnv()).contains("TEAM_SECRET_KEY");
        assertThat(s.rules()).hasSize(2);
        SecretSettings.CustomRule acme = s.rules().get(0);
        assertThat(acme.id()).isEqualTo("acme-api-key");
        assertThat(acme.title()).isEqualTo("ACME API key");
        assertThat(acme.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(acme.secretGroup()).as("the regex's first group by default").isEqualTo(1);
        assertThat(acme.keywords()).containsExactly("acme_");
        assertThat(acme.entropy()).hasValue(3.5);
        assertThat(acme.path()).contains("\\.env$");
        SecretSettings.CustomRule internal = s.rules().get(1);
        assertThat(internal.secretGroup()).as("no groups: the whole match").isZero();
        assertThat(internal.severity()).isEqualTo(Severity.HIGH);
        assertThat(internal.title()).isEqualTo("acme-internal");
        assertThat(s.allowlist()).isEqualTo(new SecretSettings.AllowlistSpec(List.of("^fixtures/"),
                List.of("^dummy"), List.of("sample"), List.of("0123abcd")));
        assertThat(parse("fail-on: high\n").secrets()).isEqualTo(SecretSettings.NONE);
    }

    @Test
    void secretSettingsErrorsNameTheLine() {
        failsAt("""
                secrets:
                  rules:
                    - id: x
                      regex: '([a-z]+'
                """, 4, "regex: not a regular expression");
        failsAt("""
                secrets:
                  rules:
                    - id: x
                      regex: 'a(b)'
                      secret-group: 2
                """, 5, "secret-group: 2 but the regex has 1 groups");
        failsAt("""
                secrets:
                  rules:
                    - id: Bad_Id
                      regex: 'a'
                """, 3, "must be lower-case kebab-case");
        failsAt("""
                secrets:
                  rules:
                    - id: a
                      regex: x
                    - id: a
                      regex: y
                """, 5, "rule id 'a' is defined twice");
        failsAt("""
                secrets:
                  rules:
                    - id: a
                """, 3, "needs a regex");
        failsAt("""
                secrets:
                  hash-key-env: 's3cr3t-key-value!'
                """, 2, "is not an environment variable name");
        failsAt("""
                secrets:
                  allowlist:
                    commits: [main]
                """, 3, "is not a commit id");
        failsAt("""
                secrets:
                  gitleaks-config: no-such.toml
                """, 2, "gitleaks-config: no such file");
        failsAt("""
                secrets:
                  allowlists: {}
                """, 2, "unknown secrets setting 'allowlists'");
    }
}

package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final List<Finding> ALL = List.of(Findings.log4shell(), Findings.lodash(), Findings.zlib(),
            Findings.rootUser(3));

    static PolicyResult apply(String yaml, List<Finding> findings) {
        Policy policy = PolicyFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "p.yaml");
        return new PolicyEvaluator(policy, Optional.empty()).apply(findings, v -> v.pkg().name().equals("lodash"),
                TODAY);
    }

    static List<String> ids(List<? extends Finding> findings) {
        return findings.stream().map(f -> f.ruleId().value()).toList();
    }

    @Test
    void thresholdsPerKind() {
        PolicyResult r = apply("fail-on:\n  vulnerability: CRITICAL\n  misconfiguration: HIGH\n", ALL);
        assertThat(ids(r.failing())).containsExactly("CVE-2021-44228", "DL3002");
        assertThat(r.failed()).isTrue();

        PolicyResult none = apply("fail-on:\n  secret: LOW\n", ALL);
        assertThat(none.failed()).isFalse();
        assertThat(none.reported()).hasSize(4);

        assertThat(apply("", ALL).failed()).as("no threshold: report only").isFalse();
    }

    @Test
    void ignoreEntriesMatchByIdOrAliasPackageRangePathAndTarget() {
        String yaml = """
                fail-on: LOW
                ignore:
                  - id: GHSA-jfh8-c2jp-5v3q
                    reason: alias of Log4Shell; mitigated
                  - package: lodash
                    ecosystem: npm
                    versions: "<4.17.21"
                    reason: build-time only
                  - path: "var/lib/dpkg/**"
                    target: "registry.example/*"
                    reason: base image issues tracked upstream
                """;
        PolicyResult r = apply(yaml, ALL);

        assertThat(ids(r.reported())).containsExactly("DL3002");
        assertThat(r.suppressed()).extracting(s -> s.detail()).containsExactly(
                "alias of Log4Shell; mitigated (p.yaml:3)", "build-time only (p.yaml:5)",
                "base image issues tracked upstream (p.yaml:9)");
        assertThat(r.count(PolicyResult.Suppressed.Why.IGNORED)).isEqualTo(3);

        // lodash at a fixed version is outside the range: not accepted
        VulnerabilityFinding newer = Findings.vuln("CVE-2021-23337", Severity.HIGH, "lodash", "4.17.21",
                Ecosystem.NPM, "/app/package-lock.json", FixStatus.FIXED);
        assertThat(ids(apply(yaml, List.of(newer)).reported())).containsExactly("CVE-2021-23337");
        // another target: the path entry does not apply
        assertThat(apply(yaml.replace("registry.example/*", "other/*"), ALL).reported()).hasSize(2);
    }

    @Test
    void anExpiredEntryStopsSuppressingAndIsReported() {
        String yaml = """
                fail-on: CRITICAL
                ignore:
                  - id: CVE-2021-44228
                    reason: waiting for the vendor
                    expires: %s
                """;
        PolicyResult stillValid = apply(yaml.formatted(TODAY), ALL); // applies through its expiry day
        assertThat(stillValid.failed()).isFalse();
        assertThat(stillValid.expired()).isEmpty();

        PolicyResult expired = apply(yaml.formatted(TODAY.minusDays(1)), ALL);
        assertThat(ids(expired.failing())).containsExactly("CVE-2021-44228");
        assertThat(expired.expired()).singleElement().satisfies(e -> assertThat(e.origin()).isEqualTo("p.yaml:3"));
    }

    @Test
    void unfixedDevAndRuleOverrides() {
        PolicyResult r = apply("""
                fail-on: HIGH
                ignore-unfixed: true
                dev-dependencies: exclude
                rules:
                  DL3002: {severity: LOW}
                  CVE-2021-44228: {enabled: false}
                """, ALL);

        assertThat(r.reported()).singleElement().satisfies(f -> {
            assertThat(f.ruleId().value()).isEqualTo("DL3002");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.fingerprint()).isEqualTo(Findings.rootUser(3).fingerprint());
        });
        assertThat(r.failed()).isFalse();
        assertThat(r.suppressed()).extracting(s -> s.why()).containsExactly(
                PolicyResult.Suppressed.Why.RULE_DISABLED, PolicyResult.Suppressed.Why.DEV_DEPENDENCY,
                PolicyResult.Suppressed.Why.UNFIXED);
    }

    @Test
    void withThresholdFailsEveryKind() {
        Policy p = Policy.DEFAULT.withThreshold(Severity.HIGH);
        assertThat(p.failOn()).hasSize(FindingKind.values().length);
        PolicyResult r = new PolicyEvaluator(p, Optional.empty()).apply(ALL, v -> false, TODAY);
        assertThat(ids(r.failing())).containsExactly("CVE-2021-44228", "CVE-2021-23337", "DL3002");
        assertThat(Map.of()).isEmpty();
    }
}

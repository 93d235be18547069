package dev.plimsoll.check.cis.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.AuditResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.input.k8s.ManifestReader;
import dev.plimsoll.core.finding.Target;
import org.junit.jupiter.api.Test;

class K8sAuditTest {
    @Test
    void oneTargetPerWorkloadWithEveryCheckAndTheProblemsKept() {
        String text = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers: [{name: app, image: nginx}]
                ---
                kind: Pod
                metadata: {name: [broken
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: m, image: 'migrate:3'}]
                """;
        Loaded<TargetAudit> audits = new K8sAudit().audit(new ManifestReader().readText(text, "deploy.yaml"));

        assertThat(audits.items()).extracting(TargetAudit::target).containsExactly(
                new Target(Target.Kind.MANIFEST, "deploy.yaml: Deployment/shop/web"),
                new Target(Target.Kind.MANIFEST, "deploy.yaml: Job/migrate"));
        assertThat(audits.items()).allSatisfy(a -> assertThat(a.results())
                .hasSize(PodSecurityChecks.standard().size()));
        AuditResult hostNamespaces = audits.items().getFirst().results().getFirst();
        assertThat(hostNamespaces.check().id()).isEqualTo("hostNamespaces");
        assertThat(hostNamespaces.result().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(audits.items().get(1).results().getFirst().result().status()).isEqualTo(CheckStatus.PASS);
        assertThat(audits.problems()).hasSize(2);
        assertThat(audits.problems().get(0).where()).isEqualTo("document 2, line 12");
        assertThat(audits.problems().get(0).reason()).contains("flow sequence started at line 11");
        assertThat(audits.problems().get(1).reason()).contains("unknown kind \"Widget\"");
    }
}

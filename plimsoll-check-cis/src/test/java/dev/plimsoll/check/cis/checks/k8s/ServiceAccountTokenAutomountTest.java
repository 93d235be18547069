package dev.plimsoll.check.cis.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.input.k8s.ManifestReader;
import dev.plimsoll.check.cis.input.k8s.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * K8S-5 as the ServiceAccount admission plugin decides: the pod's field, else its ServiceAccount's in the same
 * namespace, else mounted. Every workload here is read through the manifest reader with its ServiceAccounts.
 */
class ServiceAccountTokenAutomountTest {
    private final ServiceAccountTokenAutomount check = new ServiceAccountTokenAutomount();

    private static String deployment(String namespace, String podFields) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web%s}
                spec:
                  template:
                    spec:
                %s
                      containers: [{name: app, image: 'nginx:1.27'}]
                """.formatted(namespace == null ? "" : ", namespace: " + namespace,
                podFields.isEmpty() ? "" : "      " + podFields);
    }

    private static String account(String namespace, String name, String automount) {
        return """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: %s%s}
                %s
                """.formatted(name, namespace == null ? "" : ", namespace: " + namespace,
                automount == null ? "" : "automountServiceAccountToken: " + automount);
    }

    private static Workload only(String text) {
        Loaded<Workload> loaded = new ManifestReader().readText(text, "app.yaml");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).hasSize(1);
        return loaded.items().getFirst();
    }

    private CheckResult judge(String text) {
        return check.evaluate(only(text));
    }

    @Test
    void thePodsOwnFalsePassesWhateverTheAccountSays() {
        CheckResult result = judge(deployment("shop", "automountServiceAccountToken: false") + "---\n"
                + account("shop", "default", "true"));
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.evidence()).containsExactly(
                new Evidence("app.yaml", "spec.template.spec.automountServiceAccountToken", "false"));
    }

    @Test
    void thePodsOwnTrueFailsEvenWhenItsAccountDisablesAutomounting() {
        CheckResult result = judge(deployment("shop", "automountServiceAccountToken: true") + "---\n"
                + account("shop", "default", "false"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.evidence()).containsExactly(
                new Evidence("app.yaml", "spec.template.spec.automountServiceAccountToken", "true"));
    }

    @Test
    void anUnsetPodFieldFollowsTheDefaultAccountOfItsNamespace() {
        CheckResult result = judge(account("shop", "default", "false") + "---\n" + deployment("shop", ""));
        assertThat(result.status()).as(result.reason()).isEqualTo(CheckStatus.PASS);
        assertThat(result.reason()).contains("ServiceAccount shop/default disables automounting");
        assertThat(result.evidence()).containsExactly(
                new Evidence("app.yaml", "spec.template.spec.automountServiceAccountToken", "(not set)"),
                new Evidence("app.yaml", "automountServiceAccountToken", "false"));
    }

    @Test
    void anAccountThatAllowsOrLeavesItUnsetFailsNamingTheAccount() {
        CheckResult allows = judge(deployment("shop", "serviceAccountName: api") + "---\n"
                + account("shop", "api", "true"));
        assertThat(allows.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(allows.reason()).contains("mounts a service-account token")
                .contains("ServiceAccount shop/api allows it");
        assertThat(allows.evidence()).containsExactly(
                new Evidence("app.yaml", "spec.template.spec.automountServiceAccountToken", "(not set)"),
                new Evidence("app.yaml", "automountServiceAccountToken", "true"));

        CheckResult unset = judge(deployment("shop", "serviceAccountName: api") + "---\n"
                + account("shop", "api", null));
        assertThat(unset.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unset.reason()).contains("neither the pod nor its ServiceAccount shop/api disables it");
        assertThat(unset.evidence()).contains(new Evidence("app.yaml", "automountServiceAccountToken",
                "(not set)"));
    }

    @Test
    void anAccountOfTheSameNameInAnotherNamespaceDoesNotCount() {
        CheckResult result = judge(deployment("shop", "serviceAccountName: api") + "---\n"
                + account("billing", "api", "false"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.evidence()).containsExactly(new Evidence("app.yaml",
                "spec.template.spec.automountServiceAccountToken",
                "(not set): ServiceAccount shop/api not in the input; mounted unless it disables automounting"));
    }

    @Test
    void aMissingNamespaceMatchesOnlyAMissingNamespace() {
        assertThat(judge(deployment(null, "") + "---\n" + account(null, "default", "false")).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult explicitDefault = judge(deployment(null, "") + "---\n" + account("default", "default", "false"));
        assertThat(explicitDefault.status()).as("applied with -n other, the pod would not be in namespace default")
                .isEqualTo(CheckStatus.FAIL);
        assertThat(explicitDefault.evidence()).extracting(Evidence::value).containsExactly(
                "(not set): ServiceAccount default not in the input; mounted unless it disables automounting");
        assertThat(judge(deployment("default", "") + "---\n" + account(null, "default", "false")).status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void theDeprecatedServiceAccountFieldNamesTheAccountWhenServiceAccountNameIsEmpty() {
        String accounts = account("shop", "legacy", "false") + "---\n" + account("shop", "api", "true");
        assertThat(judge(deployment("shop", "serviceAccount: legacy") + "---\n" + accounts).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult both = judge(deployment("shop", "serviceAccountName: api\n      serviceAccount: legacy")
                + "---\n" + accounts);
        assertThat(both.status()).as("serviceAccountName wins over the alias").isEqualTo(CheckStatus.FAIL);
        assertThat(both.reason()).contains("shop/api");
        assertThat(judge(deployment("shop", "serviceAccountName: ''\n      serviceAccount: legacy") + "---\n"
                + accounts).status()).as("an empty serviceAccountName leaves the alias").isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anAccountInsideAListIsFoundWithItsItemPath() {
        String list = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings, namespace: shop}
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {name: web, namespace: shop}
                  automountServiceAccountToken: false
                """;
        CheckResult result = judge(deployment("shop", "serviceAccountName: web") + "---\n" + list);
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.evidence()).contains(new Evidence("app.yaml", "items[1].automountServiceAccountToken",
                "false"));
    }

    @Test
    void anAccountOfAnotherApiGroupIsNotACoreServiceAccount() {
        String crossplane = """
                apiVersion: cloudplatform.gcp.upbound.io/v1beta1
                kind: ServiceAccount
                metadata: {name: default, namespace: shop}
                automountServiceAccountToken: false
                """;
        assertThat(judge(deployment("shop", "") + "---\n" + crossplane).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void anAccountInAnotherFileOfTheSameRunCountsAndItsFileIsTheEvidence(@TempDir Path dir) throws IOException {
        Path app = Files.writeString(dir.resolve("app.yaml"), deployment("shop", "serviceAccountName: web"));
        Path rbac = Files.writeString(dir.resolve("rbac.yaml"), account("shop", "web", "false"));

        Loaded<Workload> together = new ManifestReader().readAll(List.of(app, rbac));
        CheckResult result = check.evaluate(together.items().getFirst());
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.evidence()).contains(new Evidence(rbac.toString(), "automountServiceAccountToken",
                "false"));

        assertThat(check.evaluate(new ManifestReader().read(app).items().getFirst()).status())
                .as("read alone, the file has no account").isEqualTo(CheckStatus.FAIL);
        assertThat(check.evaluate(new ManifestReader().read(dir).items().getFirst()).status())
                .as("a directory is one input").isEqualTo(CheckStatus.PASS);
    }

    @Test
    void workloadsAuditedInParallelEachFindTheirOwnAccount() {
        StringBuilder text = new StringBuilder();
        int teams = 3;
        for (int t = 0; t < teams; t++) {
            text.append(account("team" + t, "default", t == 1 ? "true" : "false")).append("---\n");
        }
        int workloads = 200;
        for (int i = 0; i < workloads; i++) {
            text.append(deployment("team" + (i % teams), "").replace("name: web", "name: web" + i)).append("---\n");
        }
        Loaded<TargetAudit> audits = new K8sAudit(List.of(check)).audit(
                new ManifestReader().readText(text.toString(), "many.yaml"));

        List<CheckStatus> expected = new ArrayList<>();
        for (int i = 0; i < workloads; i++) {
            expected.add(i % teams == 1 ? CheckStatus.FAIL : CheckStatus.PASS);
        }
        assertThat(audits.items()).extracting(a -> a.results().getFirst().result().status())
                .containsExactlyElementsOf(expected);
    }
}

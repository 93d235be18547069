package dev.plimsoll.check.cis.input.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestReaderTest {
    private final ManifestReader reader = new ManifestReader();

    /** A minimal object of {@code kind} whose pod spec has one container, at the kind's pod-spec path. */
    static String manifest(WorkloadKind kind, String name) {
        String pod = """
                containers:
                - name: app
                  image: nginx:1.27
                """;
        String[] path = kind.podSpecPath().split("\\.");
        StringBuilder body = new StringBuilder();
        String indent = "";
        for (String part : path) {
            body.append(indent).append(part).append(":\n");
            indent += "  ";
        }
        for (String line : pod.split("\n")) {
            body.append(indent).append(line).append('\n');
        }
        return "apiVersion: v1\nkind: " + kind.kind() + "\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + body;
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void readsEveryWorkloadKindWithItsPodSpecPath(WorkloadKind kind) {
        Loaded<Workload> loaded = reader.readText(manifest(kind, "web"), "deploy.yaml");

        assertThat(loaded.problems()).isEmpty();
        Workload w = loaded.items().getFirst();
        assertThat(w.kind()).isEqualTo(kind);
        assertThat(w.displayName()).isEqualTo(kind.kind() + "/shop/web");
        assertThat(w.podSpecPath()).isEqualTo(kind.podSpecPath());
        assertThat(w.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("app");
            assertThat(c.path()).isEqualTo(kind.podSpecPath() + ".containers[0]");
        });
    }

    @Test
    void cronJobPodSpecIsUnderTheJobTemplate() {
        Workload w = reader.readText(manifest(WorkloadKind.CRON_JOB, "nightly"), "cron.yaml").items().getFirst();
        assertThat(w.path("hostPID")).isEqualTo("spec.jobTemplate.spec.template.spec.hostPID");
    }

    @Test
    void multiDocumentYamlNumbersDocumentsAndLines() {
        // An explicit "---" opens a document even when only a comment follows; text before the first one does not.
        String text = "---\n" + manifest(WorkloadKind.POD, "a") + "---\n# a comment only\n---\n"
                + manifest(WorkloadKind.DEPLOYMENT, "b");
        Loaded<Workload> loaded = reader.readText(text, "all.yaml");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(Workload::name, Workload::document, Workload::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("b", 3, 14));
    }

    @Test
    void listKindsAreExpandedWithItemPaths() {
        String text = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: svc}
                - apiVersion: apps/v1
                  kind: DeploymentList
                  items:
                  - kind: Deployment
                    metadata: {name: web}
                    spec:
                      template:
                        spec:
                          containers: [{name: app, image: nginx}]
                """;
        Loaded<Workload> loaded = reader.readText(text, "list.yaml");

        assertThat(loaded.problems()).isEmpty();
        Workload w = loaded.items().getFirst();
        assertThat(w.podSpecPath()).isEqualTo("items[1].items[0].spec.template.spec");
        assertThat(w.line()).isEqualTo(10);
        assertThat(w.displayName()).isEqualTo("Deployment/web");
    }

    @Test
    void jsonManifestsAndJsonStreams() {
        String text = """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},
                 "spec": {"containers": [{"name": "c", "image": "busybox"}]}}
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"kind": "Pod", "metadata": {"name": "b"}, "spec": {"containers": []}}]}
                """;
        Loaded<Workload> loaded = reader.readText(text, "pods.json");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(Workload::name).containsExactly("a", "b");
        assertThat(loaded.items()).extracting(Workload::document).containsExactly(1, 2);
    }

    @Test
    void wellKnownKindsAreSkippedAndUnknownKindsAreProblems() {
        String text = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                ---
                apiVersion: v1
                metadata: {name: nokind}
                """ + "---\n" + manifest(WorkloadKind.POD, "ok");
        Loaded<Workload> loaded = reader.readText(text, "mixed.yaml");

        assertThat(loaded.items()).extracting(Workload::name).containsExactly("ok");
        assertThat(loaded.problems()).extracting(InputProblem::toString).containsExactly(
                "mixed.yaml (document 2, line 5): unknown kind \"Widget\" (apiVersion example.com/v1): not a "
                        + "workload Plimsoll can audit",
                "mixed.yaml (document 3, line 9): no kind: not a Kubernetes object");
    }

    @Test
    void unparseableDocumentIsAProblemWithItsLineAndTheOthersAreRead() {
        String text = manifest(WorkloadKind.POD, "before") + "---\nkind: Pod\nmetadata:\n  name: [oops\n"
                + "---\n" + manifest(WorkloadKind.POD, "after");
        Loaded<Workload> loaded = reader.readText(text, "broken.yaml");

        assertThat(loaded.items()).extracting(Workload::name).containsExactly("before", "after");
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.yaml");
            assertThat(p.where()).startsWith("document 2, line ");
            assertThat(p.reason()).isNotBlank();
        });
        int line = Integer.parseInt(loaded.problems().getFirst().where().replaceAll(".*line ", ""));
        assertThat(line).isBetween(12, 14);
    }

    @Test
    void aLongStreamIsNumberedAsOneEvenWhenItsDocumentsAreParsedInParallel() {
        // enough documents for the parallel path, a broken one every 50th; numbers and lines must run on
        StringBuilder text = new StringBuilder();
        int lines = 0;
        java.util.List<Integer> brokenLines = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            String doc = i % 50 == 0 ? "kind: Pod\nmetadata:\n  name: [oops\n" : manifest(WorkloadKind.POD, "p" + i);
            if (i > 1) {
                text.append("---\n");
                lines++;
            }
            if (i % 50 == 0) {
                brokenLines.add(lines + 1);
            }
            text.append(doc);
            lines += (int) doc.chars().filter(c -> c == '\n').count();
        }
        Loaded<Workload> loaded = reader.readText(text.toString(), "many.yaml");

        assertThat(loaded.items()).hasSize(294);
        assertThat(loaded.items()).extracting(Workload::document)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 300).filter(i -> i % 50 != 0)
                        .boxed().toList());
        assertThat(loaded.items().get(50).name()).isEqualTo("p52");
        assertThat(loaded.problems()).extracting(p -> p.where().replaceAll(", line .*", ""))
                .containsExactly("document 50", "document 100", "document 150", "document 200", "document 250",
                        "document 300");
        for (int k = 0; k < brokenLines.size(); k++) {
            int line = Integer.parseInt(loaded.problems().get(k).where().replaceAll(".*line ", ""));
            assertThat(line).isBetween(brokenLines.get(k), brokenLines.get(k) + 4); // at most the line after it
        }
        Workload first = loaded.items().getFirst();
        Workload later = loaded.items().get(100);
        assertThat(later.line() - first.line()).isPositive();
    }

    @Test
    void badJsonNamesTheLine() {
        Loaded<Workload> loaded = reader.readText("{\"kind\": \"Pod\",\n \"spec\": {,}}\n", "pod.json");
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("document 1, line 2");
            assertThat(p.reason()).contains("Unexpected character");
        });
    }

    @Test
    void anchorsAliasesAndMergeKeysAreExpanded() {
        String text = """
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - &base
                    name: a
                    image: nginx
                    securityContext: &sc {privileged: true, runAsUser: 0644}
                  - <<: *base
                    name: b
                  - name: c
                    image: nginx
                    securityContext: *sc
                """;
        Workload w = reader.readText(text, "anchors.yaml").items().getFirst();

        assertThat(w.containers()).extracting(PodContainer::name).containsExactly("a", "b", "c");
        assertThat(w.containers().get(1).spec().path("image").asText()).isEqualTo("nginx");
        assertThat(w.containers().get(2).securityContext().path("privileged").booleanValue()).isTrue();
        // YAML 1.1 (go-yaml v2, kubectl): a leading 0 is octal.
        assertThat(w.containers().get(2).securityContext().path("runAsUser").longValue()).isEqualTo(420);
    }

    @Test
    void duplicateKeysAreRejected() {
        Loaded<Workload> loaded = reader.readText("""
                kind: Pod
                metadata: {name: p}
                spec:
                  hostPID: false
                  hostPID: true
                  containers: []
                """, "dup.yaml");
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("document 1, line 5");
            assertThat(p.reason()).contains("duplicate key \"hostPID\"");
        });
    }

    @Test
    void aliasBombFailsClearly() {
        StringBuilder bomb = new StringBuilder("kind: Pod\nmetadata: {name: bomb}\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("spec: {containers: []}\n---\n").append(manifest(WorkloadKind.POD, "next"));
        Loaded<Workload> loaded = reader.readText(bomb.toString(), "bomb.yaml");

        assertThat(loaded.items()).extracting(Workload::name).containsExactly("next");
        assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .containsAnyOf("more than 2000000 values", "Number of aliases for non-scalar nodes exceeds"));
    }

    @Test
    void aliasExpansionIsBoundedEvenUnderSnakeYamlsAliasLimit() {
        ManifestReader small = new ManifestReader(new ManifestLimits(1 << 20, 1 << 20, 64, 1_000, 200, 10, 4));
        StringBuilder text = new StringBuilder("kind: Pod\nmetadata: {name: p}\nx: &x [1, 2, 3, 4, 5, 6, 7, 8]\ny: [");
        for (int i = 0; i < 150; i++) {
            text.append(i == 0 ? "" : ", ").append("*x");
        }
        text.append("]\nspec: {containers: []}\n");
        Loaded<Workload> loaded = small.readText(text.toString(), "wide.yaml");
        assertThat(loaded.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("more than 1000 values"));
    }

    @Test
    void deepNestingFailsClearly() {
        String deep = "kind: Pod\nspec: " + "[".repeat(500) + "]".repeat(500) + "\n";
        Loaded<Workload> loaded = reader.readText(deep, "deep.yaml");
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).containsIgnoringCase("nesting"));

        Loaded<Workload> json = reader.readText("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}", "deep.json");
        assertThat(json.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).containsIgnoringCase("nesting"));
    }

    @Test
    void hugeInputIsRefused() {
        ManifestReader small = new ManifestReader(new ManifestLimits(1000, 500, 64, 1_000, 10, 10, 4));
        byte[] big = ("# " + "x".repeat(2000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(small.read(new ByteArrayInputStream(big), "big.yaml").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("larger than 1000 bytes, not read"));

        String doc = manifest(WorkloadKind.POD, "long") + "# " + "y".repeat(600) + "\n";
        assertThat(small.readText(doc, "long.yaml").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("larger than 500 characters"));
    }

    @Test
    void notUtf8IsAProblem() {
        byte[] latin1 = "kind: Pod\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.read(new ByteArrayInputStream(latin1), "latin1.yaml").problems())
                .extracting(InputProblem::reason).containsExactly("not UTF-8 text");
    }

    @Test
    void workloadWithoutPodSpecIsAProblem() {
        Loaded<Workload> loaded = reader.readText("kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n",
                "d.yaml");
        assertThat(loaded.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("no pod spec at spec.template.spec"));
    }

    @Test
    void directoryWalkReadsManifestsInOrderAndDoesNotFollowLinks(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("b/c"));
        Files.writeString(root.resolve("b/c/pod.yml"), manifest(WorkloadKind.POD, "deep"));
        Files.writeString(root.resolve("a.yaml"), manifest(WorkloadKind.POD, "first"));
        Files.writeString(root.resolve("README.md"), "kind: Pod\n");
        Path outside = Files.createTempFile("outside", ".yaml");
        Files.writeString(outside, manifest(WorkloadKind.POD, "outside"));
        Files.createSymbolicLink(root.resolve("link.yaml"), outside);
        try {
            Loaded<Workload> loaded = reader.readTree(root);

            assertThat(loaded.items()).extracting(Workload::name).containsExactly("first", "deep");
            assertThat(loaded.items().getFirst().file()).isEqualTo(root.resolve("a.yaml").toString());
            assertThat(loaded.problems()).extracting(InputProblem::reason)
                    .containsExactly("symbolic link not followed");
            assertThat(reader.read(root).items()).hasSize(2);
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void serviceAccountsOfTheInputAreIndexedAndEveryWorkloadCarriesThem() {
        String text = """
                apiVersion: v1
                kind: ServiceAccountList
                items:
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {name: web, namespace: shop}
                  automountServiceAccountToken: false
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {generateName: tmp-, namespace: shop}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                automountServiceAccountToken: true
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: batch}
                ---
                """ + manifest(WorkloadKind.POD, "a") + "---\n" + manifest(WorkloadKind.JOB, "b")
                .replace("spec:\n  template:\n    spec:\n", "spec:\n  template:\n    spec:\n"
                        + "      serviceAccountName: web\n");
        Loaded<Workload> loaded = reader.readText(text, "all.yaml");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(Workload::name).containsExactly("a", "b");
        ServiceAccounts accounts = loaded.items().getFirst().serviceAccounts();
        assertThat(accounts.size()).as("one without a name cannot be referred to").isEqualTo(2);
        assertThat(loaded.items().get(1).serviceAccounts()).isSameAs(accounts);
        ServiceAccount web = accounts.find("shop", "web").orElseThrow();
        assertThat(web.document()).as("of two with one name, the later one applied wins").isEqualTo(2);
        assertThat(web.automountPath()).isEqualTo("automountServiceAccountToken");
        assertThat(web.automountServiceAccountToken().booleanValue()).isTrue();
        assertThat(accounts.find("", "batch")).get().extracting(ServiceAccount::line).isEqualTo(17);
        assertThat(accounts.find("shop", "batch")).isEmpty();
        assertThat(loaded.items().getFirst().serviceAccountName()).isEqualTo("default");
        assertThat(loaded.items().getFirst().serviceAccount()).isEmpty();
        assertThat(loaded.items().get(1).serviceAccount()).contains(web);
    }

    @Test
    void serviceAccountsInAListKeepTheirItemPath() {
        Loaded<Workload> loaded = reader.readText("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: c, namespace: shop}
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {name: default, namespace: shop}
                  automountServiceAccountToken: false
                """ + "---\n" + manifest(WorkloadKind.DEPLOYMENT, "web"), "list.yaml");
        ServiceAccount account = loaded.items().getFirst().serviceAccount().orElseThrow();
        assertThat(account.automountPath()).isEqualTo("items[1].automountServiceAccountToken");
        assertThat(account.line()).isEqualTo(7);
        assertThat(account.reference()).isEqualTo("shop/default");
    }

    @Test
    void filesReadTogetherShareTheirServiceAccountsAndFilesReadAloneDoNot(@TempDir Path root) throws IOException {
        Path app = Files.writeString(root.resolve("app.yaml"), manifest(WorkloadKind.DEPLOYMENT, "web"));
        Files.createDirectories(root.resolve("rbac"));
        Path account = Files.writeString(root.resolve("rbac/sa.yaml"), """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: default, namespace: shop}
                automountServiceAccountToken: false
                """);

        assertThat(reader.readAll(List.of(app, account)).items().getFirst().serviceAccount()).get()
                .extracting(ServiceAccount::file).isEqualTo(account.toString());
        assertThat(reader.readAll(List.of(app, root.resolve("rbac"))).items().getFirst().serviceAccount())
                .as("a directory among the paths").isPresent();
        assertThat(reader.readTree(root).items().getFirst().serviceAccount()).isPresent();
        assertThat(reader.read(app).items().getFirst().serviceAccount()).isEmpty();
        assertThat(reader.read(app).items().getFirst().serviceAccounts()).isSameAs(ServiceAccounts.NONE);
    }

    @Test
    void podAnnotationsComeFromTheTemplate() {
        Workload w = reader.readText("""
                kind: Deployment
                metadata:
                  name: web
                  annotations: {outer: "1"}
                spec:
                  template:
                    metadata:
                      annotations:
                        container.apparmor.security.beta.kubernetes.io/app: unconfined
                    spec:
                      containers: [{name: app, image: nginx}]
                """, "d.yaml").items().getFirst();
        assertThat(w.podAnnotations()).containsOnlyKeys("container.apparmor.security.beta.kubernetes.io/app");
        assertThat(w.annotationPath("k")).isEqualTo("spec.template.metadata.annotations['k']");
    }

    @Test
    void initAndEphemeralContainersAreListedInAdmissionOrder() {
        Workload w = reader.readText("""
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: main}]
                  initContainers: [{name: init}]
                  ephemeralContainers: [{name: debug}]
                """, "p.yaml").items().getFirst();
        List<PodContainer> containers = w.containers();
        assertThat(containers).extracting(PodContainer::path).containsExactly(
                "spec.initContainers[0]", "spec.containers[0]", "spec.ephemeralContainers[0]");
    }
}

package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registered audit inputs end to end: the command line, the reader, the checks, the JSON report. */
class AuditInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** rule id + target name → outcome, for every compliance finding of a JSON report. */
    private static Map<String, String> outcomes(CliRun run) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            out.put(f.path("id").asText() + " " + f.path("target").path("name").asText(), f.path("outcome").asText());
        }
        return out;
    }

    @Test
    void everyInputIsRegisteredOnce() {
        assertThat(AuditInputs.standard()).extracting(i -> i.spec().name()).doesNotHaveDuplicates()
                .contains("container", "compose", "run", "k8s", "host", "daemon", "image");
    }

    /** rule id → outcome: one container's verdicts, whatever the report calls the container. */
    private static Map<String, String> verdicts(CliRun run) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            out.put(f.path("id").asText(), f.path("outcome").asText());
        }
        return out;
    }

    @Test
    void theSameContainerAsRunLineComposeServiceAndInspectOutputGetsTheSameVerdicts() throws IOException {
        Path same = Path.of("..", "plimsoll-check-cis", "src", "test", "resources", "input", "same");
        CliRun run = CliRun.of("audit", "run", "-f", "json", same.resolve("run.sh").toString());
        CliRun compose = CliRun.of("audit", "compose", "-f", "json", same.resolve("compose.yaml").toString());
        CliRun inspect = CliRun.of("audit", "container", "-f", "json", same.resolve("inspect.json").toString());
        for (CliRun r : List.of(run, compose, inspect)) {
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        Map<String, String> expected = verdicts(run);
        assertThat(expected).containsEntry("CIS-DOCKER-5.21", "FAIL").containsEntry("CIS-DOCKER-5.4", "PASS")
                .hasSizeGreaterThan(25);
        assertThat(verdicts(compose)).isEqualTo(expected);
        assertThat(verdicts(inspect)).isEqualTo(expected);
    }

    @Test
    void badInputNamesTheFlagOrVariableAndTheOthersAreStillAudited() throws IOException {
        CliRun run = CliRun.of("audit", "run", "-f", "json", "--line", "docker run --privileged nginx",
                "--line", "docker run --memry 1g nginx");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.err()).contains("--memry");
        assertThat(verdicts(run)).containsEntry("CIS-DOCKER-5.4", "FAIL");
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, """
                services:
                  web:
                    image: nginx:${TAG}
                  db:
                    image: postgres:16
                    network_mode: host
                """);
        CliRun c = CliRun.of("audit", "compose", "-f", "json", compose.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(c.err()).contains("TAG");
        assertThat(verdicts(c)).containsEntry("CIS-DOCKER-5.9", "FAIL");
    }

    @Test
    void kubernetesWorkloadsGetPodSecurityAndTheContainerChecks() throws IOException {
        Path manifest = dir.resolve("deploy.yaml");
        Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      automountServiceAccountToken: false
                      containers:
                        - name: app
                          image: nginx:1.27
                          securityContext: {privileged: true}
                ---
                kind: Widget
                metadata: {name: x}
                """);
        CliRun run = CliRun.of("audit", "k8s", "-f", "json", manifest.toString());
        assertThat(run.exitCode()).as("a document of an unknown kind makes the audit incomplete")
                .isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.err()).contains("unknown kind").contains("Widget");
        Map<String, String> o = outcomes(run);
        assertThat(o).anySatisfy((k, v) -> {
            assertThat(k).startsWith("K8S-privileged ").contains("Deployment/shop/web");
            assertThat(v).isEqualTo("FAIL");
        });
        assertThat(o).anySatisfy((k, v) -> {
            assertThat(k).startsWith("CIS-DOCKER-5.4 ");
            assertThat(v).isEqualTo("FAIL");
        });
        assertThat(o).anySatisfy((k, v) -> {
            assertThat(k).startsWith("K8S-5 ").as("the hardening checks keep their one prefix");
            assertThat(v).isEqualTo("PASS");
        });
        CliRun only = CliRun.of("audit", "k8s", "--checks", "k8s.*", "-f", "json", manifest.toString());
        assertThat(outcomes(only).keySet()).allMatch(k -> k.startsWith("K8S-"));
    }

    /** K8S-5 outcome and evidence per workload name, for a JSON report of {@code audit k8s --checks K8S-5}. */
    private static Map<String, String> automount(String... paths) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "k8s", "--checks", "K8S-5", "-f", "json"));
        args.addAll(List.of(paths));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            String target = f.path("target").path("name").asText();
            out.put(target.substring(target.lastIndexOf('/') + 1),
                    f.path("outcome").asText() + " " + f.path("evidence").asText());
        }
        return out;
    }

    @Test
    void theServiceAccountTokenCheckFollowsPodsToTheirServiceAccountsAcrossTheFilesOfOneRun() throws IOException {
        Path apps = dir.resolve("apps.yaml");
        Files.writeString(apps, """
                apiVersion: v1
                kind: Pod
                metadata: {name: explicit-true, namespace: shop}
                spec:
                  automountServiceAccountToken: true
                  serviceAccountName: quiet
                  containers: [{name: a, image: 'nginx:1.27'}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: follows-quiet, namespace: shop}
                spec:
                  serviceAccountName: quiet
                  containers: [{name: a, image: 'nginx:1.27'}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: deprecated-field, namespace: shop}
                spec:
                  serviceAccount: listed
                  containers: [{name: a, image: 'nginx:1.27'}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other-namespace, namespace: billing}
                spec:
                  serviceAccountName: quiet
                  containers: [{name: a, image: 'nginx:1.27'}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: default-account, namespace: shop}
                spec:
                  containers: [{name: a, image: 'nginx:1.27'}]
                """);
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: quiet, namespace: shop}
                automountServiceAccountToken: false
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {name: listed, namespace: shop}
                  automountServiceAccountToken: false
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata: {name: default, namespace: shop}
                """);

        Map<String, String> together = automount(apps.toString(), accounts.toString());
        assertThat(together.get("explicit-true")).as("the pod's own field wins").startsWith("FAIL ")
                .contains("spec.automountServiceAccountToken = true");
        assertThat(together.get("follows-quiet")).startsWith("PASS ")
                .contains("ServiceAccount shop/quiet disables automounting")
                .contains(accounts + ": automountServiceAccountToken = false");
        assertThat(together.get("deprecated-field")).startsWith("PASS ")
                .contains(accounts + ": items[0].automountServiceAccountToken = false");
        assertThat(together.get("other-namespace")).startsWith("FAIL ")
                .contains("ServiceAccount billing/quiet not in the input; mounted unless it disables automounting");
        assertThat(together.get("default-account")).startsWith("FAIL ")
                .contains("neither the pod nor its ServiceAccount shop/default disables it")
                .contains(accounts + ": items[1].automountServiceAccountToken = (not set)");

        assertThat(automount(dir.toString())).as("a directory is one input").isEqualTo(together);
        Map<String, String> alone = automount(apps.toString());
        assertThat(alone.get("follows-quiet")).startsWith("FAIL ")
                .contains("ServiceAccount shop/quiet not in the input; mounted unless it disables automounting");
    }

    @Test
    void theDaemonFromCiFilesFlagsAnOptionSetTwice() throws IOException {
        Path json = dir.resolve("daemon.json");
        Files.writeString(json, "{\"icc\": false, \"debug\": true, \"live-restore\": true}");
        CliRun run = CliRun.of("audit", "daemon", "--daemon-json", json.toString(), "--dockerd-args",
                "--icc=true --userns-remap default", "-f", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.err()).contains("set both as a flag and in the configuration file");
        Map<String, String> o = outcomes(run);
        assertThat(o).anySatisfy((k, v) -> {
            assertThat(k).startsWith("CIS-DOCKER-2.3 ").as("\"debug\": true sets the log level to debug");
            assertThat(v).isEqualTo("FAIL");
        });
        assertThat(o).anySatisfy((k, v) -> {
            assertThat(k).startsWith("CIS-DOCKER-2.10 ").as("user namespaces remapped");
            assertThat(v).isEqualTo("PASS");
        });
        CliRun neither = CliRun.of("audit", "daemon");
        assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aHostRootAndAnImage() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("etc/docker"));
        Files.writeString(root.resolve("etc/docker/daemon.json"), "{\"icc\": false}");
        CliRun host = CliRun.of("audit", "host", "-f", "json", root.toString());
        assertThat(host.exitCode()).as(host.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
        assertThat(outcomes(host).keySet()).anyMatch(k -> k.startsWith("CIS-DOCKER-1.")).anyMatch(
                k -> k.startsWith("CIS-DOCKER-3."));
        assertThat(CliRun.of("audit", "host", dir.resolve("nope").toString()).exitCode()).isEqualTo(ExitCode.USAGE);

        CliRun image = CliRun.of("audit", "image", "-f", "json", CliRun.DEMO.toString());
        assertThat(image.exitCode()).as(image.err()).isZero();
        assertThat(outcomes(image).keySet()).anyMatch(k -> k.startsWith("CIS-DOCKER-4.6 "));
    }
}

package dev.plimsoll.check.cis.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.k8s.ManifestReader;
import dev.plimsoll.check.cis.input.k8s.Workload;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check against a pod that meets the restricted standard and every hardening check, changed in one place at a
 * time: the cases follow Pod Security Admission's own pass/fail fixtures per control (written afresh here).
 */
class PodSecurityChecksTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    static final String BASE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: base, namespace: shop}
            spec:
              automountServiceAccountToken: false
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              initContainers:
              - name: init
                image: busybox:1.36
                resources: {limits: {memory: 64Mi, cpu: 100m}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
                                  capabilities: {drop: [ALL]}}
              containers:
              - name: app
                image: nginx@%s
                resources: {limits: {memory: 1Gi, cpu: "1"}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
                                  capabilities: {drop: [ALL]}}
              - name: sidecar
                image: envoyproxy/envoy:v1.30.1
                resources: {limits: {memory: 128Mi, cpu: 250m}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
                                  capabilities: {drop: [ALL]}}
            """.formatted(DIGEST);

    private static final List<CisCheck<Workload>> CHECKS = PodSecurityChecks.standard();

    /** A case: mutations "path=yamlValue" separated by ";" ("~" removes), then the verdict of check {@code id}. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("hostNamespaces", "spec.hostNetwork=true", CheckStatus.FAIL, "spec.hostNetwork", "true"),
                c("hostNamespaces", "spec.hostIPC=true", CheckStatus.FAIL, "spec.hostIPC", "true"),
                c("hostNamespaces", "spec.hostPID=false", CheckStatus.PASS, null, null),
                c("privileged", "spec.containers[1].securityContext.privileged=true", CheckStatus.FAIL,
                        "spec.containers[1].securityContext.privileged", "true"),
                c("privileged", "spec.initContainers[0].securityContext.privileged=true", CheckStatus.FAIL,
                        "spec.initContainers[0].securityContext.privileged", "true"),
                c("privileged", "spec.ephemeralContainers=[{name: dbg, image: busybox, securityContext: "
                        + "{privileged: true}}]", CheckStatus.FAIL,
                        "spec.ephemeralContainers[0].securityContext.privileged", "true"),
                c("privileged", "spec.containers[0].securityContext.privileged=false", CheckStatus.PASS, null, null),
                c("capabilities_baseline", "spec.containers[1].securityContext.capabilities.add=[CHOWN, NET_RAW]",
                        CheckStatus.FAIL, "spec.containers[1].securityContext.capabilities.add[1]", "NET_RAW"),
                c("capabilities_baseline", "spec.containers[0].securityContext.capabilities.add=[net_bind_service]",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.capabilities.add[0]",
                        "net_bind_service"),
                c("capabilities_baseline", "spec.containers[0].securityContext.capabilities.add=[NET_BIND_SERVICE, "
                        + "KILL, SYS_CHROOT, AUDIT_WRITE]", CheckStatus.PASS, null, null),
                c("hostPathVolumes", "spec.volumes=[{name: sock, hostPath: {path: /var/run/docker.sock}}]",
                        CheckStatus.FAIL, "spec.volumes[0].hostPath", "/var/run/docker.sock"),
                c("hostPathVolumes", "spec.volumes=[{name: tmp, emptyDir: {}}]", CheckStatus.PASS, null, null),
                c("hostPorts", "spec.containers[0].ports=[{containerPort: 80}, {containerPort: 443, hostPort: 8443}]",
                        CheckStatus.FAIL, "spec.containers[0].ports[1].hostPort", "8443"),
                c("hostPorts", "spec.containers[0].ports=[{containerPort: 80, hostPort: 0}]", CheckStatus.PASS,
                        null, null),
                c("hostProbesAndHostLifecycle", "spec.containers[0].livenessProbe={httpGet: {host: 10.0.0.1, "
                        + "port: 80}}", CheckStatus.FAIL, "spec.containers[0].livenessProbe.httpGet.host",
                        "10.0.0.1"),
                c("hostProbesAndHostLifecycle", "spec.initContainers[0].lifecycle={preStop: {tcpSocket: "
                        + "{host: metadata.internal, port: 1}}}", CheckStatus.FAIL,
                        "spec.initContainers[0].lifecycle.preStop.tcpSocket.host", "metadata.internal"),
                c("hostProbesAndHostLifecycle", "spec.containers[0].readinessProbe={httpGet: {host: '', port: 80}}",
                        CheckStatus.PASS, null, null),
                c("appArmorProfile", "spec.securityContext.appArmorProfile={type: Unconfined}", CheckStatus.FAIL,
                        "spec.securityContext.appArmorProfile.type", "Unconfined"),
                c("appArmorProfile", "spec.containers[1].securityContext.appArmorProfile={type: Localhost, "
                        + "localhostProfile: k8s-nginx}", CheckStatus.PASS, null, null),
                c("appArmorProfile", "metadata.annotations={container.apparmor.security.beta.kubernetes.io/app: "
                        + "unconfined}", CheckStatus.FAIL,
                        "metadata.annotations['container.apparmor.security.beta.kubernetes.io/app']", "unconfined"),
                c("appArmorProfile", "metadata.annotations={container.apparmor.security.beta.kubernetes.io/app: "
                        + "localhost/k8s-nginx}", CheckStatus.PASS, null, null),
                c("seLinuxOptions", "spec.securityContext.seLinuxOptions={type: spc_t}", CheckStatus.FAIL,
                        "spec.securityContext.seLinuxOptions.type", "spc_t"),
                c("seLinuxOptions", "spec.containers[0].securityContext.seLinuxOptions={user: system_u}",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.seLinuxOptions.user", "system_u"),
                c("seLinuxOptions", "spec.containers[0].securityContext.seLinuxOptions={role: sysadm_r}",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.seLinuxOptions.role", "sysadm_r"),
                c("seLinuxOptions", "spec.containers[0].securityContext.seLinuxOptions={type: container_engine_t, "
                        + "level: 's0:c1,c2'}", CheckStatus.PASS, null, null),
                c("procMount", "spec.containers[0].securityContext.procMount=Unmasked", CheckStatus.FAIL,
                        "spec.containers[0].securityContext.procMount", "Unmasked"),
                c("procMount", "spec.containers[0].securityContext.procMount=Default", CheckStatus.PASS, null, null),
                c("procMount", "spec.hostUsers=false;spec.containers[0].securityContext.procMount=Unmasked",
                        CheckStatus.PASS, null, null),
                c("seccompProfile_baseline", "spec.securityContext.seccompProfile={type: Unconfined}",
                        CheckStatus.FAIL, "spec.securityContext.seccompProfile.type", "Unconfined"),
                c("seccompProfile_baseline", "spec.containers[1].securityContext.seccompProfile={type: Localhost, "
                        + "localhostProfile: audit.json}", CheckStatus.PASS, null, null),
                c("seccompProfile_baseline", "metadata.annotations={seccomp.security.alpha.kubernetes.io/pod: "
                        + "unconfined}", CheckStatus.PASS, null, null),
                c("sysctls", "spec.securityContext.sysctls=[{name: net.ipv4.tcp_keepalive_time, value: '60'}, "
                        + "{name: kernel.msgmax, value: '1'}]", CheckStatus.FAIL,
                        "spec.securityContext.sysctls[1].name", "kernel.msgmax"),
                c("sysctls", "spec.securityContext.sysctls=[{name: net.ipv4.tcp_notsent_lowat, value: '1'}, "
                        + "{name: kernel.shm_rmid_forced, value: '0'}]", CheckStatus.PASS, null, null),
                c("windowsHostProcess", "spec.securityContext.windowsOptions={hostProcess: true}", CheckStatus.FAIL,
                        "spec.securityContext.windowsOptions.hostProcess", "true"),
                c("windowsHostProcess", "spec.containers[0].securityContext.windowsOptions={hostProcess: true}",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.windowsOptions.hostProcess", "true"),
                c("windowsHostProcess", "spec.containers[0].securityContext.windowsOptions={hostProcess: false}",
                        CheckStatus.PASS, null, null),
                c("restrictedVolumes", "spec.volumes=[{name: data, nfs: {server: nas, path: /}}]", CheckStatus.FAIL,
                        "spec.volumes[0].nfs", "data"),
                c("restrictedVolumes", "spec.volumes=[{name: sock, hostPath: {path: /run}}]", CheckStatus.FAIL,
                        "spec.volumes[0].hostPath", "sock"),
                c("restrictedVolumes", "spec.volumes=[{name: new, somethingNew: {}}]", CheckStatus.FAIL,
                        "spec.volumes[0].somethingNew", "unknown volume type of new"),
                c("restrictedVolumes", "spec.volumes=[{name: a, configMap: {name: c}}, {name: b, projected: "
                        + "{sources: []}}, {name: c, csi: {driver: d}}, {name: d, ephemeral: {}}, {name: e}, "
                        + "{name: f, image: {reference: busybox}}]", CheckStatus.PASS, null, null),
                c("allowPrivilegeEscalation", "spec.containers[1].securityContext.allowPrivilegeEscalation=true",
                        CheckStatus.FAIL, "spec.containers[1].securityContext.allowPrivilegeEscalation", "true"),
                c("allowPrivilegeEscalation", "spec.initContainers[0].securityContext.allowPrivilegeEscalation=~",
                        CheckStatus.FAIL, "spec.initContainers[0].securityContext.allowPrivilegeEscalation",
                        "(not set)"),
                c("allowPrivilegeEscalation", "spec.os={name: windows};"
                        + "spec.containers[1].securityContext.allowPrivilegeEscalation=~", CheckStatus.NOT_APPLICABLE,
                        null, null),
                c("runAsNonRoot", "spec.securityContext.runAsNonRoot=false", CheckStatus.FAIL,
                        "spec.securityContext.runAsNonRoot", "false"),
                c("runAsNonRoot", "spec.securityContext.runAsNonRoot=~", CheckStatus.FAIL,
                        "spec.initContainers[0].securityContext.runAsNonRoot", "(not set, nor true at pod level)"),
                c("runAsNonRoot", "spec.containers[0].securityContext.runAsNonRoot=false", CheckStatus.FAIL,
                        "spec.containers[0].securityContext.runAsNonRoot", "false"),
                c("runAsNonRoot", "spec.securityContext.runAsNonRoot=~;"
                        + "spec.initContainers[0].securityContext.runAsNonRoot=true;"
                        + "spec.containers[0].securityContext.runAsNonRoot=true;"
                        + "spec.containers[1].securityContext.runAsNonRoot=true", CheckStatus.PASS, null, null),
                c("runAsNonRoot", "spec.hostUsers=false;spec.securityContext.runAsNonRoot=false", CheckStatus.PASS,
                        null, null),
                c("runAsUser", "spec.containers[0].securityContext.runAsUser=0", CheckStatus.FAIL,
                        "spec.containers[0].securityContext.runAsUser", "0"),
                c("runAsUser", "spec.securityContext.runAsUser=0", CheckStatus.FAIL,
                        "spec.securityContext.runAsUser", "0"),
                c("runAsUser", "spec.securityContext.runAsUser=1000", CheckStatus.PASS, null, null),
                c("runAsUser", "spec.hostUsers=false;spec.securityContext.runAsUser=0", CheckStatus.PASS, null, null),
                c("seccompProfile_restricted", "spec.securityContext.seccompProfile=~", CheckStatus.FAIL,
                        "spec.containers[1].securityContext.seccompProfile.type",
                        "(not set, nor RuntimeDefault/Localhost at pod level)"),
                c("seccompProfile_restricted", "spec.containers[0].securityContext.seccompProfile={type: Unconfined}",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.seccompProfile.type", "Unconfined"),
                c("seccompProfile_restricted", "spec.securityContext.seccompProfile=~;"
                        + "spec.initContainers[0].securityContext.seccompProfile={type: RuntimeDefault};"
                        + "spec.containers[0].securityContext.seccompProfile={type: RuntimeDefault};"
                        + "spec.containers[1].securityContext.seccompProfile={type: Localhost, localhostProfile: p}",
                        CheckStatus.PASS, null, null),
                c("seccompProfile_restricted", "spec.os={name: windows};spec.securityContext.seccompProfile=~",
                        CheckStatus.NOT_APPLICABLE, null, null),
                c("capabilities_restricted", "spec.containers[0].securityContext.capabilities.drop=[NET_RAW]",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.capabilities.drop", "[\"NET_RAW\"]"),
                c("capabilities_restricted", "spec.containers[0].securityContext.capabilities.drop=[all]",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.capabilities.drop", "[\"all\"]"),
                c("capabilities_restricted", "spec.containers[0].securityContext.capabilities=~", CheckStatus.FAIL,
                        "spec.containers[0].securityContext.capabilities.drop", "(not set)"),
                c("capabilities_restricted", "spec.containers[0].securityContext.capabilities.add=[CHOWN]",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.capabilities.add[0]", "CHOWN"),
                c("capabilities_restricted", "spec.containers[0].securityContext.capabilities.add=[NET_BIND_SERVICE]",
                        CheckStatus.PASS, null, null),
                c("procMount_restricted", "spec.hostUsers=false;spec.containers[0].securityContext.procMount=Unmasked",
                        CheckStatus.FAIL, "spec.containers[0].securityContext.procMount", "Unmasked"),
                c("K8S-1", "spec.containers[0].resources.limits.memory=~", CheckStatus.FAIL,
                        "spec.containers[0].resources.limits.memory", "(not set)"),
                c("K8S-1", "spec.containers[0].resources={requests: {memory: 1Gi}}", CheckStatus.FAIL,
                        "spec.containers[0].resources.limits.memory", "(not set)"),
                c("K8S-1", "spec.containers[0].resources.limits.memory=lots", CheckStatus.FAIL,
                        "spec.containers[0].resources.limits.memory", "invalid quantity lots"),
                c("K8S-1", "spec.containers[0].resources.limits.memory=1.5e9", CheckStatus.PASS, null, null),
                c("K8S-1", "spec.ephemeralContainers=[{name: dbg, image: 'busybox:1'}]", CheckStatus.PASS, null, null),
                c("K8S-2", "spec.initContainers[0].resources.limits.cpu=~", CheckStatus.FAIL,
                        "spec.initContainers[0].resources.limits.cpu", "(not set)"),
                c("K8S-2", "spec.initContainers[0].resources.limits.cpu=0", CheckStatus.FAIL,
                        "spec.initContainers[0].resources.limits.cpu", "invalid quantity 0"),
                c("K8S-3", "spec.containers[1].securityContext.readOnlyRootFilesystem=false", CheckStatus.FAIL,
                        "spec.containers[1].securityContext.readOnlyRootFilesystem", "false"),
                c("K8S-4", "spec.containers[1].image=nginx", CheckStatus.FAIL, "spec.containers[1].image",
                        "nginx (no tag: latest)"),
                c("K8S-4", "spec.containers[1].image=registry.local:5000/nginx:latest", CheckStatus.FAIL,
                        "spec.containers[1].image", "registry.local:5000/nginx:latest (the latest tag)"),
                c("K8S-4", "spec.containers[1].image=registry.local:5000/team/nginx:1.27", CheckStatus.PASS, null,
                        null),
                c("K8S-5", "spec.automountServiceAccountToken=~", CheckStatus.FAIL,
                        "spec.automountServiceAccountToken",
                        "(not set): ServiceAccount shop/default not in the input; mounted unless it disables "
                                + "automounting"),
                c("K8S-5", "spec.automountServiceAccountToken=true", CheckStatus.FAIL,
                        "spec.automountServiceAccountToken", "true"));
    }

    private static Arguments c(String id, String mutations, CheckStatus status, String field, String value) {
        return Arguments.of(id, mutations, status, field, value);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("cases")
    void judgesAsPodSecurityAdmission(String id, String mutations, CheckStatus status, String field, String value)
            throws Exception {
        Workload workload = workload(mutations);
        CheckResult result = check(id).evaluate(workload);

        assertThat(result.status()).as(result.reason() + " " + result.evidence()).isEqualTo(status);
        if (field != null) {
            assertThat(result.evidence()).contains(new Evidence("pod.json", field, value));
        }
    }

    @Test
    void theBasePodPassesEveryCheck() throws Exception {
        Workload base = workload("");
        for (CisCheck<Workload> check : CHECKS) {
            assertThat(check.evaluate(base).status()).as(check.meta().id()).isEqualTo(CheckStatus.PASS);
        }
    }

    @Test
    void everyViolationIsEvidence() throws Exception {
        Workload w = workload("spec.containers[0].securityContext.capabilities.add=[NET_RAW, SYS_ADMIN];"
                + "spec.initContainers[0].securityContext.capabilities.add=[BPF]");
        assertThat(check("capabilities_baseline").evaluate(w).evidence()).extracting(Evidence::toString)
                .containsExactly("pod.json: spec.initContainers[0].securityContext.capabilities.add[0] = BPF",
                        "pod.json: spec.containers[0].securityContext.capabilities.add[0] = NET_RAW",
                        "pod.json: spec.containers[0].securityContext.capabilities.add[1] = SYS_ADMIN");
    }

    @Test
    void idsAreUniqueAndLevelsArePssLevelsOrHardening() {
        assertThat(CHECKS).extracting(c -> c.meta().id()).doesNotHaveDuplicates().hasSize(24);
        assertThat(CHECKS).allSatisfy(c -> {
            assertThat(c.meta().section()).isEqualTo(Section.KUBERNETES);
            assertThat(c.meta().level()).isIn("baseline", "restricted", "1");
        });
        assertThat(CHECKS).filteredOn(c -> c.meta().level().equals("baseline")).hasSize(12);
        assertThat(CHECKS).filteredOn(c -> c.meta().level().equals("restricted")).hasSize(7);
    }

    @Test
    void evidencePathsFollowTheWorkloadKind() {
        Workload cron = new ManifestReader().readText("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          hostPID: true
                          containers: [{name: job, image: busybox:1, securityContext: {privileged: true}}]
                """, "cron.yaml").items().getFirst();
        assertThat(check("hostNamespaces").evaluate(cron).evidence()).extracting(Evidence::field)
                .containsExactly("spec.jobTemplate.spec.template.spec.hostPID");
        assertThat(check("privileged").evaluate(cron).evidence()).extracting(Evidence::field)
                .containsExactly("spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged");
    }

    static CisCheck<Workload> check(String id) {
        return CHECKS.stream().filter(c -> c.meta().id().equals(id)).findFirst().orElseThrow();
    }

    /** The base pod with each "path=value" applied; the result is read back through the manifest reader. */
    static Workload workload(String mutations) throws Exception {
        ObjectNode root = (ObjectNode) YAML.readTree(BASE);
        for (String mutation : mutations.split(";")) {
            if (mutation.isBlank()) {
                continue;
            }
            int eq = mutation.indexOf('=');
            set(root, mutation.substring(0, eq), mutation.substring(eq + 1));
        }
        return new ManifestReader().readText(new ObjectMapper().writeValueAsString(root), "pod.json")
                .items().getFirst();
    }

    private static void set(ObjectNode root, String path, String yamlValue) throws Exception {
        String[] parts = path.split("\\.");
        JsonNode current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            current = step(current, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (yamlValue.equals("~")) {
            ((ObjectNode) current).remove(last);
        } else {
            ((ObjectNode) current).set(last, YAML.readTree("v: " + yamlValue).get("v"));
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            JsonNode next = node.get(part);
            return next != null ? next : ((ObjectNode) node).putObject(part);
        }
        ArrayNode array = (ArrayNode) node.get(part.substring(0, bracket));
        return array.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }
}

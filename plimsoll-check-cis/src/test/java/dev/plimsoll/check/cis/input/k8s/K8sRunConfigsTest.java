package dev.plimsoll.check.cis.input.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class K8sRunConfigsTest {
    private static List<RunConfig> configs(String yaml) {
        return K8sRunConfigs.of(new ManifestReader().readText(yaml, "pod.yaml").items().getFirst());
    }

    /** What is compared across inputs: everything but the names, the origin and where each field was read. */
    private static RunConfig comparable(RunConfig c) {
        RunConfig.SecurityOptions s = c.security();
        return new RunConfig("", "", c.image(), c.privileged(), c.capAdd(), c.capDrop(), c.user(), c.namespaces(),
                c.mounts(), c.devices(), c.ports(), c.resources(), c.ulimits(),
                new RunConfig.SecurityOptions(s.seccompProfile(), s.apparmorProfile(), s.selinuxOptions(),
                        s.noNewPrivileges(), List.of()),
                c.readOnlyRootfs(), c.tmpfs(), c.restart(), c.healthcheck(), c.cgroupParent(), Map.of());
    }

    @Test
    void podEqualsTheSameContainerAsDockerInspectDescribesIt() {
        RunConfig fromPod = configs("""
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec:
                  hostPID: true
                  hostNetwork: true
                  hostUsers: false
                  restartPolicy: OnFailure
                  securityContext:
                    runAsUser: 1000
                    runAsGroup: 3000
                    seccompProfile: {type: RuntimeDefault}
                    seLinuxOptions: {type: container_t, level: "s0:c1,c2"}
                  volumes:
                  - {name: sock, hostPath: {path: /var/run/docker.sock}}
                  - {name: cache, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
                  - {name: data, persistentVolumeClaim: {claimName: data}}
                  containers:
                  - name: app
                    image: nginx:1.27
                    ports:
                    - {containerPort: 80, hostPort: 8080, hostIP: 127.0.0.1}
                    - {containerPort: 9090}
                    - {containerPort: 53, hostPort: 53, protocol: UDP}
                    resources: {limits: {memory: 512Mi, cpu: 1500m}, requests: {memory: 256Mi, cpu: 500m}}
                    securityContext:
                      privileged: true
                      runAsUser: 0
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: {add: [net_admin, CAP_SYS_TIME], drop: [ALL]}
                      appArmorProfile: {type: Unconfined}
                    volumeMounts:
                    - {name: sock, mountPath: /var/run/docker.sock, readOnly: true}
                    - {name: data, mountPath: /data, mountPropagation: HostToContainer}
                    - {name: cache, mountPath: /cache}
                    livenessProbe: {exec: {command: [cat, /tmp/healthy]}}
                """).getFirst();

        // docker run --privileged --user 0:3000 --pid host --network host --userns ... -v /var/run/docker.sock:
        // /var/run/docker.sock:ro -v data:/data:rslave -p 127.0.0.1:8080:80 -p 53:53/udp --memory 512m --cpus 1.5
        // --security-opt apparmor=unconfined --security-opt label=type:container_t ... --read-only
        // --tmpfs /cache:size=67108864 --restart on-failure --health-cmd ... nginx:1.27, as inspect reports it
        RunConfig byHand = new RunConfig("web", "docker inspect", Optional.of("nginx:1.27"), true,
                List.of("NET_ADMIN", "SYS_TIME"), List.of("ALL"), Optional.of("0:3000"),
                new RunConfig.Namespaces("host", "", "host", "host", "private", ""),
                List.of(new RunConfig.Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, ""),
                        new RunConfig.Mount("volume", "data", "/data", true, "rslave")),
                List.of(), List.of(new RunConfig.PortBinding("127.0.0.1", 8080, 80, "tcp"),
                        new RunConfig.PortBinding("", 53, 53, "udp")),
                new RunConfig.Resources(OptionalLong.of(512L << 20), OptionalLong.empty(),
                        OptionalLong.of(1_500_000_000L), OptionalLong.empty()),
                List.of(), new RunConfig.SecurityOptions(Optional.empty(), Optional.of("unconfined"),
                        List.of("type:container_t", "level:s0:c1,c2"), Optional.of(true), List.of("ignored")),
                true, Map.of("/cache", "size=67108864"), new RunConfig.RestartPolicy("on-failure", 0),
                Optional.of(new RunConfig.HealthcheckSpec(List.of("CMD", "cat", "/tmp/healthy"))), Optional.empty(),
                Map.of());

        assertThat(comparable(fromPod)).isEqualTo(comparable(byHand));
        assertThat(fromPod.name()).isEqualTo("Pod/shop/web/app");
        assertThat(fromPod.origin()).isEqualTo("pod.yaml");
        assertThat(fromPod.sourceOf(RunField.PRIVILEGED)).isEqualTo("spec.containers[0].securityContext.privileged");
        assertThat(fromPod.sourceOf(RunField.USER)).isEqualTo("spec.containers[0].securityContext.runAsUser");
        assertThat(fromPod.sourceOf(RunField.PID)).isEqualTo("spec.hostPID");
        assertThat(fromPod.sourceOf(RunField.MEMORY)).isEqualTo("spec.containers[0].resources.limits.memory");
    }

    @Test
    void unsetFieldsAreKubernetesDefaults() {
        RunConfig plain = configs("""
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true}
                      containers:
                      - name: app
                        image: nginx
                        ports: [{containerPort: 80}]
                        resources: {requests: {memory: 1Gi, cpu: "2"}}
                """).getFirst();

        assertThat(plain.user()).as("runAsNonRoot names no user").isEmpty();
        assertThat(plain.namespaces()).isEqualTo(RunConfig.Namespaces.DEFAULT);
        assertThat(plain.ports()).as("a containerPort alone is not published").isEmpty();
        assertThat(plain.resources()).as("requests are not limits").isEqualTo(RunConfig.Resources.NONE);
        assertThat(plain.security().seccompProfile()).as("the kubelet's default").contains("unconfined");
        assertThat(plain.security().apparmorProfile()).isEmpty();
        assertThat(plain.security().noNewPrivileges()).isEmpty();
        assertThat(plain.restart()).isEqualTo(RunConfig.RestartPolicy.NONE);
        assertThat(plain.healthcheck()).isEmpty();
        assertThat(plain.privileged()).isFalse();
        assertThat(plain.sourceOf(RunField.IMAGE)).isEqualTo("spec.template.spec.containers[0].image");
    }

    @Test
    void legacyAnnotationsAndPodLevelSettingsApplyPerContainer() {
        List<RunConfig> all = configs("""
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: runtime/default
                    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
                    container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-app
                    container.apparmor.security.beta.kubernetes.io/debug: unconfined
                spec:
                  securityContext: {runAsUser: 1000, appArmorProfile: {type: RuntimeDefault}}
                  initContainers:
                  - name: init
                    image: busybox:1
                    restartPolicy: Always
                    readinessProbe: {httpGet: {port: 80}}
                  containers:
                  - name: app
                    image: app:1
                    securityContext: {allowPrivilegeEscalation: true, seccompProfile: {type: Unconfined}}
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1
                """);

        assertThat(all).extracting(RunConfig::name).containsExactly("Pod/p/init", "Pod/p/app", "Pod/p/debug");
        RunConfig init = all.get(0);
        RunConfig app = all.get(1);
        RunConfig debug = all.get(2);
        assertThat(init.security().seccompProfile()).as("pod annotation runtime/default").isEmpty();
        assertThat(init.restart()).isEqualTo(new RunConfig.RestartPolicy("always", 0));
        assertThat(init.healthcheck()).contains(new RunConfig.HealthcheckSpec(List.of("PROBE", "httpGet")));
        assertThat(app.security().seccompProfile()).as("the field wins over annotations").contains("unconfined");
        assertThat(app.security().apparmorProfile()).as("pod field wins over the annotation").isEmpty();
        assertThat(app.security().noNewPrivileges()).contains(false);
        assertThat(app.user()).contains("1000");
        assertThat(debug.security().seccompProfile()).isEmpty();
        assertThat(debug.security().apparmorProfile()).isEmpty();
        assertThat(app.sourceOf(RunField.USER)).isEqualTo("spec.securityContext.runAsUser");
    }

    @Test
    void annotationsApplyWhenNoFieldIsSet() {
        RunConfig app = configs("""
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
                    container.apparmor.security.beta.kubernetes.io/app: unconfined
                spec:
                  containers: [{name: app, image: 'app:1', volumeMounts: [{name: x, mountPath: /x,
                                mountPropagation: Bidirectional}]}]
                  volumes: [{name: x, hostPath: {path: /mnt}}]
                """).getFirst();
        assertThat(app.security().seccompProfile()).contains("profiles/app.json");
        assertThat(app.security().apparmorProfile()).contains("unconfined");
        assertThat(app.sourceOf(RunField.SECURITY_OPT))
                .isEqualTo("metadata.annotations['container.apparmor.security.beta.kubernetes.io/app']");
        assertThat(app.mounts()).containsExactly(new RunConfig.Mount("bind", "/mnt", "/x", true, "rshared"));
    }
}

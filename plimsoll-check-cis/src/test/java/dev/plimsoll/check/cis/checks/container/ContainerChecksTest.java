package dev.plimsoll.check.cis.checks.container;

import static dev.plimsoll.check.cis.CheckStatus.FAIL;
import static dev.plimsoll.check.cis.CheckStatus.INFO;
import static dev.plimsoll.check.cis.CheckStatus.NOTE;
import static dev.plimsoll.check.cis.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.check.cis.run.TestRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container check on inputs that must pass and inputs that must fail (or be left to a person). */
class ContainerChecksTest {
    private static final Map<String, CisCheck<RunConfig>> BY_ID = ContainerChecks.standard().stream()
            .collect(Collectors.toMap(c -> c.meta().id(), Function.identity()));

    private record Case(String id, String what, TestRun run, CheckStatus expected) {
        Arguments args() {
            return Arguments.of(id + " " + what, this);
        }
    }

    private static TestRun plain() {
        return TestRun.named("web");
    }

    private static TestRun good() {
        return TestRun.hardened("web");
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // 4.1 user
        c.add(new Case("4.1", "numeric non-root user", plain().user("1000"), PASS));
        c.add(new Case("4.1", "named user with root group", plain().user("app:0"), PASS));
        c.add(new Case("4.1", "root", plain().user("root"), FAIL));
        c.add(new Case("4.1", "0", plain().user("0"), FAIL));
        c.add(new Case("4.1", "0:0", plain().user("0:0"), FAIL));
        c.add(new Case("4.1", "root:root", plain().user("root:root"), FAIL));
        c.add(new Case("4.1", "0:1000", plain().user("0:1000"), FAIL));
        c.add(new Case("4.1", "unset: the image decides", plain(), NOTE));
        // 5.1 AppArmor
        c.add(new Case("5.1", "engine default", plain(), PASS));
        c.add(new Case("5.1", "named profile", plain().apparmor("docker-nginx"), PASS));
        c.add(new Case("5.1", "unconfined", plain().apparmor("unconfined"), FAIL));
        c.add(new Case("5.1", "privileged", plain().privileged(), FAIL));
        // 5.2 SELinux
        c.add(new Case("5.2", "type label", plain().selinux("type:svirt_apache_t"), PASS));
        c.add(new Case("5.2", "label=disable", plain().selinux("disable"), FAIL));
        c.add(new Case("5.2", "label=disable next to a level", plain().selinux("level:s0").selinux("disable"),
                FAIL));
        c.add(new Case("5.2", "privileged", plain().selinux("type:x").privileged(), FAIL));
        c.add(new Case("5.2", "no label options", plain(), INFO));
        // 5.3 capabilities
        c.add(new Case("5.3", "nothing added", plain(), PASS));
        c.add(new Case("5.3", "drop all, add a default one", plain().capDrop("ALL").capAdd("NET_BIND_SERVICE"),
                PASS));
        c.add(new Case("5.3", "CAP_ prefix of a default one", plain().capAdd("CAP_CHOWN"), PASS));
        c.add(new Case("5.3", "SYS_ADMIN", plain().capAdd("SYS_ADMIN"), FAIL));
        c.add(new Case("5.3", "cap_net_admin lower case", plain().capAdd("cap_net_admin"), FAIL));
        c.add(new Case("5.3", "ALL", plain().capAdd("ALL"), FAIL));
        // 5.4 privileged
        c.add(new Case("5.4", "not privileged", plain(), PASS));
        c.add(new Case("5.4", "privileged", plain().privileged(), FAIL));
        // 5.5 sensitive host directories
        c.add(new Case("5.5", "no mounts", plain(), PASS));
        c.add(new Case("5.5", "app data", plain().bind("/srv/app/data", "/data", true), PASS));
        c.add(new Case("5.5", "/etcd is not /etc", plain().bind("/etcd", "/etcd", true), PASS));
        c.add(new Case("5.5", "/usrdata is not /usr", plain().bind("/usrdata/x", "/x", true), PASS));
        c.add(new Case("5.5", "a named volume called etc",
                plain().mount(new RunConfig.Mount("volume", "etc", "/etc", true, "")), PASS));
        c.add(new Case("5.5", "/ read-write", plain().bind("/", "/host", true), FAIL));
        c.add(new Case("5.5", "/etc read-write", plain().bind("/etc", "/host/etc", true), FAIL));
        c.add(new Case("5.5", "/etc/ssh below /etc", plain().bind("/etc/ssh", "/ssh", true), FAIL));
        c.add(new Case("5.5", "/usr/lib below /usr", plain().bind("/usr/lib/", "/l", true), FAIL));
        c.add(new Case("5.5", "/sys via ..", plain().bind("/srv/../sys", "/s", true), FAIL));
        c.add(new Case("5.5", "/proc read-only", plain().bind("/proc", "/host/proc", false), INFO));
        // 5.6 sshd
        c.add(new Case("5.6", "needs the processes", good(), NOTE));
        // 5.7 privileged ports
        c.add(new Case("5.7", "no ports", plain(), PASS));
        c.add(new Case("5.7", "1024 is not privileged", plain().port("", 1024, 80), PASS));
        c.add(new Case("5.7", "ephemeral host port", plain().port("", 0, 80), PASS));
        c.add(new Case("5.7", "port 80", plain().port("127.0.0.1", 80, 8080), FAIL));
        c.add(new Case("5.7", "port 1023", plain().port("", 1023, 8080), FAIL));
        // 5.8 open ports
        c.add(new Case("5.8", "no ports", plain(), PASS));
        c.add(new Case("5.8", "a published port", plain().port("", 8080, 80), INFO));
        // 5.9 host network
        c.add(new Case("5.9", "default", plain(), PASS));
        c.add(new Case("5.9", "user network", plain().network("backend"), PASS));
        c.add(new Case("5.9", "host", plain().network("host"), FAIL));
        // 5.10 memory
        c.add(new Case("5.10", "limited", plain().memory(1L << 30), PASS));
        c.add(new Case("5.10", "unlimited", plain(), FAIL));
        // 5.11 CPU
        c.add(new Case("5.11", "shares", plain().cpuShares(512), PASS));
        c.add(new Case("5.11", "cpus", plain().nanoCpus(500_000_000L), PASS));
        c.add(new Case("5.11", "neither", plain(), FAIL));
        // 5.12 read-only root filesystem
        c.add(new Case("5.12", "read-only", plain().readOnly(), PASS));
        c.add(new Case("5.12", "writable", plain(), FAIL));
        // 5.13 host interface
        c.add(new Case("5.13", "no ports", plain(), PASS));
        c.add(new Case("5.13", "loopback", plain().port("127.0.0.1", 8080, 80), PASS));
        c.add(new Case("5.13", "IPv6 address", plain().port("::1", 8080, 80), PASS));
        c.add(new Case("5.13", "0.0.0.0", plain().port("0.0.0.0", 8080, 80), FAIL));
        c.add(new Case("5.13", "IPv6 wildcard ::", plain().port("::", 8080, 80), FAIL));
        c.add(new Case("5.13", "empty host IP", plain().port("", 8080, 80), FAIL));
        c.add(new Case("5.13", "IPv6 unspecified written out", plain().port("0:0:0:0:0:0:0:0", 8080, 80), FAIL));
        c.add(new Case("5.13", "one specific, one wildcard",
                plain().port("10.0.0.1", 8080, 80).port("[::]", 8443, 443), FAIL));
        // 5.14 restart policy
        c.add(new Case("5.14", "none", plain(), PASS));
        c.add(new Case("5.14", "no", plain().restart("no", 0), PASS));
        c.add(new Case("5.14", "on-failure:5", plain().restart("on-failure", 5), PASS));
        c.add(new Case("5.14", "on-failure:3", plain().restart("on-failure", 3), PASS));
        c.add(new Case("5.14", "on-failure:6", plain().restart("on-failure", 6), FAIL));
        c.add(new Case("5.14", "on-failure unlimited", plain().restart("on-failure", 0), FAIL));
        c.add(new Case("5.14", "always", plain().restart("always", 0), FAIL));
        c.add(new Case("5.14", "always with a retry count of 5", plain().restart("always", 5), FAIL));
        c.add(new Case("5.14", "unless-stopped", plain().restart("unless-stopped", 0), FAIL));
        // 5.15, 5.16, 5.20, 5.30 host namespaces
        c.add(new Case("5.15", "private", plain().pid("container:db"), PASS));
        c.add(new Case("5.15", "host", plain().pid("host"), FAIL));
        c.add(new Case("5.16", "private", plain().ipc("private"), PASS));
        c.add(new Case("5.16", "host", plain().ipc("host"), FAIL));
        c.add(new Case("5.20", "default", plain(), PASS));
        c.add(new Case("5.20", "host", plain().uts("host"), FAIL));
        c.add(new Case("5.30", "default", plain(), PASS));
        c.add(new Case("5.30", "host", plain().userns("host"), FAIL));
        // 5.17 devices
        c.add(new Case("5.17", "none", plain(), PASS));
        c.add(new Case("5.17", "a device", plain().device("/dev/fuse", "/dev/fuse", "rwm"), INFO));
        // 5.18 ulimits
        c.add(new Case("5.18", "set", plain().ulimit("nofile", 1024, 2048), PASS));
        c.add(new Case("5.18", "daemon defaults", plain(), INFO));
        // 5.19 propagation
        c.add(new Case("5.19", "rslave", plain().mount(new RunConfig.Mount("bind", "/srv", "/srv", true, "rslave")),
                PASS));
        c.add(new Case("5.19", "shared", plain().mount(new RunConfig.Mount("bind", "/srv", "/srv", true, "shared")),
                FAIL));
        c.add(new Case("5.19", "rshared",
                plain().mount(new RunConfig.Mount("bind", "/srv", "/srv", false, "rshared")), FAIL));
        // 5.21 seccomp
        c.add(new Case("5.21", "default", plain(), PASS));
        c.add(new Case("5.21", "custom profile", plain().seccomp("/etc/docker/seccomp.json"), PASS));
        c.add(new Case("5.21", "unconfined", plain().seccomp("unconfined"), FAIL));
        c.add(new Case("5.21", "privileged", plain().privileged(), FAIL));
        // 5.22, 5.23 exec history
        c.add(new Case("5.22", "needs the audit log", good(), NOTE));
        c.add(new Case("5.23", "needs the audit log", good(), NOTE));
        // 5.24 cgroup parent
        c.add(new Case("5.24", "default", plain(), PASS));
        c.add(new Case("5.24", "custom parent", plain().cgroupParent("/custom"), FAIL));
        // 5.25 no-new-privileges
        c.add(new Case("5.25", "set", plain().noNewPrivileges(true), PASS));
        c.add(new Case("5.25", "no-new-privileges:false", plain().noNewPrivileges(false), FAIL));
        c.add(new Case("5.25", "not set", plain(), FAIL));
        // 5.26 healthcheck
        c.add(new Case("5.26", "CMD-SHELL", plain().healthcheck("CMD-SHELL", "pg_isready"), PASS));
        c.add(new Case("5.26", "HEALTHCHECK NONE", plain().healthcheck("NONE"), FAIL));
        c.add(new Case("5.26", "not set: the image decides", plain(), NOTE));
        // 5.27 image freshness
        c.add(new Case("5.27", "needs the image cache", good(), NOTE));
        // 5.28 PIDs
        c.add(new Case("5.28", "limited", plain().pidsLimit(200), PASS));
        c.add(new Case("5.28", "unlimited", plain(), FAIL));
        // 5.29 docker0
        c.add(new Case("5.29", "user network", plain().network("backend"), PASS));
        c.add(new Case("5.29", "bridge", plain().network("bridge"), INFO));
        c.add(new Case("5.29", "default", plain(), INFO));
        // 5.31 docker socket
        c.add(new Case("5.31", "no mounts", plain(), PASS));
        c.add(new Case("5.31", "/run/user is not the socket's directory", plain().bind("/run/user/1000/app", "/a",
                false), PASS));
        c.add(new Case("5.31", "/var/run/docker.sock", plain().bind("/var/run/docker.sock", "/var/run/docker.sock",
                true), FAIL));
        c.add(new Case("5.31", "/run/docker.sock read-only", plain().bind("/run/docker.sock", "/d.sock", false),
                FAIL));
        c.add(new Case("5.31", "/var/run", plain().bind("/var/run", "/host-run", false), FAIL));
        c.add(new Case("5.31", "/run/", plain().bind("/run/", "/host-run", false), FAIL));
        c.add(new Case("5.31", "Windows engine pipe", plain().mount(new RunConfig.Mount("npipe",
                "\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine", true, "")), FAIL));
        c.add(new Case("5.31", "rootless socket", plain().bind("/run/user/1000/docker.sock", "/d.sock", true),
                FAIL));
        return c;
    }

    static Stream<Arguments> caseArguments() {
        return cases().stream().map(Case::args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArguments")
    void verdict(String name, Case c) {
        CheckResult result = BY_ID.get(c.id()).evaluate(c.run().build());
        assertThat(result.status()).as(name + ": " + result.reason()).isEqualTo(c.expected());
        if (c.expected() == PASS || c.expected() == FAIL) {
            assertThat(result.evidence()).as("evidence of " + name).isNotEmpty();
        }
    }

    @Test
    void everyCheckHasCasesThatPassAndCasesThatDoNot() {
        Set<String> manualOnly = Set.of("5.6", "5.22", "5.23", "5.27");
        for (CisCheck<RunConfig> check : ContainerChecks.standard()) {
            String id = check.meta().id();
            List<CheckStatus> seen = cases().stream().filter(c -> c.id().equals(id)).map(Case::expected).toList();
            if (manualOnly.contains(id)) {
                assertThat(seen).as(id).containsOnly(NOTE);
            } else {
                assertThat(seen).as(id).contains(PASS).anyMatch(s -> s != PASS);
            }
        }
    }

    @Test
    void idsAreUniqueAndInDockerBenchOrder() {
        List<String> ids = ContainerChecks.standard().stream().map(c -> c.meta().id()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        List<String> expected = new ArrayList<>(List.of("4.1"));
        for (int i = 1; i <= 31; i++) {
            expected.add("5." + i);
        }
        assertThat(ids).isEqualTo(expected);
        List<int[]> numbers = ids.stream()
                .map(id -> Arrays.stream(id.split("\\.")).mapToInt(Integer::parseInt).toArray()).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(Arrays.compare(numbers.get(i - 1), numbers.get(i))).as(ids.get(i)).isNegative();
        }
    }

    @Test
    void metadataIsComplete() {
        for (CisCheck<RunConfig> check : ContainerChecks.standard()) {
            CheckMeta m = check.meta();
            assertThat(m.title()).as(m.id()).isNotBlank().doesNotContain("(Automated)", "(Manual)");
            assertThat(m.remediation()).as(m.id()).isNotBlank();
            assertThat(m.section()).isEqualTo(m.id().startsWith("5.") ? Section.CONTAINER_RUNTIME : Section.IMAGES);
        }
        Set<String> manual = ContainerChecks.standard().stream().filter(c -> !c.meta().scored())
                .map(c -> c.meta().id()).collect(Collectors.toSet());
        assertThat(manual).containsExactlyInAnyOrder("5.8", "5.17", "5.18", "5.23", "5.27", "5.29");
    }

    @Test
    void aHardenedContainerFailsNothing() {
        RunConfig config = TestRun.hardened("web").build();
        for (CisCheck<RunConfig> check : ContainerChecks.standard()) {
            assertThat(check.evaluate(config).status()).as(check.meta().id()).isNotEqualTo(FAIL);
        }
    }

    @Test
    void evidenceNamesWhereTheInputSetTheField() {
        RunConfig config = TestRun.named("web").privileged()
                .source(RunField.PRIVILEGED, "HostConfig.Privileged").build();
        CheckResult result = new PrivilegedCheck().evaluate(config);
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("HostConfig.Privileged");
            assertThat(e.value()).isEqualTo("true");
            assertThat(e.source()).isEqualTo("test");
        });
        assertThat(new MemoryLimitCheck().evaluate(config).evidence().get(0).field()).isEqualTo("memory");
    }

    @Test
    void docsAuditMdDescribesEveryCheckAndEveryDifference() throws java.io.IOException {
        // Surefire runs in the module directory; the docs live at the repository's root.
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "audit.md"));
        for (CisCheck<RunConfig> check : ContainerChecks.standard()) {
            CheckMeta m = check.meta();
            assertThat(doc).as(m.id()).contains("<a id=\"cis-" + m.id().replace('.', '-') + "\"></a>")
                    .contains("### " + m.id() + " " + m.title() + " (");
            m.differsFromDockerBench().ifPresent(d -> assertThat(doc).as(m.id()).contains(d));
        }
    }

    @Test
    void differencesFromDockerBenchAreDocumented() {
        Set<String> differing = ContainerChecks.standard().stream()
                .filter(c -> c.meta().differsFromDockerBench().isPresent()).map(c -> c.meta().id())
                .collect(Collectors.toSet());
        assertThat(differing).contains("4.1", "5.2", "5.5", "5.7", "5.13", "5.14", "5.25", "5.26", "5.31");
    }
}

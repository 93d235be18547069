package dev.plimsoll.check.cis.input.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.Fixtures;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import dev.plimsoll.check.cis.run.RunConfig.Ulimit;
import dev.plimsoll.check.cis.run.RunField;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerRunParserTest {
    private static RunConfig one(String line) {
        Loaded<RunConfig> loaded = DockerRunParser.parse("docker run", line);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).hasSize(1);
        return loaded.items().get(0);
    }

    private static InputProblem problem(String line) {
        Loaded<RunConfig> loaded = DockerRunParser.parse("docker run", line);
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).hasSize(1);
        return loaded.problems().get(0);
    }

    @Test
    void readsEveryDockerRunCommandOfAScriptAndIgnoresTheRest() {
        Loaded<RunConfig> loaded = DockerRunParser.read(Fixtures.path("dockerrun/deploy.sh"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("proxy", "db", "monitoring/agent:latest");

        RunConfig proxy = loaded.items().get(0);
        assertThat(proxy.image()).contains("$REGISTRY/proxy:2.4.1");
        assertThat(proxy.restart()).isEqualTo(new RestartPolicy("unless-stopped", 0));
        assertThat(proxy.ports()).containsExactly(new PortBinding("", 443, 443, "tcp"),
                new PortBinding("127.0.0.1", 8080, 80, "tcp"), new PortBinding("::1", 9443, 9443, "tcp"));
        assertThat(proxy.capDrop()).containsExactly("ALL");
        assertThat(proxy.capAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(proxy.readOnlyRootfs()).isTrue();
        assertThat(proxy.tmpfs()).isEqualTo(Map.of("/run", "rw,size=64m", "/var/cache/nginx", ""));
        assertThat(proxy.security().noNewPrivileges()).contains(true);
        assertThat(proxy.security().apparmorProfile()).contains("docker-nginx");
        assertThat(proxy.mounts()).containsExactly(new Mount("bind", "/srv/www", "/usr/share/nginx/html", false, ""),
                new Mount("volume", "certs", "/etc/nginx/certs", false, ""));
        assertThat(proxy.resources().memoryBytes()).hasValue(256L << 20);
        assertThat(proxy.resources().nanoCpus()).hasValue(500_000_000L);
        assertThat(proxy.resources().pidsLimit()).hasValue(100);
        assertThat(proxy.healthcheck()).hasValueSatisfying(h -> assertThat(h.test())
                .containsExactly("CMD-SHELL", "curl -fsS http://localhost/healthz || exit 1"));
        assertThat(proxy.sourceOf(RunField.READ_ONLY)).isEqualTo("--read-only");
        assertThat(proxy.sourceOf(RunField.PORTS)).isEqualTo("--publish");

        RunConfig db = loaded.items().get(1);
        assertThat(db.user()).contains("999:999");
        assertThat(db.resources().memoryBytes()).hasValue(1L << 30);
        assertThat(db.resources().cpuShares()).hasValue(512);
        assertThat(db.ulimits()).containsExactly(new Ulimit("nofile", 1024, 2048), new Ulimit("nproc", 512, 512));
        assertThat(db.image()).contains("postgres:16");
        // "-c shared_buffers=…" after the image is the container's command, not --cpu-shares
        assertThat(db.sourceOf(RunField.CPU_SHARES)).isEqualTo("--cpu-shares");

        RunConfig agent = loaded.items().get(2);
        assertThat(agent.privileged()).isTrue();
        assertThat(agent.namespaces()).isEqualTo(new RunConfig.Namespaces("host", "host", "host", "host", "host",
                "host"));
        assertThat(agent.mounts()).containsExactly(new Mount("bind", "/", "/host", false, "rshared"));
        assertThat(agent.devices()).containsExactly(new Device("/dev/kmsg", "/dev/kmsg", "rwm"),
                new Device("/dev/sda", "/dev/xvda", "r"));
        assertThat(agent.security().seccompProfile()).contains("unconfined");
        assertThat(agent.security().selinuxOptions()).containsExactly("disable");
        assertThat(agent.healthcheck()).hasValueSatisfying(h -> assertThat(h.disabled()).isTrue());
        assertThat(agent.restart()).isEqualTo(new RestartPolicy("on-failure", 5));
        assertThat(agent.cgroupParent()).contains("/agents.slice");
        assertThat(agent.ports()).containsExactly(new PortBinding("", 8000, 9000, "udp"),
                new PortBinding("", 8001, 9001, "udp"), new PortBinding("", 8002, 9002, "udp"));
    }

    @Test
    void unknownFlagsAndBadValuesNameLineAndFlagWhileTheOtherCommandsAreRead() {
        Loaded<RunConfig> loaded = DockerRunParser.read(Fixtures.path("dockerrun/bad-flags.sh"));
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("ok1", "ok2");
        assertThat(loaded.items().get(1).privileged()).isFalse();
        assertThat(loaded.problems()).extracting(InputProblem::where)
                .containsExactly("line 3, --memry", "line 4, --memory", "line 6, -p", "line 7");
        assertThat(loaded.problems().get(0).reason()).isEqualTo("unknown flag: --memry");
        assertThat(loaded.problems().get(0).file()).endsWith("bad-flags.sh");
        assertThat(loaded.problems().get(1).reason()).contains("\"lots\" is not a size");
        assertThat(loaded.problems().get(2).reason()).contains("70000 is out of range");
        assertThat(loaded.problems().get(3).reason()).contains("no image");
    }

    @Test
    void combinedShortFlagsAndAttachedValues() {
        RunConfig c = one("docker run -itdp80:80 -uroot -m=1g -v/data:/data nginx");
        assertThat(c.ports()).containsExactly(new PortBinding("", 80, 80, "tcp"));
        assertThat(c.user()).contains("root");
        assertThat(c.resources().memoryBytes()).hasValue(1L << 30);
        assertThat(c.mounts()).containsExactly(new Mount("bind", "/data", "/data", true, ""));
    }

    @Test
    void aBooleanFlagDoesNotTakeTheNextWordAsItsValue() {
        RunConfig c = one("docker run --privileged alpine true");
        assertThat(c.privileged()).isTrue();
        assertThat(c.image()).contains("alpine");
        assertThat(one("docker run --privileged=false alpine").privileged()).isFalse();
        assertThat(one("docker run --read-only=1 alpine").readOnlyRootfs()).isTrue();
        assertThat(problem("docker run --privileged=nope alpine").reason()).contains("\"nope\" is not a boolean");
    }

    @Test
    void theCommandAfterTheImageIsNotParsedAsFlags() {
        RunConfig c = one("docker run --name x busybox sh -c 'ls --privileged -v /:/host'");
        assertThat(c.privileged()).isFalse();
        assertThat(c.mounts()).isEmpty();
        assertThat(one("docker run -- busybox --privileged").privileged()).isFalse();
    }

    @Test
    void repeatedFlagsAccumulateOrTheLastWins() {
        RunConfig c = one("docker run --cap-add NET_ADMIN --cap-add=cap_sys_time -u 1 -u 2 "
                + "--security-opt seccomp=/etc/docker/strict.json --security-opt no-new-privileges alpine");
        assertThat(c.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
        RunConfig effective = one("docker run --cap-drop ALL --cap-drop chown --cap-add CHOWN --cap-add chown "
                + "--cap-drop NET_RAW alpine");
        assertThat(effective.capAdd()).containsExactly("CHOWN");
        assertThat(effective.capDrop()).containsExactly("ALL");
        assertThat(one("docker run --cap-add ALL --cap-add NET_ADMIN --cap-drop NET_ADMIN alpine").capAdd())
                .containsExactly("ALL");
        assertThat(c.user()).contains("2");
        assertThat(c.security().seccompProfile()).contains("/etc/docker/strict.json");
        assertThat(c.security().noNewPrivileges()).contains(true);
        assertThat(c.security().raw()).containsExactly("seccomp=/etc/docker/strict.json", "no-new-privileges");
    }

    @Test
    void portSpecsAsDockerWritesThem() {
        assertThat(one("docker run -p 8080 nginx").ports()).containsExactly(new PortBinding("", 0, 8080, "tcp"));
        assertThat(one("docker run -p 127.0.0.1::53/udp dns").ports())
                .containsExactly(new PortBinding("127.0.0.1", 0, 53, "udp"));
        assertThat(one("docker run -p [::]:80:80 nginx").ports().get(0).allInterfaces()).isTrue();
        assertThat(one("docker run --publish=0.0.0.0:1000-1001:2000-2001 nginx").ports()).containsExactly(
                new PortBinding("0.0.0.0", 1000, 2000, "tcp"), new PortBinding("0.0.0.0", 1001, 2001, "tcp"));
        assertThat(problem("docker run -p 1-3:1-2 nginx").reason()).contains("ranges differ");
        assertThat(one("docker run -p published=8080,target=80,protocol=udp,mode=host nginx").ports())
                .containsExactly(new PortBinding("", 8080, 80, "udp"));
        assertThat(one("docker run --publish target=443 nginx").ports())
                .containsExactly(new PortBinding("", 0, 443, "tcp"));
        assertThat(problem("docker run -p target=80,colour=red nginx").reason()).contains("invalid publish option");
    }

    @Test
    void mountFlagInAllItsForms() {
        assertThat(one("docker run --mount type=bind,source=/etc,target=/host/etc,readonly=true,"
                + "bind-propagation=rslave x").mounts())
                .containsExactly(new Mount("bind", "/etc", "/host/etc", false, "rslave"));
        assertThat(one("docker run --mount type=tmpfs,dst=/scratch,tmpfs-size=64m x").mounts())
                .containsExactly(new Mount("tmpfs", "", "/scratch", true, ""));
        assertThat(one("docker run --mount '\"src=/a,b\",dst=/c' x").mounts())
                .containsExactly(new Mount("volume", "/a,b", "/c", true, ""));
        assertThat(problem("docker run --mount type=bind,dst=/x,colour=blue x").reason())
                .contains("unexpected key 'colour'");
    }

    @Test
    void memorySizesCpusAndHealth() {
        assertThat(one("docker run -m 512m x").resources().memoryBytes()).hasValue(512L << 20);
        assertThat(one("docker run --memory 1.5g x").resources().memoryBytes()).hasValue(3L << 29);
        assertThat(one("docker run --memory 1048576 x").resources().memoryBytes()).hasValue(1L << 20);
        assertThat(one("docker run --cpus 1.5 x").resources().nanoCpus()).hasValue(1_500_000_000L);
        assertThat(one("docker run --pids-limit -1 x").resources().pidsLimit()).isEmpty();
        assertThat(problem("docker run --no-healthcheck --health-cmd true x").where()).isEqualTo("--no-healthcheck");
    }

    @Test
    void dockerGlobalOptionsAndPrefixesAreSkipped() {
        RunConfig c = one("sudo -E FOO=bar /usr/bin/docker -H unix:///run/docker.sock --log-level=warn "
                + "container run --network=none alpine");
        assertThat(c.namespaces().network()).isEqualTo("none");
        assertThat(problem("docker --bogus run alpine").where()).isEqualTo("--bogus");
        Loaded<RunConfig> others = DockerRunParser.parse("x", "docker --version\ndocker --frobnicate ps\ndocker run a");
        assertThat(others.problems()).isEmpty();
        assertThat(others.items()).hasSize(1);
    }

    @Test
    void shellQuotingEscapesAndContinuations() {
        RunConfig c = one("docker run --name \"my app\" --health-cmd \"echo \\\"hi\\\" \\$HOME\" \\\n  -v 'a b':/x alpine");
        assertThat(c.name()).isEqualTo("my app");
        assertThat(c.healthcheck().orElseThrow().test()).containsExactly("CMD-SHELL", "echo \"hi\" $HOME");
        assertThat(c.mounts()).containsExactly(new Mount("volume", "a b", "/x", true, ""));
        assertThat(one("docker run -v $(pwd)/data:/data alpine").mounts().get(0).source()).isEqualTo("$(pwd)/data");
        assertThat(problem("docker run --name 'open alpine").reason()).contains("unterminated single quote");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker ps", "echo docker run", "ls -la", ""})
    void aLineWithoutDockerRunIsAProblemWhenGivenAsTheCommandLine(String line) {
        assertThat(problem(line).reason()).isEqualTo("no docker run or docker create command found");
    }

    @Test
    void everyValueFlagConsumesItsValue() {
        RunConfig c = one("docker run -a stdout --add-host h:1.2.3.4 --annotation a=b --blkio-weight 10 --cidfile f "
                + "--cpu-period 1 --cpu-quota 1 --cpuset-cpus 0 --device-cgroup-rule 'c 1:3 mr' --dns 1.1.1.1 "
                + "--entrypoint sh --env-file .env --expose 80 --gpus all --group-add g -h host --ip 10.0.0.2 "
                + "--isolation default --label-file l -l a=b --link x --log-driver none --log-opt max-size=1m "
                + "--mac-address 02:42:ac:11:00:02 --memory-reservation 1m --memory-swap -1 --memory-swappiness 0 "
                + "--network-alias a --oom-score-adj 1 --platform linux/amd64 --pull always --runtime runc "
                + "--shm-size 64m --stop-signal TERM --stop-timeout 3 --storage-opt size=1G --sysctl a=b "
                + "--volume-driver local --volumes-from y -w /w --health-interval 5s --health-retries 3 "
                + "--detach-keys ctrl-x --init --rm --oom-kill-disable -P -q --sig-proxy=false image:1 cmd");
        assertThat(c.image()).contains("image:1");
    }
    @Test
    void anEndlessOrBinaryFileIsRefusedWithinBounds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(DockerRunParser.read(java.nio.file.Path.of("/dev/zero")).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("larger than"));
        java.nio.file.Path binary = java.nio.file.Files.write(dir.resolve("run.sh"), new byte[]{'d', (byte) 0xff, 0});
        assertThat(DockerRunParser.read(binary).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("not UTF-8 text"));
    }
    @Test
    void commandsInsideCommandSubstitutionsAreReadButNeverRun() {
        Loaded<RunConfig> loaded = DockerRunParser.parse("deploy.sh", """
                CID=$(docker run -d --privileged --name "$(hostname)-agent" agent:1)
                echo "started $(docker create --name "web" -p 80:80 nginx)"
                OLD=`docker run --rm --pid host tools:2 ps`
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(RunConfig::name)
                .containsExactly("$(hostname)-agent", "web", "tools:2");
        assertThat(loaded.items().get(0).privileged()).isTrue();
        assertThat(loaded.items().get(2).namespaces().pid()).isEqualTo("host");
    }

    @Test
    void deeplyNestedSubstitutionsDoNotOverflow() {
        String nested = "echo " + "$(".repeat(20_000) + ")".repeat(20_000);
        assertThat(DockerRunParser.parse("x", nested + "\ndocker run alpine").items()).hasSize(1);
    }
    @Test
    void windowsLineEndsKeepContinuations() {
        Loaded<RunConfig> loaded = DockerRunParser.parse("run.sh", "docker run \\\r\n  --privileged \\\r\n  alpine\r\n");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).singleElement().satisfies(c -> {
            assertThat(c.privileged()).isTrue();
            assertThat(c.image()).contains("alpine");
        });
    }
    @Test
    void commandsAfterShellKeywordsAndWrappers() {
        Loaded<RunConfig> loaded = DockerRunParser.parse("start.sh", """
                if ! docker run --name a alpine; then
                  nohup env DEBUG=1 docker run --name b alpine &
                else time docker run --name c alpine; fi
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("a", "b", "c");
    }
}

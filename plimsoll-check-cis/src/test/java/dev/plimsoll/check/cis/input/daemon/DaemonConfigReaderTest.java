package dev.plimsoll.check.cis.input.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonConfigReaderTest {
    private static Loaded<DaemonConfig> read(List<String> args, String json) {
        return DaemonConfigReader.of("test", List.of(new DaemonConfigReader.Args("docker.service", args)),
                Optional.ofNullable(json).map(j -> new DaemonConfigReader.JsonFile("/etc/docker/daemon.json", j)));
    }

    @Test
    void flagsParseAsPflagDoes() {
        DaemonConfig c = read(List.of("-H", "fd://", "-Htcp://0.0.0.0:2376", "--insecure-registry=a:5000",
                "--insecure-registry", "b:5000", "-D", "--icc=false", "--log-level", "warn", "-s=overlay2",
                "--default-ulimit", "nofile=100:200"), null).items().get(0);

        assertThat(c.hosts()).containsExactly("fd://", "tcp://0.0.0.0:2376");
        assertThat(c.list("insecure-registries")).containsExactly("a:5000", "b:5000");
        assertThat(c.bool("debug", false)).isTrue();
        assertThat(c.bool("icc", true)).isFalse();
        assertThat(c.text("storage-driver")).contains("overlay2");
        assertThat(c.list("default-ulimits")).containsExactly("nofile=100:200");
        assertThat(c.get("icc").orElseThrow().field()).isEqualTo("--icc");
    }

    @Test
    void debugSetsTheLogLevel() {
        assertThat(read(List.of(), "{\"debug\": true, \"log-level\": \"info\"}").items().get(0).logLevel())
                .isEqualTo("debug");
        assertThat(read(List.of(), "{\"log-level\": \"warn\"}").items().get(0).logLevel()).isEqualTo("warn");
        assertThat(read(List.of(), null).items().get(0).logLevel()).isEqualTo("info");
    }

    @Test
    void anOptionSetAsFlagAndKeyIsAProblem() {
        Loaded<DaemonConfig> loaded = read(List.of("-H", "fd://", "--debug"),
                "{\"hosts\": [\"tcp://0.0.0.0:2375\"], \"icc\": false}");

        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/etc/docker/daemon.json");
            assertThat(p.where()).isEqualTo("hosts (-H in docker.service)");
            assertThat(p.reason()).contains("dockerd refuses to start");
        });
        DaemonConfig c = loaded.items().get(0);
        assertThat(c.hosts()).containsExactly("fd://");
        assertThat(c.bool("icc", true)).isFalse();
    }

    @Test
    void unknownFlagsKeysAndArgumentsAreProblems() {
        Loaded<DaemonConfig> loaded = read(List.of("--icc=false", "--bogus", "-X", "extra"),
                "{\"no-such-key\": 1}");

        assertThat(loaded.problems()).extracting(InputProblem::where)
                .containsExactly("--bogus", "-X", "extra", "no-such-key");
    }

    @Test
    void unparseableJsonNamesTheLineAndNotTheContent() {
        Loaded<DaemonConfig> loaded = read(List.of(), "{\n  \"icc\": false,\n  \"x\": supersecretvalue\n}");

        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/etc/docker/daemon.json");
            assertThat(p.where()).startsWith("line 3");
            assertThat(p.reason()).startsWith("not valid JSON").doesNotContain("supersecretvalue");
        });
    }

    @Test
    void jsonValuesOfEveryShape() {
        DaemonConfig c = read(List.of(), """
                {"icc": false, "log-opts": {"max-size": "10m"}, "authorization-plugins": ["authz"],
                 "default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1, "Hard": 2}}, "cgroup-parent": ""}
                """).items().get(0);

        assertThat(c.list("log-opts")).containsExactly("max-size=10m");
        assertThat(c.list("authorization-plugins")).containsExactly("authz");
        assertThat(c.list("default-ulimits")).singleElement().asString().startsWith("nofile={");
        assertThat(c.text("cgroup-parent")).isEmpty();
    }

    @Test
    void dockerdIsRecognisedInExecStart() {
        assertThat(DaemonConfigReader.dockerdArguments(List.of("-/usr/bin/dockerd", "-D"))).contains(List.of("-D"));
        assertThat(DaemonConfigReader.dockerdArguments(List.of("/usr/bin/docker", "daemon", "-D")))
                .contains(List.of("-D"));
        assertThat(DaemonConfigReader.dockerdArguments(List.of("/usr/bin/containerd"))).isEmpty();
    }
}

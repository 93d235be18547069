package dev.plimsoll.check.cis.input.inspect;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DockerInspectReaderTest {
    private static Loaded<RunConfig> json(String text) {
        return DockerInspectReader.read("inspect.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryFieldOfTheCliArray() {
        Loaded<RunConfig> loaded = DockerInspectReader.read(Fixtures.path("inspect/two-containers.json"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).hasSize(2);
        RunConfig web = loaded.items().get(0);
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.image()).contains("nginx:1.25.5");
        assertThat(web.privileged()).isFalse();
        assertThat(web.capAdd()).containsExactly("NET_BIND_SERVICE", "CHOWN");
        assertThat(web.capDrop()).containsExactly("ALL");
        assertThat(web.user()).contains("101:101");
        assertThat(web.namespaces()).isEqualTo(new RunConfig.Namespaces("", "private", "", "bridge", "", "private"));
        assertThat(web.mounts()).containsExactly(
                new Mount("bind", "/srv/www", "/usr/share/nginx/html", false, ""),
                new Mount("volume", "webcache", "/var/cache/nginx", true, ""));
        assertThat(web.devices()).containsExactly(new Device("/dev/fuse", "/dev/fuse", "rwm"));
        assertThat(web.ports()).containsExactlyInAnyOrder(new PortBinding("", 443, 443, "tcp"),
                new PortBinding("127.0.0.1", 8080, 80, "tcp"));
        assertThat(web.resources().memoryBytes()).hasValue(512L * 1024 * 1024);
        assertThat(web.resources().cpuShares()).hasValue(512);
        assertThat(web.resources().nanoCpus()).hasValue(1_500_000_000L);
        assertThat(web.resources().pidsLimit()).hasValue(200);
        assertThat(web.ulimits()).containsExactly(new Ulimit("nofile", 1024, 2048));
        assertThat(web.security().noNewPrivileges()).contains(true);
        assertThat(web.security().seccompProfile()).contains("unconfined");
        assertThat(web.security().apparmorProfile()).contains("docker-nginx");
        assertThat(web.readOnlyRootfs()).isTrue();
        assertThat(web.tmpfs()).isEqualTo(Map.of("/run", "rw,noexec,nosuid,size=65536k", "/tmp", ""));
        assertThat(web.restart()).isEqualTo(new RestartPolicy("on-failure", 5));
        assertThat(web.healthcheck()).hasValueSatisfying(h -> assertThat(h.test())
                .containsExactly("CMD-SHELL", "curl -fsS http://localhost/ || exit 1"));
        assertThat(web.cgroupParent()).contains("/web.slice");
        assertThat(web.sourceOf(RunField.PRIVILEGED)).isEqualTo("HostConfig.Privileged");
        assertThat(web.sourceOf(RunField.PORTS)).isEqualTo("HostConfig.PortBindings");
        assertThat(web.sourceOf(RunField.IMAGE)).isEqualTo("Config.Image");
    }

    @Test
    void readsTheDangerousContainerAndNormalisesZeroAsUnset() {
        RunConfig monitor = DockerInspectReader.read(Fixtures.path("inspect/two-containers.json")).items().get(1);
        assertThat(monitor.privileged()).isTrue();
        assertThat(monitor.namespaces()).isEqualTo(new RunConfig.Namespaces("host", "host", "host", "host", "host",
                "host"));
        assertThat(monitor.mounts()).containsExactly(new Mount("bind", "/", "/host", true, "rshared"),
                new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, ""));
        // -P: nothing configured, the engine's choice is in NetworkSettings.Ports; exposed-only ports are null
        assertThat(monitor.ports()).containsExactly(new PortBinding("0.0.0.0", 32768, 9100, "tcp"));
        assertThat(monitor.sourceOf(RunField.PORTS)).isEqualTo("NetworkSettings.Ports");
        assertThat(monitor.resources()).isEqualTo(RunConfig.Resources.NONE);
        assertThat(monitor.security().selinuxOptions()).containsExactly("disable");
        assertThat(monitor.security().noNewPrivileges()).contains(false);
        assertThat(monitor.restart()).isEqualTo(new RestartPolicy("always", 0));
        assertThat(monitor.healthcheck()).hasValueSatisfying(h -> assertThat(h.disabled()).isTrue());
        assertThat(monitor.user()).isEmpty();
        assertThat(monitor.cgroupParent()).isEmpty();
        assertThat(monitor.capAdd()).isEmpty();
    }

    @Test
    void readsTheEngineApiBareObject() {
        Loaded<RunConfig> loaded = DockerInspectReader.read(Fixtures.path("inspect/engine-api-object.json"));
        assertThat(loaded.problems()).isEmpty();
        RunConfig db = loaded.items().get(0);
        assertThat(db.name()).isEqualTo("db");
        assertThat(db.image()).contains("postgres:16");
        assertThat(db.user()).contains("postgres");
        assertThat(db.namespaces().network()).isEmpty();
        assertThat(db.resources().pidsLimit()).isEqualTo(OptionalLong.empty());
        assertThat(db.restart()).isEqualTo(RestartPolicy.NONE);
        assertThat(db.ports()).isEmpty();
        // the environment (a password here) is not part of the model and must not surface anywhere
        assertThat(db.toString()).doesNotContain("hunter2");
    }

    @Test
    void oneMalformedContainerIsReportedByIndexAndTheOthersAreRead() {
        Loaded<RunConfig> loaded = DockerInspectReader.read(Fixtures.path("inspect/one-malformed.json"));
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("good-one", "also-good");
        assertThat(loaded.problems()).hasSize(2);
        InputProblem bad = loaded.problems().get(0);
        assertThat(bad.file()).endsWith("one-malformed.json");
        assertThat(bad.where()).isEqualTo("container [1] bad-one");
        assertThat(bad.reason()).contains("HostConfig.Privileged").contains("expected true or false");
        assertThat(loaded.problems().get(1).where()).isEqualTo("container [2]");
        assertThat(loaded.problems().get(1).reason()).contains("found a string");
    }

    @Test
    void unparseableJsonNamesLineAndColumn() {
        Loaded<RunConfig> loaded = DockerInspectReader.read(Fixtures.path("inspect/broken.json"));
        assertThat(loaded.items()).isEmpty();
        InputProblem problem = loaded.problems().get(0);
        assertThat(problem.file()).endsWith("broken.json");
        assertThat(problem.where()).startsWith("line 3, column ");
        assertThat(problem.reason()).startsWith("not valid JSON");
    }

    @Test
    void rejectsWhatIsNotInspectOutput() {
        assertThat(json("42").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("expected docker inspect output"));
        assertThat(json("").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("empty input"));
        assertThat(json("[]").items()).isEmpty();
        assertThat(json("[]").problems()).isEmpty();
    }

    @Test
    void fallsBackToHostConfigBindsAndMountsWithoutTopLevelMounts() {
        RunConfig c = json("""
                {"Name":"/c","HostConfig":{"Binds":["/etc:/host-etc:ro,rshared","data:/data"],
                 "Mounts":[{"Type":"tmpfs","Target":"/scratch","ReadOnly":false}]},"Config":{"Image":"x"}}
                """).items().get(0);
        assertThat(c.mounts()).containsExactly(new Mount("bind", "/etc", "/host-etc", false, "rshared"),
                new Mount("volume", "data", "/data", true, ""), new Mount("tmpfs", "", "/scratch", true, ""));
        assertThat(c.sourceOf(RunField.MOUNTS)).isEqualTo("HostConfig.Mounts");
    }

    @Test
    void anInvalidSecurityOptionIsAProblemNotASilentDefault() {
        Loaded<RunConfig> loaded = json("""
                [{"Name":"/c","HostConfig":{"SecurityOpt":["no-new-privileges=maybe"]}}]""");
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems().get(0).reason()).contains("\"maybe\" is not a boolean");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Loaded<RunConfig> loaded = json(deep);
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems().get(0).reason()).contains("nesting");
    }

    @Test
    void readsALargeArrayOfContainers() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"Name\":\"/c").append(i)
                    .append("\",\"HostConfig\":{\"Privileged\":").append(i % 2 == 0).append("}}");
        }
        Loaded<RunConfig> loaded = json(many.append("]").toString());
        assertThat(loaded.items()).hasSize(2000);
        assertThat(loaded.items().stream().filter(RunConfig::privileged)).hasSize(1000);
    }
    @Test
    void imageInspectOutputIsNotTakenForAContainer() {
        Loaded<RunConfig> loaded = json("""
                [{"Id":"sha256:abc","RepoTags":["nginx:1.25"],"Config":{"User":""},"RootFS":{"Type":"layers"}}]""");
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems().get(0).reason()).isEqualTo(
                "not a container (no HostConfig): this is an image's inspect output");
    }
    @Test
    void readsOneObjectPerLineAsFormatJsonPrintsThem() {
        Loaded<RunConfig> loaded = json("""
                {"Name":"/a","HostConfig":{"Privileged":true}}
                {"Name":"/b","HostConfig":{"Privileged":false}}
                [{"Name":"/c","HostConfig":{}}]
                {"Name":"/d"}
                """);
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("a", "b", "c");
        assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo(
                "container [3] d"));
    }
}

package dev.plimsoll.check.cis.input.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.host.HostRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigFromRootTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void withoutAUnitTheInitScriptsOptionsApply() throws IOException {
        write("/etc/default/docker", "DOCKER_OPTS=\"--icc=false -H tcp://0.0.0.0:2375\"\n");
        write("/etc/sysconfig/docker", "OPTIONS='--selinux-enabled --log-level=warn'\n");

        DaemonConfig c = DaemonConfigReader.read(HostRoot.open(root)).items().get(0);

        assertThat(c.bool("icc", true)).isFalse();
        assertThat(c.hosts()).containsExactly("tcp://0.0.0.0:2375");
        assertThat(c.bool("selinux-enabled", false)).isTrue();
        assertThat(c.get("log-level").orElseThrow().source()).isEqualTo("/etc/sysconfig/docker OPTIONS");
    }

    @Test
    void aUnitThatDoesNotUseTheEnvironmentFileIgnoresIt() throws IOException {
        write("/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd -H fd://\n");
        write("/etc/default/docker", "DOCKER_OPTS=\"--icc=false\"\n");

        DaemonConfig c = DaemonConfigReader.read(HostRoot.open(root)).items().get(0);

        assertThat(c.get("icc")).isEmpty();
        assertThat(c.hosts()).containsExactly("fd://");
    }

    @Test
    void theConfigFileFlagMovesDaemonJson() throws IOException {
        write("/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd"
                + " --config-file /srv/docker.json\n");
        write("/etc/docker/daemon.json", "{\"icc\": true}");
        write("/srv/docker.json", "{\"icc\": false}");

        Loaded<DaemonConfig> loaded = DaemonConfigReader.read(HostRoot.open(root));

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items().get(0).bool("icc", true)).isFalse();
        assertThat(loaded.items().get(0).sources()).containsExactly("/lib/systemd/system/docker.service",
                "/srv/docker.json");
    }

    @Test
    void aRequiredEnvironmentFileThatIsMissingIsAProblem() throws IOException {
        write("/lib/systemd/system/docker.service", "[Service]\nEnvironmentFile=/etc/sysconfig/docker\n"
                + "ExecStart=/usr/bin/dockerd $OPTIONS\n");

        Loaded<DaemonConfig> loaded = DaemonConfigReader.read(HostRoot.open(root));

        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/etc/sysconfig/docker");
            assertThat(p.reason()).contains("missing");
        });
    }
}

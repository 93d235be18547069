package dev.plimsoll.check.cis.input.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitsTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void dropInsResetAndReplaceExecStart() throws IOException {
        write("/usr/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd -H fd://\n"
                + "EnvironmentFile=-/etc/default/docker\n");
        write("/lib/systemd/system/docker.service", "[Service]\nExecStart=/old/dockerd\n");
        write("/etc/systemd/system/docker.service.d/20-flags.conf", "[Service]\nExecStart=\n"
                + "ExecStart=/usr/bin/dockerd \\\n  --icc=false\n");
        write("/run/systemd/system/docker.service.d/10-env.conf", "[Service]\nEnvironment=\"A=1 2\" B=3\n");
        write("/usr/lib/systemd/system/docker.service.d/20-flags.conf", "[Service]\nExecStart=/hidden\n");
        List<InputProblem> problems = new ArrayList<>();

        UnitFile unit = SystemdUnits.find(HostRoot.open(root), "docker.service", problems).orElseThrow();

        assertThat(unit.fragment()).isEqualTo("/usr/lib/systemd/system/docker.service");
        assertThat(unit.dropIns()).containsExactly("/run/systemd/system/docker.service.d/10-env.conf",
                "/etc/systemd/system/docker.service.d/20-flags.conf");
        // systemd replaces the backslash with a space, the line's own space stays
        assertThat(unit.execStart()).containsExactly("/usr/bin/dockerd  --icc=false");
        assertThat(unit.execStartSource()).isEqualTo("/etc/systemd/system/docker.service.d/20-flags.conf");
        assertThat(unit.environment()).containsExactly("A=1 2", "B=3");
        assertThat(unit.environmentFiles()).containsExactly("-/etc/default/docker");
        assertThat(problems).isEmpty();
    }

    @Test
    void aLinkToDevNullMasksTheUnit() throws IOException {
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Files.createSymbolicLink(root.resolve("etc/systemd/system/docker.service"), Path.of("/dev/null"));
        write("/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd\n");

        UnitFile unit = SystemdUnits.find(HostRoot.open(root), "docker.service", new ArrayList<>()).orElseThrow();

        assertThat(unit.masked()).isTrue();
        assertThat(unit.command()).isEmpty();
    }

    @Test
    void wordsAndVariablesExpandAsSystemdDoes() {
        Map<String, String> env = Map.of("DOCKER_OPTS", "--icc=false  -H tcp://0.0.0.0:2376", "ONE", "a b");

        assertThat(ExecWords.expand("/usr/bin/dockerd $DOCKER_OPTS --label=${ONE} \"--x=1 2\"", env))
                .containsExactly("/usr/bin/dockerd", "--icc=false", "-H", "tcp://0.0.0.0:2376", "--label=a b",
                        "--x=1 2");
        assertThat(EnvFile.parse("# c\nexport DOCKER_OPTS=\"--dns 8.8.8.8\"\nOPTIONS='--selinux-enabled'\nbad\n"))
                .containsExactly(Map.entry("DOCKER_OPTS", "--dns 8.8.8.8"), Map.entry("OPTIONS",
                        "--selinux-enabled"));
    }

    @Test
    void mountTablesAreUnescaped() {
        MountTable t = MountTable.parse("/proc/mounts", "/dev/sdb1 /var/lib/docker ext4 rw 0 0\n"
                + "/dev/sdc1 /srv/my\\040data ext4 rw 0 0\n# /dev/x /opt ext4\n");

        assertThat(t.isMountPoint("/var/lib/docker/")).isTrue();
        assertThat(t.isMountPoint("/srv/my data")).isTrue();
        assertThat(t.isMountPoint("/opt")).isFalse();
    }
}

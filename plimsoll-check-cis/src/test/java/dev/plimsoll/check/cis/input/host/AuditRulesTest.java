package dev.plimsoll.check.cis.input.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRulesTest {
    private static AuditRules of(String text) {
        return new AuditRules(AuditRules.parse("audit.rules", text), List.of("audit.rules"), List.of());
    }

    @Test
    void watchesMatchTheExactPathToken() {
        AuditRules rules = of("-w /usr/bin/dockerd-old -k docker\n-w /etc/docker/daemon.json -k docker\n");

        assertThat(rules.covering("/usr/bin/dockerd")).isEmpty();
        assertThat(rules.covering("/etc/docker")).isEmpty();
        assertThat(rules.covering("/etc/docker/daemon.json")).get().extracting(AuditRule::line).isEqualTo(2);
    }

    @Test
    void syscallRulesMatchPathAndDirFields() {
        AuditRules rules = of("""
                -a always,exit -F arch=b64 -F path=/usr/bin/runc -F perm=x -k docker
                -a exit,always -F dir=/var/lib/docker -F perm=wa
                """);

        assertThat(rules.covering("/usr/bin/runc")).isPresent();
        assertThat(rules.covering("/usr/bin/runc/x")).isEmpty();
        assertThat(rules.covering("/var/lib/docker/containers")).isPresent();
        assertThat(rules.covering("/var/lib/dockerfoo")).isEmpty();
    }

    @Test
    void directoryWatchesCoverWhatIsBelowThem() {
        AuditRules rules = of("-w /etc/docker/ -p wa\n");

        assertThat(rules.covering("/etc/docker")).isPresent();
        assertThat(rules.covering("/etc/docker/daemon.json")).isPresent();
        assertThat(rules.covering("/etc/dockerd")).isEmpty();
    }

    @Test
    void commentsDeletionsAndRemovalsCount() {
        AuditRules rules = of("""
                -w /etc/docker -k docker
                -D
                # -w /var/lib/docker -k docker
                -w /usr/bin/containerd
                -w /usr/bin/runc
                -W /usr/bin/runc
                """);

        assertThat(rules.covering("/etc/docker")).isEmpty();
        assertThat(rules.covering("/var/lib/docker")).isEmpty();
        assertThat(rules.covering("/usr/bin/runc")).isEmpty();
        assertThat(rules.covering("/usr/bin/containerd")).isPresent();
    }
}

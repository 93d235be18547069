package dev.plimsoll.check.cis.host;

import static dev.plimsoll.check.cis.CheckStatus.FAIL;
import static dev.plimsoll.check.cis.CheckStatus.INFO;
import static dev.plimsoll.check.cis.CheckStatus.NOTE;
import static dev.plimsoll.check.cis.CheckStatus.NOT_APPLICABLE;
import static dev.plimsoll.check.cis.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.AuditResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.input.host.HostRoot;
import dev.plimsoll.core.finding.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections 1, 2, 3, 6 and 7 on the two host roots {@link HostRootFixture} builds: the verdict of every check. */
class HostRootFixtureTest {
    @TempDir
    Path dir;

    @Test
    void hardenedHostPassesEveryAutomatableCheck() throws IOException {
        HostRootFixture fixture = HostRootFixture.build(dir, HostRootFixture.Variant.HARDENED);
        Loaded<TargetAudit> audit = HostAudit.audit(HostRoot.open(fixture.root()));

        assertThat(audit.problems()).isEmpty();
        Map<String, CheckStatus> expected = new TreeMap<>();
        expected.put("1.1.1", PASS);
        expected.put("1.1.2", INFO);
        for (int i = 3; i <= 18; i++) {
            expected.put("1.1." + i, PASS);
        }
        expected.put("1.2.1", NOTE);
        expected.put("1.2.2", NOTE);
        expected.put("2.1", NOTE);
        for (int i = 2; i <= 18; i++) {
            expected.put("2." + i, PASS);
        }
        for (int i = 1; i <= 24; i++) {
            expected.put("3." + i, PASS);
        }
        // without root the fixture cannot give docker.sock the docker group (see HostRootFixture)
        expected.put("3.15", fixture.chownWorks() ? PASS : FAIL);
        expected.put("6.1", NOTE);
        expected.put("6.2", NOTE);
        for (int i = 1; i <= 9; i++) {
            expected.put("7." + i, NOT_APPLICABLE);
        }
        assertThat(statuses(audit)).isEqualTo(expected);
    }

    @Test
    void carelessHostFailsThem() throws IOException {
        HostRootFixture fixture = HostRootFixture.build(dir, HostRootFixture.Variant.CARELESS);
        Loaded<TargetAudit> audit = HostAudit.audit(HostRoot.open(fixture.root()));

        // owners set by chown only when the tests run as root (see HostRootFixture)
        CheckStatus wrongOwner = fixture.chownWorks() ? FAIL : PASS;
        Map<String, CheckStatus> expected = new TreeMap<>();
        expected.put("1.1.1", FAIL);
        expected.put("1.1.2", INFO);
        for (int i = 3; i <= 18; i++) {
            expected.put("1.1." + i, FAIL);
        }
        expected.put("1.1.8", NOT_APPLICABLE);   // no containerd.sock
        expected.put("1.1.11", PASS);            // the one exact rule
        expected.put("1.1.13", NOT_APPLICABLE);  // no /etc/sysconfig/docker
        expected.put("1.2.1", NOTE);
        expected.put("1.2.2", NOTE);
        expected.put("2.1", NOTE);
        for (int i = 2; i <= 18; i++) {
            expected.put("2." + i, FAIL);
        }
        expected.put("2.8", INFO);
        expected.putAll(Map.of("3.1", wrongOwner, "3.2", FAIL, "3.3", PASS, "3.4", FAIL, "3.5", PASS, "3.6", FAIL,
                "3.7", wrongOwner, "3.8", FAIL, "3.9", PASS, "3.10", FAIL));
        expected.putAll(Map.of("3.11", wrongOwner, "3.12", PASS, "3.13", PASS, "3.14", FAIL, "3.15", FAIL,
                "3.16", FAIL, "3.17", PASS, "3.18", FAIL, "3.19", PASS, "3.20", FAIL));
        expected.putAll(Map.of("3.21", NOT_APPLICABLE, "3.22", NOT_APPLICABLE, "3.23", NOT_APPLICABLE,
                "3.24", NOT_APPLICABLE));
        expected.put("6.1", NOTE);
        expected.put("6.2", NOTE);
        expected.putAll(Map.of("7.1", NOTE, "7.2", FAIL, "7.3", NOTE, "7.4", NOTE, "7.5", FAIL, "7.6", NOTE,
                "7.7", NOTE, "7.8", NOTE, "7.9", INFO));
        assertThat(statuses(audit)).isEqualTo(expected);

        assertThat(audit.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/etc/docker/daemon.json");
            assertThat(p.where()).contains("icc").contains("--icc");
            assertThat(p.reason()).contains("both as a flag and in the configuration file");
        });
    }

    @Test
    void targetsAreTheHostTheDaemonAndTheFiles() throws IOException {
        HostRootFixture fixture = HostRootFixture.build(dir, HostRootFixture.Variant.HARDENED);
        HostRoot root = HostRoot.open(fixture.root());
        Loaded<TargetAudit> audit = HostAudit.audit(root);

        assertThat(audit.items()).extracting(TargetAudit::target).containsExactly(
                new Target(Target.Kind.HOST, root.name()),
                new Target(Target.Kind.HOST, "dockerd on " + root.name()),
                new Target(Target.Kind.FILESYSTEM, root.name()));
    }

    @Test
    void evidenceNamesTheFileFieldAndValue() throws IOException {
        HostRootFixture fixture = HostRootFixture.build(dir, HostRootFixture.Variant.CARELESS);
        Map<String, AuditResult> byId = results(HostAudit.audit(HostRoot.open(fixture.root())));

        // docker-bench-security passes this one: 606 is numerically below 644
        assertThat(byId.get("3.2").result().evidence()).containsExactly(
                new Evidence("/lib/systemd/system/docker.service", "mode", "606"));
        assertThat(byId.get("3.16").result().evidence()).containsExactly(
                new Evidence("/var/run/docker.sock -> /run/docker.sock", "mode", "666"));
        assertThat(byId.get("2.3").result().evidence()).containsExactly(
                new Evidence("/etc/docker/daemon.json", "debug", "true"));
        assertThat(byId.get("2.16").result().evidence()).containsExactly(
                new Evidence("/lib/systemd/system/docker.service", "--userland-proxy", "true"));
        assertThat(byId.get("1.1.11").result().evidence()).containsExactly(
                new Evidence("/etc/audit/audit.rules:3", "audit rule", "-w /etc/docker/daemon.json -k docker"));
    }

    @Test
    void certificateLinksOutOfTheRootAreNotFollowed() throws IOException {
        HostRootFixture fixture = HostRootFixture.build(dir, HostRootFixture.Variant.HARDENED);
        Map<String, AuditResult> byId = results(HostAudit.audit(HostRoot.open(fixture.root())));

        // the decoys outside the root are 0666: had a link been followed out, 3.8 would fail
        assertThat(byId.get("3.8").result().status()).isEqualTo(PASS);
        assertThat(byId.get("3.8").result().evidence()).extracting(Evidence::source).containsExactly(
                "/etc/docker/certs.d/registry.example:5000/ca.crt",
                "/etc/docker/certs.d/registry.example:5000/client.cert");
    }

    @Test
    void aRootWithoutDockerHasNoDaemonToAudit() throws IOException {
        HostRoot root = HostRoot.open(java.nio.file.Files.createDirectories(dir.resolve("empty")));
        Loaded<TargetAudit> audit = HostAudit.audit(root);

        assertThat(audit.problems()).isEmpty();
        assertThat(audit.items()).extracting(TargetAudit::target).containsExactly(
                new Target(Target.Kind.HOST, root.name()), new Target(Target.Kind.FILESYSTEM, root.name()));
        Map<String, CheckStatus> statuses = statuses(audit);
        assertThat(statuses.get("1.1.1")).isEqualTo(NOT_APPLICABLE);
        assertThat(statuses).allSatisfy((id, status) -> assertThat(status).as(id).isIn(NOT_APPLICABLE, NOTE));
    }

    private static Map<String, CheckStatus> statuses(Loaded<TargetAudit> audit) {
        Map<String, CheckStatus> out = new TreeMap<>();
        results(audit).forEach((id, r) -> out.put(id, r.result().status()));
        return out;
    }

    private static Map<String, AuditResult> results(Loaded<TargetAudit> audit) {
        Map<String, AuditResult> out = new LinkedHashMap<>();
        for (TargetAudit t : audit.items()) {
            for (AuditResult r : t.results()) {
                assertThat(out.put(r.check().id(), r)).as("check %s evaluated twice", r.check().id()).isNull();
            }
        }
        return out;
    }
}

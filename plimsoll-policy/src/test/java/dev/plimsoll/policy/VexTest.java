package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(VexTest.class.getResource("/vex/" + name).toURI());
    }

    static PolicyResult apply(Vex vex, List<Finding> findings) {
        return new PolicyEvaluator(Policy.DEFAULT.withThreshold(Severity.LOW), Optional.empty(), List.of(vex))
                .apply(findings, v -> false, PolicyEvaluatorTest.TODAY);
    }

    @Test
    void openVexNotAffectedAndFixedSuppressWithTheirJustification() throws Exception {
        Vex vex = Vex.read(resource("openvex.json"));
        PolicyResult r = apply(vex, PolicyEvaluatorTest.ALL);

        assertThat(PolicyEvaluatorTest.ids(r.reported())).containsExactly("CVE-2023-45853", "DL3002");
        assertThat(r.suppressed()).extracting(PolicyResult.Suppressed::detail).containsExactly(
                "not_affected: vulnerable_code_not_in_execute_path JndiLookup.class removed from the jar ("
                        + resource("openvex.json") + ")",
                "fixed (" + resource("openvex.json") + ")");
        assertThat(r.count(PolicyResult.Suppressed.Why.VEX)).isEqualTo(2);
    }

    @Test
    void aStatementAboutAnotherVersionOrPackageDoesNotApply() throws Exception {
        Vex vex = Vex.read(resource("openvex.json"));
        Finding otherVersion = Findings.vuln("CVE-2021-44228", Severity.CRITICAL,
                "org.apache.logging.log4j:log4j-core", "2.15.0", Ecosystem.MAVEN, "/x.jar", FixStatus.FIXED);
        Finding otherPackage = Findings.vuln("CVE-2021-23337", Severity.HIGH, "lodash-es", "4.17.15",
                Ecosystem.NPM, "/p", FixStatus.FIXED);
        // the statement names the versionless pkg:npm/lodash: every lodash version
        Finding anyLodash = Findings.vuln("CVE-2021-23337", Severity.HIGH, "lodash", "4.0.0", Ecosystem.NPM, "/p",
                FixStatus.FIXED);

        assertThat(apply(vex, List.of(otherVersion, otherPackage, anyLodash)).reported())
                .containsExactly(otherVersion, otherPackage);
    }

    @Test
    void cycloneDxVexByBomRefOrPurlAndByAlias() throws Exception {
        Vex vex = Vex.read(resource("cyclonedx-vex.json"));
        PolicyResult r = apply(vex, PolicyEvaluatorTest.ALL);

        assertThat(PolicyEvaluatorTest.ids(r.reported())).containsExactly("CVE-2023-45853", "DL3002");
        assertThat(r.suppressed()).extracting(PolicyResult.Suppressed::detail).first().asString()
                .startsWith("not_affected: code_not_reachable message lookups disabled");
    }

    @Test
    void whatIsNotVexIsRefused() throws IOException {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"hello\": 1}");
        assertThatThrownBy(() -> Vex.read(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("neither an OpenVEX document");
        Files.writeString(f, "{\"statements\": [{\"vulnerability\": {\"name\": \"CVE-1\"}}]}");
        assertThatThrownBy(() -> Vex.read(f)).hasMessageContaining("statements[0] has no status");
        Files.writeString(f, "{\"statements\": [");
        assertThatThrownBy(() -> Vex.read(f)).hasMessageContaining("x.json:1: not valid JSON");
    }
}

package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReporterTest {
    private final JUnitReporter reporter = new JUnitReporter();

    static Stream<Arguments> scenarios() {
        return Stream.concat(Scenarios.all(), Stream.of(Arguments.of("hostile-lockfiles",
                (Supplier<Report>) FindingScans::hostileLockfiles)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validatesAgainstTheAntJUnitSchema(String name, Supplier<Report> scenario) {
        byte[] xml = Scenarios.render(reporter, scenario.get());

        assertThat(JUnitXml.errors(xml)).isEmpty();
    }

    @Test
    void theSchemaIsNotVacuous() {
        String xml = new String(Scenarios.render(reporter, SampleScans.debianImage()), StandardCharsets.UTF_8);

        assertThat(JUnitXml.errors(xml.replaceFirst(" hostname=\"localhost\"", "")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(JUnitXml.errors(xml.replaceFirst("<failure ", "<failure bogus=\"1\" ")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void countsMatchTheTestcases(String name, Supplier<Report> scenario) {
        Document doc = JUnitXml.parse(Scenarios.render(reporter, scenario.get()));

        List<Element> suites = JUnitXml.elements(doc.getDocumentElement(), "testsuite");
        assertThat(suites).isNotEmpty();
        for (int i = 0; i < suites.size(); i++) {
            Element suite = suites.get(i);
            List<Element> cases = JUnitXml.elements(suite, "testcase");
            assertThat(suite.getAttribute("id")).isEqualTo(Integer.toString(i));
            assertThat(suite.getAttribute("tests")).as("tests").isEqualTo(Integer.toString(cases.size()));
            assertThat(suite.getAttribute("failures")).as("failures")
                    .isEqualTo(Integer.toString(JUnitXml.elements(suite, "failure").size()));
            assertThat(suite.getAttribute("errors")).as("errors")
                    .isEqualTo(Integer.toString(JUnitXml.elements(suite, "error").size()));
            assertThat(suite.getAttribute("skipped")).as("skipped")
                    .isEqualTo(Integer.toString(JUnitXml.elements(suite, "skipped").size()));
            assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-01-31T12:34:56");
        }
    }

    @Test
    void oneSuitePerGroupAndOneFailurePerFinding() {
        Document doc = JUnitXml.parse(Scenarios.render(reporter, SampleScans.debianImage()));

        List<Element> suites = JUnitXml.elements(doc.getDocumentElement(), "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(
                "OS packages (Debian GNU/Linux 12 (bookworm))", "Compliance", "Misconfigurations", "Secrets",
                "Scan problems");
        assertThat(JUnitXml.elements(suites.get(0), "testcase")).extracting(
                c -> c.getAttribute("name") + " " + c.getAttribute("classname")).containsExactly(
                "[CRITICAL] CVE-2024-5535 libssl3@3.0.15-1~deb12u1", "[MEDIUM] CVE-2023-45853 zlib1g@1:1.2.13.dfsg-1");
        Element failure = JUnitXml.elements(suites.get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("openssl: SSL_select_next_proto buffer overread");
        assertThat(failure.getAttribute("type")).isEqualTo("vulnerability");
        assertThat(failure.getTextContent()).contains("Package: libssl3 3.0.15-1~deb12u1 (deb)")
                .contains("Fixed in: 3.0.16-1~deb12u1").contains("Known exploited");
        assertThat(JUnitXml.elements(doc.getDocumentElement(), "failure")).hasSize(5);
        assertThat(JUnitXml.elements(suites.get(4), "error")).extracting(e -> e.getAttribute("type"))
                .containsExactly("MALFORMED_FILE", "LIMIT_EXCEEDED");
    }

    @Test
    void aPackageGroupWithNothingFoundIsOnePassingTestcase() {
        Document doc = JUnitXml.parse(Scenarios.render(reporter, SampleScans.alpineImage()));

        Element suite = JUnitXml.elements(doc.getDocumentElement(), "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("OS packages (Alpine Linux v3.20)");
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        Element testcase = JUnitXml.elements(suite, "testcase").get(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("no known vulnerabilities");
        assertThat(testcase.getChildNodes().getLength()).isZero();
    }

    @Test
    void aScanWithNothingAtAllIsStillOnePassingTest() {
        Target target = new Target(Target.Kind.FILESYSTEM, "/empty");
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(), List.of());
        Report report = new Report(new ScanResult(target, inventory, List.of(), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
        byte[] xml = Scenarios.render(reporter, report);

        assertThat(JUnitXml.errors(xml)).isEmpty();
        Document doc = JUnitXml.parse(xml);
        assertThat(JUnitXml.elements(doc.getDocumentElement(), "testcase")).singleElement()
                .satisfies(c -> assertThat(c.getAttribute("name")).isEqualTo("no findings"));
    }

    @Test
    void lockfilesAreSuitesOfTheirOwnAndComplianceOutcomesMap() {
        Document doc = JUnitXml.parse(Scenarios.render(reporter, FindingScans.hostileLockfiles()));

        List<Element> suites = JUnitXml.elements(doc.getDocumentElement(), "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(
                "/app/package-lock.json (npm)", "/app/requirements.txt (pypi)", "Compliance", "Misconfigurations",
                "Secrets", "Scan problems");
        Element compliance = suites.get(2);
        assertThat(compliance.getAttribute("tests")).isEqualTo("2");
        assertThat(compliance.getAttribute("failures")).isEqualTo("0");
        assertThat(compliance.getAttribute("skipped")).isEqualTo("1");
        assertThat(JUnitXml.elements(suites.get(4), "testcase").get(0).getAttribute("classname"))
                .isEqualTo("app/config dir/secrets ü.env:7");
    }

    @Test
    void untrustedTextIsCleanedAndEscaped() {
        byte[] bytes = Scenarios.render(reporter, FindingScans.hostileLockfiles());
        String xml = new String(bytes, StandardCharsets.UTF_8);

        assertThat(xml.codePoints()).noneMatch(cp -> cp != '\n' && UntrustedText.unsafe(cp));
        assertThat(xml).doesNotContain("\u202E").doesNotContain("</script>").doesNotContain("<b>")
                .contains("&lt;/script&gt;");
        Document doc = JUnitXml.parse(bytes);
        List<String> messages = new ArrayList<>();
        JUnitXml.elements(doc.getDocumentElement(), "failure").forEach(f -> messages.add(f.getAttribute("message")));
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .startsWith("evil\uFFFD[2J\uFFFD]0;pwned\uFFFD </script><script>alert(1)</script> a|b")
                .contains("line2\uFFFDgnp.exe").doesNotContain("\n"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("very long title").hasSizeLessThanOrEqualTo(1000)
                .endsWith("\u2026"));
    }
}

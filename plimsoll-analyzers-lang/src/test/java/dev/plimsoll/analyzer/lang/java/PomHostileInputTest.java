package dev.plimsoll.analyzer.lang.java;

import static dev.plimsoll.analyzer.lang.java.PomAnalyzerTest.dependency;
import static dev.plimsoll.analyzer.lang.java.PomAnalyzerTest.pom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken pom.xml files: each is a problem naming the file, nothing outside the file is ever opened, and
 * the other poms of the scan are still read.
 */
class PomHostileInputTest {
    private static final String GOOD = pom("<groupId>g</groupId><artifactId>good</artifactId><version>1</version>"
            + "<dependencies>" + dependency("org.apache.commons", "commons-text", "1.9") + "</dependencies>");

    private static AnalyzerHarness.Run withGoodPom(String path, byte[] hostile) {
        return PomAnalyzerTest.run(AnalyzerHarness.layer().file("/good/pom.xml", GOOD).file(path, hostile));
    }

    private static AnalyzerHarness.Run withGoodPom(String path, String hostile) {
        return withGoodPom(path, hostile.getBytes(StandardCharsets.UTF_8));
    }

    private static void onlyTheGoodPomsPackage(AnalyzerHarness.Run run) {
        assertThat(run.output().packages()).extracting(Package::name, Package::version)
                .containsExactly(tuple("org.apache.commons:commons-text", "1.9"));
    }

    @Test
    void externalEntitiesAndDtdsAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "4.5.6-SECRET");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak \"9.9.9-FETCHED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String http = "http://127.0.0.1:" + server.getAddress().getPort();
            String body = "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>x</artifactId>"
                    + "<version>1</version><dependencies>" + dependency("d", "x", "&xxe;") + "</dependencies></project>";
            String fileEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [\n<!ENTITY xxe SYSTEM \""
                    + secret.toUri() + "\">\n]>\n" + body;
            String httpEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [\n<!ENTITY xxe SYSTEM \"" + http
                    + "/entity\">\n]>\n" + body;
            String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [\n<!ENTITY % remote SYSTEM \""
                    + http + "/dtd\">\n%remote;\n]>\n" + body.replace("&xxe;", "&leak;");
            String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE project SYSTEM \"" + http + "/project.dtd\">\n"
                    + body.replace("&xxe;", "&leak;");
            AnalyzerHarness.Run run = PomAnalyzerTest.run(AnalyzerHarness.layer().file("/good/pom.xml", GOOD)
                    .file("/a/pom.xml", fileEntity).file("/b/pom.xml", httpEntity)
                    .file("/c/pom.xml", parameterEntity).file("/d/pom.xml", externalDtd));

            assertThat(requests).hasValue(0);
            onlyTheGoodPomsPackage(run);
            assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow(),
                    ScanProblem::message).containsExactly(
                    tuple(ProblemKind.MALFORMED_FILE, "/a/pom.xml", "line 4: a DOCTYPE declaration: POMs have none,"
                            + " and DTDs and the entities they declare are not read; its dependencies are not read"),
                    tuple(ProblemKind.MALFORMED_FILE, "/b/pom.xml", "line 4: a DOCTYPE declaration: POMs have none,"
                            + " and DTDs and the entities they declare are not read; its dependencies are not read"),
                    tuple(ProblemKind.MALFORMED_FILE, "/c/pom.xml", "line 5: a DOCTYPE declaration: POMs have none,"
                            + " and DTDs and the entities they declare are not read; its dependencies are not read"),
                    tuple(ProblemKind.MALFORMED_FILE, "/d/pom.xml", "line 2: a DOCTYPE declaration: POMs have none,"
                            + " and DTDs and the entities they declare are not read; its dependencies are not read"));
            assertThat(run.output().toString()).doesNotContain("SECRET").doesNotContain("FETCHED");

            // Below the DOCTYPE check, the JDK's reader as configured resolves nothing either.
            for (String document : List.of(fileEntity, httpEntity, parameterEntity, externalDtd)) {
                StringBuilder text = new StringBuilder();
                XMLStreamReader reader = PomReader.factory().createXMLStreamReader(new StringReader(document));
                assertThatThrownBy(() -> {
                    while (reader.hasNext()) {
                        if (reader.next() == XMLStreamConstants.CHARACTERS) {
                            text.append(reader.getText());
                        }
                    }
                }).isInstanceOf(XMLStreamException.class).hasMessageContaining("was referenced, but not declared");
                assertThat(text.toString()).doesNotContain("SECRET").doesNotContain("FETCHED");
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE project [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        AnalyzerHarness.Run run = withGoodPom("/bomb/pom.xml", "<?xml version=\"1.0\"?>\n" + dtd
                + pom("<groupId>g</groupId><artifactId>b</artifactId><version>&lol9;</version>"));

        onlyTheGoodPomsPackage(run);
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).contains("/bomb/pom.xml");
            assertThat(p.message()).startsWith("line 13: a DOCTYPE declaration");
        });
    }

    @Test
    void entityReferencesWithoutADtd() {
        AnalyzerHarness.Run run = withGoodPom("/e/pom.xml", pom("<groupId>g</groupId><artifactId>e</artifactId>"
                + "<version>&undeclared;</version>"));

        onlyTheGoodPomsPackage(run);
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.path()).contains("/e/pom.xml");
            assertThat(p.message()).startsWith("line 2: not well-formed XML: ").contains("undeclared");
        });
    }

    @Test
    void malformedXmlNamesTheLine() {
        AnalyzerHarness.Run run = PomAnalyzerTest.run(AnalyzerHarness.layer().file("/good/pom.xml", GOOD)
                .file("/unclosed/pom.xml", "<project>\n<dependencies>\n<dependency>\n</project>\n")
                .file("/empty/pom.xml", "")
                .file("/text/pom.xml", "just some text")
                .file("/html/pom.xml", "<html><body>pom</body></html>")
                .file("/binary/pom.xml", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 1, 2, 3}));

        onlyTheGoodPomsPackage(run);
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::kind)
                .containsExactly(tuple("/binary/pom.xml", ProblemKind.MALFORMED_FILE),
                        tuple("/empty/pom.xml", ProblemKind.MALFORMED_FILE),
                        tuple("/html/pom.xml", ProblemKind.MALFORMED_FILE),
                        tuple("/text/pom.xml", ProblemKind.MALFORMED_FILE),
                        tuple("/unclosed/pom.xml", ProblemKind.MALFORMED_FILE));
        assertThat(run.output().problems()).extracting(ScanProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("line 1: not well-formed XML: "),
                m -> assertThat(m).contains("not well-formed XML: "),
                m -> assertThat(m).isEqualTo("line 1: the root element is <html>, not <project>: not a POM; its"
                        + " dependencies are not read"),
                m -> assertThat(m).startsWith("line 1: not well-formed XML: "),
                m -> assertThat(m).startsWith("line 4: not well-formed XML: ").contains("dependency"));
    }

    @Test
    void encodingsFromTheByteOrderMarkOrTheDeclaration() {
        String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + pom("<!-- Jos\u00e9 -->"
                + "<groupId>g</groupId><artifactId>l</artifactId><version>1</version><dependencies>"
                + dependency("d", "latin", "1.0") + "</dependencies>");
        String utf16 = "\uFEFF" + pom("<groupId>g</groupId><artifactId>u</artifactId><version>1</version>"
                + "<dependencies>" + dependency("d", "utf16", "2.0") + "</dependencies>");
        // Declared UTF-8, but a Latin-1 byte in a comment: replaced, not fatal.
        byte[] badByte = pom("<!-- Jos\u00e9 --><groupId>g</groupId><artifactId>b</artifactId><version>1</version>"
                + "<dependencies>" + dependency("d", "bad-byte", "3.0") + "</dependencies>")
                .getBytes(StandardCharsets.ISO_8859_1);
        AnalyzerHarness.Run run = PomAnalyzerTest.run(AnalyzerHarness.layer()
                .file("/l/pom.xml", latin1.getBytes(StandardCharsets.ISO_8859_1))
                .file("/u/pom.xml", utf16.getBytes(StandardCharsets.UTF_16LE))
                .file("/b/pom.xml", badByte)
                .file("/x/pom.xml", "<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?>" + GOOD));

        assertThat(run.output().packages()).extracting(Package::name, Package::version).containsExactly(
                tuple("d:bad-byte", "3.0"), tuple("d:latin", "1.0"), tuple("d:utf16", "2.0"));
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::message)
                .containsExactly(tuple("/x/pom.xml", "line 1: the encoding X-NO-SUCH is not supported; its"
                        + " dependencies are not read"));
    }

    @Test
    void sizeDepthAndCountBounds() {
        // Beyond the interests' bound: the walk does not deliver it (the engine reports it), the rest is read.
        byte[] huge = new byte[(int) PomAnalyzer.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        AnalyzerHarness.Run tooLarge = withGoodPom("/huge/pom.xml", huge);
        assertThat(tooLarge.tooLarge()).containsExactly("/huge/pom.xml@0");
        onlyTheGoodPomsPackage(tooLarge);
        assertThat(tooLarge.output().problems()).isEmpty();

        String longValue = pom("<properties><v>" + "1".repeat(PomReader.MAX_VALUE_CHARS + 1) + "</v></properties>");
        String deep = pom("<build>" + "<a>".repeat(PomReader.MAX_DEPTH) + "</a>".repeat(PomReader.MAX_DEPTH)
                + "</build>");
        String many = pom("<build>" + "<x/>".repeat(PomReader.MAX_ELEMENTS) + "</build>");
        AnalyzerHarness.Run run = PomAnalyzerTest.run(AnalyzerHarness.layer().file("/good/pom.xml", GOOD)
                .file("/long/pom.xml", longValue).file("/deep/pom.xml", deep).file("/many/pom.xml", many));

        onlyTheGoodPomsPackage(run);
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::kind,
                ScanProblem::message).containsExactly(
                tuple("/deep/pom.xml", ProblemKind.LIMIT_EXCEEDED, "line 2: elements nested more than "
                        + PomReader.MAX_DEPTH + " deep; not read; its dependencies are not read"),
                tuple("/long/pom.xml", ProblemKind.LIMIT_EXCEEDED, "line 2: a value longer than "
                        + PomReader.MAX_VALUE_CHARS + " characters; not read; its dependencies are not read"),
                tuple("/many/pom.xml", ProblemKind.LIMIT_EXCEEDED, "line 2: more than " + PomReader.MAX_ELEMENTS
                        + " elements; not read; its dependencies are not read"));
    }
}

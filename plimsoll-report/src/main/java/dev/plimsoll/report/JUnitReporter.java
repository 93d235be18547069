package dev.plimsoll.report;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the test report format Jenkins, GitLab, Azure Pipelines and most CI servers display, in the shape of the
 * Ant JUnit schema they all read ({@code testsuites/testsuite/testcase}).
 *
 * <ul>
 *   <li>One testsuite per group of findings ({@link FindingGroups}): the OS packages, each lockfile, manifest or
 *       archive, and each other kind of check; one testcase per finding, with a {@code failure} whose message is the
 *       title and whose text gives the package, versions, fix, location and references.</li>
 *   <li>A package group with nothing found is a suite with one passing testcase, so CI shows what was checked and
 *       that it passed (Jenkins' junit step also fails a build whose reports hold no test at all). A scan with
 *       neither packages nor findings is one suite with one passing testcase.</li>
 *   <li>A compliance control that passed or is informational is a passing testcase; one that needs a person's review
 *       is skipped.</li>
 *   <li>An incomplete scan adds a last suite, "Scan problems", with one testcase in {@code error} per problem: CI
 *       shows that packages or findings may be missing.</li>
 * </ul>
 * Written with the JDK's own StAX writer, which escapes markup; text is cleaned first ({@link UntrustedText}), so
 * nothing XML 1.0 forbids is written. Times are the report's; there is no duration, so every {@code time} is 0, and
 * the host is "localhost", as the schema asks when the real one is not to be recorded.
 */
public final class JUnitReporter implements Reporter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MESSAGE_LIMIT = 1000;
    private static final int DETAILS_LIMIT = 20_000;

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        // Not closed: the caller owns the stream. The JDK's factory, not whichever StAX provider is on the class
        // path, so that the bytes do not depend on it.
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
            new Document(x, report).write();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        writer.write('\n');
        writer.flush();
    }

    /** A suite as written: a name, properties, and testcases. */
    private record Suite(String name, List<Property> properties, List<Case> cases) {
        long count(Outcome outcome) {
            return cases.stream().filter(c -> c.outcome() == outcome).count();
        }
    }

    private record Property(String name, String value) {
    }

    private enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    /** A testcase; {@code message}, {@code type} and {@code details} are empty when it passed. */
    private record Case(String name, String classname, Outcome outcome, String message, String type,
                        String details) {
        static Case passed(String name, String classname) {
            return new Case(name, classname, Outcome.PASSED, "", "", "");
        }
    }

    /** One report's document. */
    private static final class Document {
        private final XMLStreamWriter x;
        private final Report report;

        Document(XMLStreamWriter x, Report report) {
            this.x = x;
            this.report = report;
        }

        void write() throws XMLStreamException {
            List<Suite> suites = suites(report);
            x.writeStartDocument("UTF-8", "1.0");
            newline(0);
            x.writeStartElement("testsuites");
            for (int i = 0; i < suites.size(); i++) {
                newline(1);
                suite(suites.get(i), i);
            }
            newline(0);
            x.writeEndElement();
            x.writeEndDocument();
        }

        private void suite(Suite suite, int id) throws XMLStreamException {
            x.writeStartElement("testsuite");
            attribute("name", suite.name());
            attribute("package", report.scan().target().toString());
            x.writeAttribute("id", Integer.toString(id));
            x.writeAttribute("tests", Integer.toString(suite.cases().size()));
            x.writeAttribute("failures", Long.toString(suite.count(Outcome.FAILURE)));
            x.writeAttribute("errors", Long.toString(suite.count(Outcome.ERROR)));
            x.writeAttribute("skipped", Long.toString(suite.count(Outcome.SKIPPED)));
            x.writeAttribute("time", "0");
            x.writeAttribute("timestamp", TIMESTAMP.format(report.createdAtSeconds()));
            x.writeAttribute("hostname", "localhost");

            newline(2);
            x.writeStartElement("properties");
            for (Property p : suite.properties()) {
                newline(3);
                x.writeEmptyElement("property");
                attribute("name", p.name());
                attribute("value", p.value());
            }
            newline(2);
            x.writeEndElement();

            for (Case c : suite.cases()) {
                newline(2);
                testcase(c);
            }
            newline(2);
            x.writeEmptyElement("system-out");
            newline(2);
            x.writeEmptyElement("system-err");
            newline(1);
            x.writeEndElement();
        }

        private void testcase(Case c) throws XMLStreamException {
            if (c.outcome() == Outcome.PASSED) {
                x.writeEmptyElement("testcase");
                caseAttributes(c);
                return;
            }
            x.writeStartElement("testcase");
            caseAttributes(c);
            newline(3);
            String element = switch (c.outcome()) {
                case FAILURE -> "failure";
                case ERROR -> "error";
                case SKIPPED -> "skipped";
                case PASSED -> throw new IllegalStateException("a passing testcase has no child");
            };
            x.writeStartElement(element);
            attribute("message", c.message());
            if (c.outcome() != Outcome.SKIPPED) {
                attribute("type", c.type());
            }
            x.writeCharacters(UntrustedText.cap(UntrustedText.lines(c.details()).stripTrailing(), DETAILS_LIMIT));
            x.writeEndElement();
            newline(2);
            x.writeEndElement();
        }

        private void caseAttributes(Case c) throws XMLStreamException {
            attribute("name", c.name());
            attribute("classname", c.classname());
            x.writeAttribute("time", "0");
        }

        /** Attribute values are one line: a parser would turn line breaks into spaces anyway. */
        private void attribute(String name, String value) throws XMLStreamException {
            x.writeAttribute(name, UntrustedText.line(value, MESSAGE_LIMIT));
        }

        private void newline(int depth) throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private static List<Suite> suites(Report report) {
        ScanResult scan = report.scan();
        List<Suite> suites = new ArrayList<>();
        for (FindingGroups.Group group : FindingGroups.of(scan, true)) {
            List<Property> properties = new ArrayList<>();
            properties.add(new Property("target", scan.target().toString()));
            properties.add(new Property("group", group.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
            if (group.packageGroup()) {
                properties.add(new Property("packages", Integer.toString(group.packages())));
            }
            List<Case> cases = new ArrayList<>();
            for (Finding f : group.findings()) {
                cases.add(judged(testcase(f), f, report.policy()));
            }
            if (cases.isEmpty()) {
                cases.add(Case.passed("no known vulnerabilities", group.label()));
            }
            suites.add(new Suite(group.label(), properties, cases));
        }
        if (suites.isEmpty()) {
            suites.add(new Suite(scan.target().toString(), List.of(new Property("target", scan.target().toString())),
                    List.of(Case.passed("no findings", scan.target().toString()))));
        }
        List<ScanProblem> problems = scan.allProblems();
        if (!problems.isEmpty()) {
            List<Case> cases = new ArrayList<>();
            for (ScanProblem p : problems) {
                String where = p.path().orElse(p.layer().orElse(scan.target().name()));
                cases.add(new Case("[" + p.kind().name() + "] " + where, p.component(), Outcome.ERROR,
                        p.message(), p.kind().name(), p.kind().name() + " " + p
                        + "\nPackages or findings may be missing: the scan did not read everything."));
            }
            suites.add(new Suite("Scan problems", List.of(new Property("target", scan.target().toString()),
                    new Property("group", "problems")), cases));
        }
        return suites;
    }

    private static Case testcase(Finding f) {
        String name = "[" + f.severity().name() + "] " + f.ruleId().value();
        String type = f.kind().name().toLowerCase(Locale.ROOT);
        String title = f.title().isBlank() ? f.ruleId().value() : f.title();
        return switch (f) {
            case VulnerabilityFinding v -> new Case(name, v.pkg().name() + "@" + v.pkg().version(), Outcome.FAILURE,
                    title, type, details(f));
            case MisconfigurationFinding m -> new Case(name, where(m.location(), f), Outcome.FAILURE, title, type,
                    details(f));
            case SecretFinding s -> new Case(name, where(f.location(), f), Outcome.FAILURE, title, type, details(f));
            case ComplianceFinding c -> switch (c.outcome()) {
                case PASS, INFO -> Case.passed(name, where(c.location(), f));
                case NOTE -> new Case(name, where(c.location(), f), Outcome.SKIPPED,
                        "needs a person's review: " + title, type, "");
                case NOT_APPLICABLE -> new Case(name, where(c.location(), f), Outcome.SKIPPED,
                        "not applicable: " + title, type, "");
                case FAIL -> new Case(name, where(c.location(), f), Outcome.FAILURE,
                        "[" + c.outcome().name() + "] " + title, type, details(f));
            };
        };
    }

    /**
     * With a policy that has thresholds, CI should show what fails the build as failed: a finding below its
     * threshold is a skipped testcase that keeps its details, so it is visible without turning the build red.
     */
    private static Case judged(Case c, Finding f, Optional<PolicyVerdict> verdict) {
        if (c.outcome() != Outcome.FAILURE || verdict.isEmpty() || !verdict.get().hasThresholds()
                || verdict.get().fails(f)) {
            return c;
        }
        return new Case(c.name(), c.classname(), Outcome.SKIPPED, "below the policy's threshold: " + c.message(),
                c.type(), c.details());
    }

    private static String where(Optional<Location> location, Finding f) {
        return location.map(l -> l.path() + (l.line().isPresent() ? ":" + l.line().getAsInt() : ""))
                .orElse(f.target().name());
    }

    /** The failure's text: one fact a line, as CI pages show it preformatted. */
    private static String details(Finding f) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Severity", f.severity().name());
        line(sb, "Title", f.title());
        switch (f) {
            case VulnerabilityFinding v -> {
                line(sb, "Package", v.pkg().name() + " " + v.pkg().version() + " (" + v.pkg().ecosystem().purlType()
                        + ")");
                line(sb, "Package URL", v.pkg().purl());
                line(sb, "Fixed in", v.fixedVersions().isEmpty() ? "no fixed version (" + v.status().label()
                        + (v.statusReason().isEmpty() ? "" : ": " + v.statusReason()) + ")"
                        : String.join(", ", v.fixedVersions()));
                if (!v.aliases().isEmpty()) {
                    line(sb, "Also known as", String.join(", ", v.aliases()));
                }
                if (v.knownExploited()) {
                    line(sb, "Known exploited", "listed in CISA's Known Exploited Vulnerabilities catalogue");
                }
            }
            case MisconfigurationFinding m -> line(sb, "Problem", m.message());
            case SecretFinding s -> line(sb, "Match", s.maskedMatch() + " (" + s.visibility().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            case ComplianceFinding c -> {
                line(sb, "Outcome", c.outcome().name());
                line(sb, "Evidence", c.evidence());
            }
        }
        if (f.location().isPresent()) {
            Location l = f.location().get();
            line(sb, "Location", l.path() + (l.line().isPresent() ? ":" + l.line().getAsInt() : "")
                    + l.layer().map(layer -> " (layer " + layer.id() + ")").orElse(""));
        }
        f.fix().ifPresent(fix -> line(sb, "Fix", fix));
        List<String> refs = FindingLinks.references(f).stream().map(u -> u.toASCIIString()).toList();
        if (!refs.isEmpty()) {
            line(sb, "References", String.join(" ", refs));
        }
        line(sb, "Fingerprint", f.fingerprint().value());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(": ").append(UntrustedText.line(value, MESSAGE_LIMIT)).append('\n');
    }
}

package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Hand-written records for what the real data does not show: malformed input, the {@code limit} event, Red Hat's
 * per-repository entries, Debian urgencies. Each is the smallest record that shows the case.
 */
class OsvRecordParserTest {
    private final OsvRecordParser parser = new OsvRecordParser("osv", new FeedJson());

    private ParsedRecord parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String record(String affected) {
        return """
                {"id": "TEST-1", "modified": "2024-01-02T03:04:05Z", "summary": "s", "affected": [%s]}
                """.formatted(affected);
    }

    private static String npm(String ranges) {
        return """
                {"package": {"ecosystem": "npm", "name": "left-pad"}, "ranges": [%s]}""".formatted(ranges);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all                                     | not valid JSON",
        "[1, 2]                                              | not a JSON object",
        "{\"affected\": []}                                  | no id",
        "{\"id\": \"X-1\"}                                   | X-1: no affected list",
        "{\"id\": \"X-1\", \"affected\": {}}                 | X-1: no affected list",
        "{\"id\": \"X-1\", \"affected\": []}                 | X-1: affected list is empty",
        "{\"id\": \"X-1\", \"withdrawn\": \"2024-01-01T00:00:00Z\", \"affected\": [] } | withdrawn, and names no affected package",
        "{\"id\": \"X-1\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\"}}]} | affected[0]: no package.name",
        "{\"id\": \"X-1\", \"affected\": [{\"package\": {\"name\": \"a\"}}]} | affected[0]: no package.ecosystem",
        "{\"id\": \"X-1\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"}}]} | no ranges and no versions: affects no version",
    })
    void recordsThatGiveNothingSayWhy(String json, String reason) {
        ParsedRecord parsed = parse(json);
        assertThat(parsed.advisories()).isEmpty();
        assertThat(parsed.problems()).singleElement().asString().contains(reason);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"ECOSYSTEM\", \"events\": []}                                   | ranges[0] has no events",
        "{\"type\": \"ECOSYSTEM\"}                                                   | ranges[0] has no events",
        "{\"events\": [{\"introduced\": \"0\"}]}                                     | ranges[0] has no type",
        "{\"type\": \"DATE\", \"events\": [{\"introduced\": \"0\"}]}                 | unknown type \"DATE\"",
        "{\"type\": \"ECOSYSTEM\", \"events\": [{\"fixed\": \"1.0\"}]}               | has no introduced event",
        "{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1\"}]} | events[0] must have exactly one of",
        "{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"patched\": \"1\"}]} | events[1] has unknown event \"patched\"",
        "{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": 0}]}                | events[0].introduced is not a version string",
        "{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \" \"}]}            | events[0].introduced is not a version string",
        "{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"2\"}, {\"last_affected\": \"1\"}]} | both fixed and last_affected",
    })
    void impossibleRangesSkipTheEntryAndKeepTheRest(String range, String reason) {
        ParsedRecord parsed = parse(record(npm(range) + ", " + """
                {"package": {"ecosystem": "PyPI", "name": "Requests"},
                 "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}"""));
        assertThat(parsed.problems()).singleElement().asString()
                .startsWith("TEST-1: affected[0]: ").contains(reason).endsWith("entry skipped");
        assertThat(parsed.advisories()).singleElement().satisfies(a -> {
            assertThat(a.pkg().asText()).isEqualTo("pypi requests");
            assertThat(a.fix()).isEqualTo(new FixState.Fixed(List.of("2.0")));
        });
    }

    @Test
    void limitEventsAreKept() {
        ParsedRecord parsed = parse(record(npm("""
                {"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"limit": "1.5.0"}, {"limit": "*"}]}""")));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.advisories()).singleElement().satisfies(a -> {
            assertThat(a.ranges()).containsExactly(new AffectedRange.Events(AffectedRange.RangeType.SEMVER, List.of(
                    new Event(EventKind.INTRODUCED, "1.0.0"), new Event(EventKind.LIMIT, "1.5.0"),
                    new Event(EventKind.LIMIT, "*"))));
            assertThat(a.fix()).isEqualTo(new FixState.NotFixed());
        });
    }

    @Test
    void gitRangesWithoutVersionsCannotMatchAnything() {
        ParsedRecord parsed = parse(record("""
                {"package": {"ecosystem": "PyPI", "name": "zope"},
                 "ranges": [{"type": "GIT", "repo": "https://github.com/x/y",
                             "events": [{"introduced": "0"}, {"fixed": "abc123"}]}]}"""));
        assertThat(parsed.advisories()).isEmpty();
        assertThat(parsed.problems()).singleElement().asString().contains("only GIT ranges and no versions list");
    }

    @Test
    void versionsAloneAreEnough() {
        ParsedRecord parsed = parse(record("""
                {"package": {"ecosystem": "PyPI", "name": "zope"}, "versions": ["1.0", "1.1"]}"""));
        assertThat(parsed.advisories()).singleElement().satisfies(a -> {
            assertThat(a.ranges()).isEmpty();
            assertThat(a.versions()).containsExactly("1.0", "1.1");
            assertThat(a.fix()).isEqualTo(new FixState.NotFixed());
        });
    }

    @Test
    void redHatRepositoriesOfOneReleaseMergeAndLayeredProductsAreReported() {
        String entry = """
                {"package": {"ecosystem": "%s", "name": "sudo"},
                 "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "%s"}]}]}""";
        ParsedRecord parsed = parse("""
                {"id": "RHSA-2025:9978", "upstream": ["CVE-2025-32462"], "summary": "sudo security update",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H"}],
                 "affected": [%s, %s, %s, %s]}""".formatted(
                entry.formatted("Red Hat:enterprise_linux:9::appstream", "0:1.9.5p2-10.el9_6.1"),
                entry.formatted("Red Hat:enterprise_linux:9::baseos", "0:1.9.5p2-10.el9_6.1"),
                entry.formatted("Red Hat:enterprise_linux:8::baseos", "0:1.9.5p2-27.el8_10.1"),
                entry.formatted("Red Hat:rhel_eus:9.2::baseos", "0:1.9.5p2-9.el9_2.1")));
        assertThat(parsed.advisories()).extracting(a -> a.pkg().asText())
                .containsExactly("rpm rhel:9 sudo", "rpm rhel:8 sudo");
        Advisory rhel9 = parsed.advisories().getFirst();
        assertThat(rhel9.ranges()).hasSize(1);
        assertThat(rhel9.fix()).isEqualTo(new FixState.Fixed(List.of("0:1.9.5p2-10.el9_6.1")));
        assertThat(rhel9.aliases()).containsExactly("CVE-2025-32462");
        assertThat(rhel9.cvss()).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("redhat"));
        assertThat(parsed.problems()).singleElement().asString()
                .contains("affected[3]", "rhel_eus:9.2::baseos", "not mainline RHEL");
    }

    @Test
    void debianUrgencyIsThePackageSeverity() {
        ParsedRecord parsed = parse("""
                {"id": "DEBIAN-CVE-2024-1", "upstream": ["CVE-2024-1"], "details": "first line\\nsecond",
                 "affected": [
                  {"package": {"ecosystem": "Debian:12", "name": "glibc"}, "versions": ["2.36-9"],
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
                   "ecosystem_specific": {"urgency": "high*"}},
                  {"package": {"ecosystem": "Debian:13", "name": "glibc"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.40-1"}]}],
                   "ecosystem_specific": {"urgency": "not yet assigned"}}]}""");
        assertThat(parsed.problems()).isEmpty();
        Advisory bookworm = parsed.advisories().get(0);
        assertThat(bookworm.pkg().asText()).isEqualTo("deb debian:12 glibc");
        assertThat(bookworm.severity()).contains(Severity.HIGH);
        assertThat(bookworm.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(bookworm.title()).isEqualTo("first line");
        assertThat(parsed.advisories().get(1).severity()).isEmpty();
    }

    @Test
    void malformedSideFieldsAreReportedButTheAdvisoryIsKept() {
        ParsedRecord parsed = parse("""
                {"id": "TEST-2", "modified": "yesterday", "aliases": "CVE-1",
                 "severity": [{"type": "CVSS_V3", "score": "9.8"}, {"type": "STARS", "score": "5"}],
                 "references": [{"type": "WEB", "url": "https://ok.example/a"}, {"type": "WEB", "url": "ht tp://bad"},
                                {"type": "WEB"}, {"type": "WEB", "url": "relative/path"},
                                {"type": "PACKAGE", "url": "golang.org/x/net"}],
                 "affected": [%s]}""".formatted(npm("""
                {"type": "SEMVER", "events": [{"introduced": "0"}]}""")));
        assertThat(parsed.advisories()).singleElement().satisfies(a -> {
            assertThat(a.references()).extracting(Object::toString)
                    .containsExactly("https://ok.example/a", "https://golang.org/x/net");
            assertThat(a.cvss()).isEmpty();
            assertThat(a.modified()).isEmpty();
            assertThat(a.aliases()).isEmpty();
        });
        assertThat(parsed.problems()).hasSize(7).anySatisfy(p -> assertThat(p).contains("modified \"yesterday\""))
                .anySatisfy(p -> assertThat(p).contains("aliases is not a list"))
                .anySatisfy(p -> assertThat(p).contains("\"9.8\" is not a CVSS_V3 vector"))
                .anySatisfy(p -> assertThat(p).contains("unknown severity type \"STARS\""))
                .anySatisfy(p -> assertThat(p).contains("references[1] is not a URL"))
                .anySatisfy(p -> assertThat(p).contains("references[2] has no url"))
                .anySatisfy(p -> assertThat(p).contains("references[3] is not an absolute URL"));
    }

    @Test
    void ownIdIsNotItsOwnAlias() {
        ParsedRecord parsed = parse("""
                {"id": "GHSA-aaaa-bbbb-cccc", "aliases": ["GHSA-aaaa-bbbb-cccc", "CVE-2024-2"],
                 "affected": [%s]}""".formatted(npm("{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}")));
        assertThat(parsed.advisories().getFirst().aliases()).containsExactly("CVE-2024-2");
    }

    @ParameterizedTest
    @CsvSource({"GHSA-x,osv,ghsa", "PYSEC-2020-1,osv,pypa", "RHSA-2024:1,osv,redhat", "USN-1-1,osv,ubuntu",
        "MAL-2024-1,osv,osv", "CGA-xx,ghsa,chainguard", "DSA-5380-1,osv,debian"})
    void cvssScorerFollowsTheIdPrefix(String id, String feed, String scorer) {
        assertThat(OsvRecordParser.scorer(id, feed)).isEqualTo(scorer);
    }
}

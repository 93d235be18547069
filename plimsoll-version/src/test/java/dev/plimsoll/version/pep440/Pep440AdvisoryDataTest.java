package dev.plimsoll.version.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.ReferenceTool;
import dev.plimsoll.version.reference.VulnData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The versions of PyPA's OSV advisories (affected[].versions and the events of ECOSYSTEM ranges; GIT ranges hold
 * commit hashes and are skipped): the copied fixtures always, the whole osv/PyPI folder when {@link VulnData}
 * finds it. PyPI still carries legacy versions that PEP 440 does not describe; each one we reject must be one
 * {@code packaging} rejects too.
 */
class Pep440AdvisoryDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/pep440/osv-pypi");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Versions of one advisory, and its ECOSYSTEM ranges' introduced/fixed pairs. */
    record Advisory(Path file, List<String> versions, List<String[]> introducedFixed, int gitEvents) {
    }

    static List<Advisory> collect(Path root, List<String> problems) {
        List<Advisory> advisories = new ArrayList<>();
        for (Path file : VulnData.files(root, ".json")) {
            VulnData.readTree(file, file.toString(), JSON, problems)
                .ifPresent(record -> advisories.add(read(file, record, problems)));
        }
        return advisories;
    }

    private static Advisory read(Path file, JsonNode record, List<String> problems) {
        List<String> versions = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        int git = 0;
        for (JsonNode affected : record.path("affected")) {
            for (JsonNode v : affected.path("versions")) {
                addText(v, versions, file + ": affected.versions", problems);
            }
            for (JsonNode range : affected.path("ranges")) {
                String type = range.path("type").asText();
                if (type.equals("GIT")) {
                    git += range.path("events").size();
                    continue;
                }
                if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                    problems.add(file + ": range type " + type);
                    continue;
                }
                String introduced = null;
                for (JsonNode event : range.path("events")) {
                    event.fields().forEachRemaining(e -> addText(e.getValue(), versions, file + ": event " + e.getKey(),
                        problems));
                    if (event.has("introduced")) {
                        introduced = event.get("introduced").asText();
                    } else if (event.has("fixed") && introduced != null) {
                        pairs.add(new String[] {introduced, event.get("fixed").asText()});
                    }
                }
            }
        }
        return new Advisory(file, versions, pairs, git);
    }

    private static void addText(JsonNode node, List<String> into, String where, List<String> problems) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else {
            problems.add(where + " is not a string: " + node);
        }
    }

    private static Optional<Pep440Version> parse(String text) {
        try {
            return Optional.of(Pep440Version.parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    @Test
    void fixtureVersionsParseExceptTheLegacyOnes() {
        List<String> problems = new ArrayList<>();
        List<Advisory> advisories = collect(FIXTURES, problems);
        assertThat(problems).isEmpty();
        List<String> all = advisories.stream().flatMap(a -> a.versions().stream()).toList();
        assertThat(all).hasSize(170);
        assertThat(advisories.stream().mapToInt(Advisory::gitEvents).sum()).isEqualTo(4);
        Set<String> rejected = new TreeSet<>();
        for (String v : all) {
            if (parse(v).isEmpty()) {
                rejected.add(v);
            }
        }
        // Exactly what packaging rejects in these records: "-final" and "-p1" suffixes, dates, a branch name.
        assertThat(rejected).containsExactly("0.3.1-p1", "0.4.0-p1", "2013-01-21T20:33:09+0100",
            "2013-01-23T17:11:52+0100", "2013-02-01T20:50:46+0100", "2013-02-02T19:59:03+0100",
            "2013-02-02T20:23:17+0100", "2013-02-08T17:40:57+0000", "2013-03-27T16:32:26+0100",
            "2013-05-09T12:47:53+0200", "2013-05-10T17:55:56+0200", "2013-05-14T20:16:05+0200",
            "2013-06-01T10:32:51+0200", "2013-07-19T09:11:08+0000", "2013-08-12T21:48:56+0200",
            "2013-09-11T19-27-10", "2013-12-23T17-51-15", "2014-01-12T15-52-10", "4.11-final", "5.0-final", "trunk");
    }

    @Test
    void fixtureListedVersionsLieInTheirRanges() throws Exception {
        List<Advisory> advisories = collect(FIXTURES, new ArrayList<>());
        int checked = 0;
        for (Advisory advisory : advisories) {
            for (String[] pair : advisory.introducedFixed()) {
                Pep440Version introduced = parse(pair[0]).orElseThrow();
                Pep440Version fixed = parse(pair[1]).orElseThrow();
                assertThat(introduced).as(advisory.file() + " range").isLessThan(fixed);
                Pep440SpecifierSet affected = Pep440SpecifierSet.parse(">=" + pair[0] + ",<" + pair[1]);
                for (String text : advisory.versions()) {
                    Optional<Pep440Version> v = parse(text);
                    if (v.isPresent() && !text.equals(pair[0]) && !text.equals(pair[1])) {
                        assertThat(affected.contains(v.get())).as(advisory.file() + ": " + text).isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void everyOsvPyPiVersionParsesUnlessPackagingRejectsItToo() {
        Path root = VulnData.require("osv/PyPI");
        List<String> problems = new ArrayList<>();
        List<Advisory> advisories = collect(root, problems);
        List<String> all = advisories.stream().flatMap(a -> a.versions().stream()).toList();
        Set<String> distinct = new LinkedHashSet<>(all);
        Set<String> rejected = new TreeSet<>();
        for (String v : distinct) {
            if (parse(v).isEmpty()) {
                rejected.add(v);
            }
        }
        long rejectedOccurrences = all.stream().filter(rejected::contains).count();
        int git = advisories.stream().mapToInt(Advisory::gitEvents).sum();
        System.out.printf("OSV PyPI: %d advisories, %d versions (%d distinct), %d distinct legacy versions rejected "
            + "(%d occurrences), %d GIT range events skipped, %d malformed records%n", advisories.size(), all.size(),
            distinct.size(), rejected.size(), rejectedOccurrences, git, problems.size());
        assertThat(problems).as("malformed advisory records").isEmpty();
        assertThat(all.size()).isGreaterThan(10000);

        ReferenceTool python = ReferenceTool.require("/usr/bin/python3", List.of("-I"),
            Path.of("src/test/resources/pep440/pep440-oracle.py"), List.of("-I", "-c", "import packaging.version"),
            "apt-get install python3-packaging (or plimsoll-version/reference-tools/install-gem-pep440.sh)");
        List<String> texts = List.copyOf(distinct);
        List<String> answers = python.ask(texts.stream().map(v -> ReferenceTool.jsonArray("V", v)).toList(), tmp);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String theirs;
            try {
                theirs = JSON.readTree(answers.get(i)).asText();
            } catch (IOException e) {
                throw new AssertionError(answers.get(i), e);
            }
            String ours = parse(texts.get(i)).map(Pep440Version::normalized).orElse("err");
            if (!ours.equals(theirs)) {
                disagreements.add(ReferenceTool.show(texts.get(i)) + ": " + ours + " vs " + theirs);
            }
        }
        System.out.printf("OSV PyPI versions vs packaging: %d distinct versions, %d disagreements (every one of the "
            + "%d we reject is rejected by packaging too)%n", texts.size(), disagreements.size(), rejected.size());
        assertThat(disagreements).isEmpty();
    }
}

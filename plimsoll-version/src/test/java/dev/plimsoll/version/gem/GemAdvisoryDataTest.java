package dev.plimsoll.version.gem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.ReferenceTool;
import dev.plimsoll.version.reference.VulnData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RubySec's requirement strings (patched_versions, unaffected_versions of gems/**.yml): the copied fixtures always,
 * the whole ruby-advisory-db when {@link VulnData} finds it.
 */
class GemAdvisoryDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/gem/ruby-advisory-db/gems");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIELDS = List.of("unaffected_versions", "patched_versions");

    @TempDir
    Path tmp;

    /** One requirement string and where it came from. */
    record Found(Path file, String field, String requirement) {
    }

    /** Reads the requirement lists of every advisory; a file or field of the wrong shape becomes a problem. */
    static List<Found> collect(Path gems, List<String> problems) {
        List<Found> found = new ArrayList<>();
        for (Path file : VulnData.files(gems, ".yml")) {
            Optional<JsonNode> read = VulnData.readTree(file, file.toString(), YAML, problems);
            if (read.isEmpty()) {
                continue;
            }
            JsonNode advisory = read.get();
            if (!advisory.isObject()) {
                problems.add(file + ": not a YAML mapping");
                continue;
            }
            for (String field : FIELDS) {
                JsonNode list = advisory.get(field);
                if (list == null || list.isNull()) {
                    continue;
                }
                if (!list.isArray()) {
                    problems.add(file + ": " + field + " is not a list");
                    continue;
                }
                for (JsonNode entry : list) {
                    if (entry.isTextual()) {
                        found.add(new Found(file, field, entry.asText()));
                    } else {
                        problems.add(file + ": " + field + " holds a non-string " + entry);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void fixtureRequirementsAllParse() {
        List<String> problems = new ArrayList<>();
        List<Found> found = collect(FIXTURES, problems);
        assertThat(problems).isEmpty();
        assertThat(found).hasSize(20);
        for (Found f : found) {
            try {
                GemRequirement.parse(f.requirement());
            } catch (InvalidVersionException e) {
                throw new AssertionError(f.file() + " " + f.field() + ": " + e.getMessage(), e);
            }
        }
        assertThat(found).extracting(Found::requirement).contains("~> 5.2.4, >= 5.2.4.3", ">= 5.0.0.beta1.1",
            "= 2.0.0-alpha", "< 3.0.0-rc.1", "< 0.0.1.alpha3");
    }

    @Test
    void fixtureAdvisoriesClassifyVersionsAsRubySecMeans() throws Exception {
        // actionpack CVE-2020-8164: unaffected < 4.0.0; patched ~> 5.2.4, >= 5.2.4.3 and >= 6.0.3.1.
        Path actionpack = FIXTURES.resolve("actionpack/CVE-2020-8164.yml");
        assertVulnerable(actionpack, "4.0.0", "5.2.3", "5.2.4", "5.2.4.2", "6.0.0.rc1", "6.0.3");
        assertNotVulnerable(actionpack, "3.2.22", "5.2.4.3", "5.2.5", "5.2.8.1", "6.0.3.1", "7.0.0");
        // activerecord CVE-2015-7577: 5.0.0.beta1 is affected, its .1 patch level is not.
        Path activerecord = FIXTURES.resolve("activerecord/CVE-2015-7577.yml");
        assertVulnerable(activerecord, "3.1.0", "3.2.22", "4.1.14", "4.2.5", "5.0.0.beta1");
        assertNotVulnerable(activerecord, "2.3.18", "3.0.20", "3.2.22.1", "4.1.14.1", "4.2.5.1", "4.2.6",
            "5.0.0.beta1.1", "5.0.0");
        // sinatra CVE-2018-11627: "= 2.0.0-alpha" is 2.0.0.pre.alpha, which differs from 2.0.0.alpha.
        Path sinatra = FIXTURES.resolve("sinatra/CVE-2018-11627.yml");
        assertNotVulnerable(sinatra, "1.4.8", "2.0.0.pre.alpha", "2.0.0-alpha", "2.0.2");
        assertVulnerable(sinatra, "2.0.0.beta1", "2.0.0", "2.0.1");
        // jquery-rails CVE-2016-10707: "< 3.0.0-rc.1" is below 3.0.0.pre.rc.1; 3.0.0.rc1 sorts above it.
        Path jquery = FIXTURES.resolve("jquery-rails/CVE-2016-10707.yml");
        assertNotVulnerable(jquery, "2.3.0", "3.0.0.pre.alpha", "3.0.0");
        assertVulnerable(jquery, "3.0.0.pre.rc.1", "3.0.0.rc1");
    }

    @Test
    void everyRubySecRequirementParsesAndAgreesWithRubyGems() throws Exception {
        Path gems = VulnData.require("ruby-advisory-db/gems");
        List<String> problems = new ArrayList<>();
        List<Found> found = collect(gems, problems);
        Set<String> distinct = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (Found f : found) {
            distinct.add(f.requirement());
            try {
                GemRequirement.parse(f.requirement());
            } catch (InvalidVersionException e) {
                failures.add(gems.relativize(f.file()) + " " + f.field() + ": " + e.getMessage());
            }
        }
        int files = VulnData.files(gems, ".yml").size();
        System.out.printf("RubySec gems: %d advisory files, %d requirement strings (%d distinct), %d fail to parse, "
            + "%d malformed records%n", files, found.size(), distinct.size(), failures.size(), problems.size());
        assertThat(problems).as("malformed advisory records").isEmpty();
        assertThat(failures).as("requirements we cannot parse").isEmpty();
        assertThat(found.size()).isGreaterThan(2000);

        // Each requirement tested by RubyGems and by us on the versions it names and their neighbours.
        ReferenceTool ruby = ReferenceTool.require("ruby", List.of("--disable-gems"),
            Path.of("src/test/resources/gem/gem-oracle.rb"), List.of("-e", "require 'rubygems'; Gem::Version"),
            "apt-get install ruby (or plimsoll-version/reference-tools/install-gem-pep440.sh)");
        List<String[]> checks = new ArrayList<>();
        for (String requirement : distinct) {
            for (GemRequirement.Clause clause : GemRequirement.parse(requirement).clauses()) {
                GemVersion v = clause.version();
                for (GemVersion candidate : List.of(v, v.bump(), v.release(), GemVersion.parse(v.normalized() + ".1"),
                        GemVersion.parse(v.release().normalized() + ".a"))) {
                    checks.add(new String[] {requirement, candidate.normalized()});
                }
            }
        }
        List<String> questions = checks.stream().map(c -> ReferenceTool.jsonArray("R", c[0], c[1])).toList();
        List<String> answers = ruby.ask(questions, tmp);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            String ours = Boolean.toString(GemRequirement.parse(checks.get(i)[0])
                .contains(GemVersion.parse(checks.get(i)[1])));
            if (!ours.equals(answers.get(i))) {
                disagreements.add(checks.get(i)[0] + " on " + checks.get(i)[1] + ": " + ours + " vs " + answers.get(i));
            }
        }
        System.out.printf("RubySec requirements vs RubyGems: %d requirement/version checks, %d disagreements%n",
            checks.size(), disagreements.size());
        assertThat(disagreements).isEmpty();
    }

    private static boolean vulnerable(Path advisory, String version) throws Exception {
        List<String> problems = new ArrayList<>();
        GemVersion v = GemVersion.parse(version);
        for (Found f : collect(advisory.getParent(), problems)) {
            if (f.file().equals(advisory) && GemRequirement.parse(f.requirement()).contains(v)) {
                return false;
            }
        }
        assertThat(problems).isEmpty();
        return true;
    }

    private static void assertVulnerable(Path advisory, String... versions) throws Exception {
        for (String v : versions) {
            assertThat(vulnerable(advisory, v)).as(v + " affected by " + advisory.getFileName()).isTrue();
        }
    }

    private static void assertNotVulnerable(Path advisory, String... versions) throws Exception {
        for (String v : versions) {
            assertThat(vulnerable(advisory, v)).as(v + " affected by " + advisory.getFileName()).isFalse();
        }
    }
}

package dev.plimsoll.version.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every Maven version in GitHub's reviewed advisories (range events, listed versions) must parse, the events of
 * a range must ascend (OSV's introduced "0" sentinel aside; "introduced X, last_affected X" is one version), and GitHub's
 * {@code last_known_affected_version_range} ("&lt;= 4.1.70.Final") must parse as a Maven range and contain the
 * range's last_affected version. The fixture copy in src/test/resources always runs; every record under
 * ../shared/vulndata/ghsa (any folder, Maven packages only) runs when {@link VulnData} finds it.
 */
class MavenRealDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/maven/ghsa");

    @Test
    void fixtureAdvisoriesParse() {
        Tally tally = scan(FIXTURES);
        System.out.println("GHSA Maven fixtures: " + tally);
        assertThat(tally.records).isEqualTo(11);
        assertThat(tally.ranges).isPositive();
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    @Test
    void everySharedGhsaMavenAdvisoryParses() {
        Tally tally = scan(VulnData.require("ghsa", "to check every GHSA Maven version"));
        System.out.println("GHSA (Maven packages): " + tally);
        assertThat(tally.records).isGreaterThanOrEqualTo(36);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    private static Tally scan(Path root) {
        Tally tally = new Tally();
        for (VulnData.OsvRecord record : VulnData.osvRecords(root, tally.malformed)) {
            String name = record.name();
            boolean maven = false;
            for (JsonNode entry : record.affected()) {
                if (!entry.path("package").path("ecosystem").asText().equals("Maven")) {
                    continue;
                }
                maven = true;
                String where = name + " " + entry.path("package").path("name").asText();
                for (JsonNode version : entry.path("versions")) {
                    tally.versions++;
                    parse(tally, where + " versions", version.asText());
                }
                Optional<MavenVersion> lastAffected = Optional.empty();
                for (JsonNode range : entry.path("ranges")) {
                    tally.ranges++;
                    Optional<MavenVersion> last = checkRange(tally, where, range);
                    lastAffected = last.isPresent() ? last : lastAffected;
                }
                JsonNode known = entry.path("database_specific").path("last_known_affected_version_range");
                if (known.isTextual()) {
                    tally.knownRanges++;
                    checkKnownRange(tally, where, known.asText(), lastAffected);
                }
            }
            tally.records += maven ? 1 : 0;
        }
        return tally;
    }

    /** Parses the events in order; returns the last_affected version, if any. */
    private static Optional<MavenVersion> checkRange(Tally tally, String where, JsonNode range) {
        List<MavenVersion> ordered = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Optional<MavenVersion> lastAffected = Optional.empty();
        for (JsonNode event : range.path("events")) {
            for (Map.Entry<String, JsonNode> field : event.properties()) {
                tally.versions++;
                String text = field.getValue().asText();
                Optional<MavenVersion> parsed = parse(tally, where + " " + field.getKey(), text);
                if (parsed.isEmpty() || (field.getKey().equals("introduced") && text.equals("0"))) {
                    continue;
                }
                ordered.add(parsed.get());
                kinds.add(field.getKey());
                if (field.getKey().equals("last_affected")) {
                    lastAffected = parsed;
                }
            }
        }
        for (int i = 0; i + 1 < ordered.size(); i++) {
            int order = ordered.get(i).compareTo(ordered.get(i + 1));
            // introduced X, last_affected X is a single affected version (GHSA-gwrp-pvrq-jmwv has four).
            boolean single = order == 0 && kinds.get(i).equals("introduced") && kinds.get(i + 1).equals("last_affected");
            if (order >= 0 && !single) {
                tally.failures.add(where + ": events out of order: " + ordered.get(i) + " then " + ordered.get(i + 1));
            }
        }
        return lastAffected;
    }

    private static void checkKnownRange(Tally tally, String where, String text, Optional<MavenVersion> lastAffected) {
        try {
            MavenRange range = MavenRange.parse(text);
            if (lastAffected.isPresent() && !range.contains(lastAffected.get())) {
                tally.failures.add(where + ": " + text + " does not contain last_affected " + lastAffected.get());
            }
        } catch (InvalidVersionException e) {
            tally.failures.add(where + " last_known_affected_version_range: " + e.getMessage());
        }
    }

    private static Optional<MavenVersion> parse(Tally tally, String where, String text) {
        try {
            return Optional.of(MavenVersion.parse(text));
        } catch (InvalidVersionException e) {
            tally.failures.add(where + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static final class Tally {
        int records;
        int ranges;
        int versions;
        int knownRanges;
        final List<String> failures = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public String toString() {
            return records + " records with Maven packages, " + ranges + " ranges, " + versions + " versions, "
                + knownRanges + " last_known_affected_version_range, " + failures.size() + " failures, "
                + malformed.size() + " malformed records";
        }
    }
}

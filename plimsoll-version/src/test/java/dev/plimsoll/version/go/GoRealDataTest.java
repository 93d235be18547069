package dev.plimsoll.version.go;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every version in the events of the Go vulnerability database's OSV records (written without "v", stdlib and
 * toolchain included) must parse, and within each range the events must come in ascending order (introduced
 * below its fixed; OSV's introduced "0" sentinel stands below everything and is left out of that check). The
 * fixture copy in src/test/resources always runs; the whole database runs when {@link VulnData} finds
 * ../shared/vulndata.
 */
class GoRealDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/go/osv");

    @Test
    void fixtureRecordsParse() throws InvalidVersionException {
        Tally tally = scan(FIXTURES);
        System.out.println("Go OSV fixtures: " + tally);
        assertThat(tally.files).isEqualTo(9);
        assertThat(tally.pseudo).isPositive();
        assertThat(tally.incompatible).isPositive();
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    @Test
    void wholeGoVulnerabilityDatabaseParses() throws InvalidVersionException {
        Tally tally = scan(VulnData.require("osv/Go", "to check every Go OSV event version"));
        System.out.println("Go vulnerability database: " + tally);
        assertThat(tally.files).isGreaterThan(4000);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    private static Tally scan(Path root) throws InvalidVersionException {
        Tally tally = new Tally();
        for (VulnData.OsvRecord record : VulnData.osvRecords(root, tally.malformed)) {
            tally.files++;
            for (JsonNode entry : record.affected()) {
                for (JsonNode range : entry.path("ranges")) {
                    checkRange(tally, record.name() + " " + entry.path("package").path("name").asText(), range);
                }
            }
        }
        return tally;
    }

    private static void checkRange(Tally tally, String where, JsonNode range) throws InvalidVersionException {
        List<GoVersion> ordered = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
            for (Map.Entry<String, JsonNode> field : event.properties()) {
                String text = field.getValue().asText();
                tally.versions++;
                if (field.getKey().equals("introduced") && text.equals("0")) {
                    // OSV's sentinel for "from the first version": below every version, pseudo-versions
                    // v0.0.0-yyyymmddhhmmss-… included, which sort below v0.0.0 itself. It parses (as v0.0.0)
                    // but takes no part in the order check; the range evaluator treats it as unbounded.
                    tally.sentinels++;
                    assertThat(GoVersion.parse(text).canonical()).isEqualTo("v0.0.0");
                    continue;
                }
                try {
                    GoVersion v = GoVersion.parse(text);
                    tally.pseudo += v.pseudo().isPresent() ? 1 : 0;
                    tally.incompatible += v.isIncompatible() ? 1 : 0;
                    ordered.add(v);
                } catch (InvalidVersionException e) {
                    tally.failures.add(where + " " + field.getKey() + ": " + e.getMessage());
                }
            }
        }
        for (int i = 0; i + 1 < ordered.size(); i++) {
            if (ordered.get(i).compareTo(ordered.get(i + 1)) >= 0) {
                tally.failures.add(where + ": events out of order: " + ordered.get(i) + " then " + ordered.get(i + 1));
            }
        }
    }

    private static final class Tally {
        int files;
        int versions;
        int sentinels;
        int pseudo;
        int incompatible;
        final List<String> failures = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public String toString() {
            return files + " files, " + versions + " event versions (" + sentinels + " introduced \"0\", " + pseudo
                + " pseudo-versions, "
                + incompatible + " +incompatible), " + failures.size() + " failures, " + malformed.size()
                + " malformed records";
        }
    }
}

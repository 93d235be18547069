package dev.plimsoll.version.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import dev.plimsoll.version.semver.OsvAdvisories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real npm advisory data: the Node.js Security WG's vulnerable_versions / patched_versions ranges and GHSA's npm
 * records (OSV ECOSYSTEM events and last_known_affected_version_range). The copied fixtures always, the whole
 * shared data when {@link VulnData} finds it.
 */
class NpmAdvisoryDataTest {
    private static final Path FIXTURES = RealRanges.FIXTURES;

    @Test
    void fixtureRangesAllParseInEveryMode() {
        List<String> problems = new ArrayList<>();
        List<RealRanges.Found> found = RealRanges.securityWg(FIXTURES.resolve("nodejs-security-wg"), problems);
        found.addAll(RealRanges.ghsa(FIXTURES.resolve("ghsa"), problems));
        assertThat(problems).isEmpty();
        assertThat(found).hasSize(23 + 21 + 2);
        assertThat(failures(found)).isEmpty();
    }

    @Test
    void wholeSecurityWgDatabaseParses() {
        Path npm = VulnData.require("nodejs-security-wg/npm");
        List<String> problems = new ArrayList<>();
        List<RealRanges.Found> found = RealRanges.securityWg(npm, problems);
        List<String> failures = failures(found);
        System.out.printf("Node.js security WG npm: %d records, %d range strings, %d unreadable fields, "
            + "%d parse failures%n", VulnData.files(npm, ".json").size() - 1, found.size(), problems.size(),
            failures.size());
        assertThat(problems).isEmpty();
        assertThat(found).hasSizeGreaterThan(850);
        assertThat(failures).isEmpty();
    }

    @Test
    void ghsaNpmRecordsParse() {
        assertThat(checkGhsa(FIXTURES.resolve("ghsa"), 5)).isEmpty();
    }

    /**
     * One failure, a data error: GHSA-r683-j2x4-v87g (node-fetch) has {@code introduced: "1.0"}, a partial version
     * that node-semver rejects as well. Read as the range bound it stands for, "&gt;=1.0" is "&gt;=1.0.0".
     */
    @Test
    void wholeGhsaNpmFolderParses() throws InvalidVersionException {
        assertThat(checkGhsa(VulnData.require("ghsa/npm"), 150))
            .containsExactly("GHSA-r683-j2x4-v87g.json: malformed npm version \"1.0\"");
        assertThat(NpmScheme.INSTANCE.constraint(">=1.0").normalized()).isEqualTo(">=1.0.0-0");
    }

    /**
     * Every event version is an npm version (OSV's "0" means "from the first version" and is not one), and GHSA's
     * last known affected version lies below the fix.
     */
    private static List<String> checkGhsa(Path dir, int minimumEvents) {
        OsvAdvisories.Collected collected = OsvAdvisories.read(dir, Set.of("npm"));
        assertThat(collected.problems()).isEmpty();
        List<String> failures = new ArrayList<>();
        int sentinels = 0;
        for (OsvAdvisories.Event event : collected.events()) {
            if (event.kind().equals("introduced") && event.version().equals("0")) {
                sentinels++;
                continue;
            }
            try {
                NpmScheme.INSTANCE.parse(event.version());
            } catch (InvalidVersionException e) {
                failures.add(event.file().getFileName() + ": " + e.getMessage());
            }
        }
        for (OsvAdvisories.NativeRange range : collected.nativeRanges()) {
            try {
                NpmScheme.INSTANCE.constraint(range.range());
            } catch (InvalidVersionException e) {
                failures.add(range.file().getFileName() + ": " + e.getMessage());
            }
        }
        System.out.printf("GHSA npm in %s: %d events (%d introduced-0), %d last_known_affected ranges, "
            + "%d parse failures%n", dir, collected.events().size(), sentinels, collected.nativeRanges().size(),
            failures.size());
        assertThat(collected.events()).hasSizeGreaterThanOrEqualTo(minimumEvents);
        return failures;
    }

    private static List<String> failures(List<RealRanges.Found> found) {
        List<String> failures = new ArrayList<>();
        for (RealRanges.Found f : found) {
            for (NpmRangeOptions mode : List.of(NpmRangeOptions.DEFAULT, NpmRangeOptions.VULNERABILITY_MATCHING)) {
                try {
                    NpmRange range = NpmRange.parse(f.range(), mode);
                    if (!range.dropped().isEmpty()) {
                        failures.add(f.file().getFileName() + " " + f.field() + ": dropped " + range.dropped());
                    }
                } catch (InvalidVersionException e) {
                    failures.add(f.file().getFileName() + " " + f.field() + ": " + e.getMessage());
                }
            }
        }
        return failures;
    }

    /** Real ranges from the fixtures, checked by hand against their advisories' text. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "367.json; vulnerable_versions; 5.0.2; true",
        "367.json; vulnerable_versions; 5.0.3; false",
        "367.json; vulnerable_versions; 4.2.0; true",
        "367.json; vulnerable_versions; 4.2.1; false",
        "367.json; patched_versions; 5.0.3; true",
        "367.json; patched_versions; 4.2.1; false",
        "466.json; vulnerable_versions; 3.0.0-beta.6; true",
        "466.json; vulnerable_versions; 3.0.0-beta.7; false",
        "466.json; vulnerable_versions; 2.0.7; true",
        "466.json; patched_versions; 2.0.8; true",
        "66.json; vulnerable_versions; v2.0.0-alpha7; true",
        "66.json; vulnerable_versions; 2.0.0-alpha8; false",
        "66.json; patched_versions; 2.0.0; true",
        "137.json; vulnerable_versions; 2.1.0-M2; true",
        "137.json; vulnerable_versions; 2.1.0; false",
        "11.json; vulnerable_versions; 2.1.9; true",
        "11.json; patched_versions; 2.2.0; true",
        "11.json; patched_versions; 2.1.9; false",
        "305.json; vulnerable_versions; 0.8.1-pre; true",
        "305.json; vulnerable_versions; 0.9.7; false",
        "477.json; vulnerable_versions; 0.0.1-alpha; true",
        "19.json; patched_versions; 0.0.0; false",
        "75.json; patched_versions; 3.9.9; true",
        "75.json; patched_versions; 4.0.4; false",
    })
    void fixtureRangesMatchAsTheirAdvisoriesSay(String file, String field, String version, boolean expected)
            throws InvalidVersionException {
        List<String> problems = new ArrayList<>();
        String range = RealRanges.securityWg(FIXTURES.resolve("nodejs-security-wg"), problems).stream()
            .filter(f -> f.file().getFileName().toString().equals(file) && f.field().equals(field))
            .findFirst().orElseThrow().range();
        assertThat(NpmScheme.INSTANCE.constraint(range).contains(NpmScheme.INSTANCE.parse(version)))
            .as(range + " contains " + version).isEqualTo(expected);
    }
}

package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every constraint of the FriendsOfPHP security advisories ({@code branches.*.versions}, ANDed within a branch)
 * must parse, and each branch must behave as its bounds say: a "&gt;=X" bound contains X, a "&lt;Y" bound does not
 * contain Y. The fixture copy in src/test/resources always runs; the whole database runs when {@link VulnData}
 * finds ../shared/vulndata.
 */
class ComposerRealDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/composer/php-security-advisories");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void fixtureAdvisoriesParse() {
        Tally tally = scan(FIXTURES);
        System.out.println("FriendsOfPHP fixtures: " + tally);
        assertThat(tally.files).isEqualTo(10);
        assertThat(tally.constraints).isGreaterThan(40);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    @Test
    void wholeFriendsOfPhpDatabaseParses() {
        Tally tally = scan(VulnData.require("php-security-advisories", "to check every FriendsOfPHP constraint"));
        System.out.println("FriendsOfPHP security-advisories: " + tally);
        assertThat(tally.files).isGreaterThan(1500);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    @Test
    void branchesAreAndedAndBoundsHold() throws InvalidVersionException {
        List<ComposerConstraint> branch = List.of(ComposerConstraint.parse(">=2.3.0"),
            ComposerConstraint.parse("<2.3.2-p2"));
        assertThat(allOf(branch, "2.3.2-p1")).isTrue();
        assertThat(allOf(branch, "2.3.2")).isTrue();
        assertThat(allOf(branch, "2.3.2-p2")).isFalse();
        assertThat(allOf(branch, "2.2.9")).isFalse();
    }

    /** Parses every advisory under {@code root}; a file that is no advisory is reported, never skipped silently. */
    private static Tally scan(Path root) {
        Tally tally = new Tally();
        for (Path file : VulnData.files(root, ".yaml")) {
            tally.files++;
            String name = root.relativize(file).toString();
            Optional<JsonNode> advisory = VulnData.readTree(file, name, YAML, tally.malformed);
            if (advisory.isEmpty()) {
                continue;
            }
            JsonNode branches = advisory.get().get("branches");
            if (branches == null || !branches.isObject()) {
                tally.malformed.add(name + ": no branches map");
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : branches.properties()) {
                JsonNode versions = entry.getValue().get("versions");
                if (versions == null || !versions.isArray()) {
                    tally.malformed.add(name + " branch " + entry.getKey() + ": versions is not a list");
                    continue;
                }
                checkBranch(tally, name + " branch " + entry.getKey(), versions);
            }
        }
        return tally;
    }

    private static void checkBranch(Tally tally, String where, JsonNode versions) {
        List<ComposerConstraint> all = new ArrayList<>();
        for (JsonNode node : versions) {
            tally.constraints++;
            try {
                all.add(ComposerConstraint.parse(node.asText()));
            } catch (InvalidVersionException e) {
                tally.failures.add(where + ": " + e.getMessage());
            }
        }
        tally.branches++;
        // A lone ">=X" or "<Y" bound must contain X, and must not contain Y.
        for (ComposerConstraint c : all) {
            String raw = c.raw().strip();
            try {
                if (raw.startsWith(">=") && !c.contains(ComposerVersion.parse(raw.substring(2)))) {
                    tally.failures.add(where + ": " + raw + " does not contain its own bound");
                } else if (raw.startsWith("<") && !raw.startsWith("<=")
                    && c.contains(ComposerVersion.parse(raw.substring(1)))) {
                    tally.failures.add(where + ": " + raw + " contains its own exclusive bound");
                }
            } catch (InvalidVersionException e) {
                tally.failures.add(where + ": bound of " + raw + " is no version: " + e.getMessage());
            }
        }
    }

    private static boolean allOf(List<ComposerConstraint> branch, String version) throws InvalidVersionException {
        ComposerVersion v = ComposerVersion.parse(version);
        return branch.stream().allMatch(c -> c.contains(v));
    }

    private static final class Tally {
        int files;
        int branches;
        int constraints;
        final List<String> failures = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public String toString() {
            return files + " files, " + branches + " branches, " + constraints + " constraints, " + failures.size()
                + " failures, " + malformed.size() + " malformed records";
        }
    }
}

package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.version.InvalidVersionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every constraint of the FriendsOfPHP security advisories ({@code branches.*.versions}, ANDed within a branch)
 * must parse, and each branch must behave as its bounds say: a "&gt;=X" bound contains X, a "&lt;Y" bound does not
 * contain Y. The fixture copy in src/test/resources always runs; the whole database runs when
 * {@code -Dplimsoll.vulndata=DIR} (or PLIMSOLL_VULNDATA) names ../shared/vulndata.
 */
class ComposerRealDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/composer/php-security-advisories");
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void fixtureAdvisoriesParse() throws IOException {
        Tally tally = scan(FIXTURES);
        System.out.println("FriendsOfPHP fixtures: " + tally);
        assertThat(tally.files).isEqualTo(10);
        assertThat(tally.constraints).isGreaterThan(40);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.malformed).isEmpty();
    }

    @Test
    void wholeFriendsOfPhpDatabaseParses() throws IOException {
        Optional<Path> vulndata = sharedVulndata();
        Assumptions.assumeTrue(vulndata.isPresent(), "shared vulndata not configured: set -Dplimsoll.vulndata=DIR "
            + "or PLIMSOLL_VULNDATA to ../shared/vulndata to check every FriendsOfPHP constraint");
        Tally tally = scan(vulndata.get().resolve("php-security-advisories"));
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
    private static Tally scan(Path root) throws IOException {
        Tally tally = new Tally();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .sorted().toList();
        }
        for (Path file : files) {
            tally.files++;
            String name = root.relativize(file).toString();
            if (Files.size(file) > MAX_FILE_BYTES) {
                tally.malformed.add(name + ": larger than " + MAX_FILE_BYTES + " bytes");
                continue;
            }
            JsonNode advisory;
            try {
                advisory = YAML.readTree(file.toFile());
            } catch (IOException e) {
                tally.malformed.add(name + ": not YAML: " + e.getMessage());
                continue;
            }
            JsonNode branches = advisory == null ? null : advisory.get("branches");
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

    /** ../shared/vulndata, only when named by -Dplimsoll.vulndata or PLIMSOLL_VULNDATA. */
    static Optional<Path> sharedVulndata() {
        String configured = System.getProperty("plimsoll.vulndata", System.getenv("PLIMSOLL_VULNDATA"));
        if (configured == null || configured.isBlank() || !Files.isDirectory(Path.of(configured))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(configured));
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

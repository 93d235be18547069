package dev.plimsoll.version.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.version.reference.VulnData;
import dev.plimsoll.version.semver.OsvAdvisories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The npm range strings of real advisories: {@code vulnerable_versions} and {@code patched_versions} of the
 * Node.js Security WG records, and GHSA's {@code last_known_affected_version_range} for npm packages. The copied
 * fixtures always; the whole shared vulndata too when it is configured.
 */
final class RealRanges {
    static final Path FIXTURES = Path.of("src/test/resources/npm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("vulnerable_versions", "patched_versions");

    /** One range string and where it came from. */
    record Found(Path file, String field, String range) {
    }

    private RealRanges() {
    }

    /** Both fields of every record in a security-wg folder (index.json, the catalogue of all, is not a record). */
    static List<Found> securityWg(Path dir, List<String> problems) {
        List<Found> found = new ArrayList<>();
        for (Path file : VulnData.files(dir, ".json")) {
            if (file.getFileName().toString().equals("index.json")) {
                continue;
            }
            Optional<JsonNode> read = VulnData.readTree(file, file.toString(), JSON, problems);
            if (read.isEmpty()) {
                continue;
            }
            JsonNode record = read.get();
            for (String field : FIELDS) {
                JsonNode value = record.path(field);
                if (value.isTextual()) {
                    found.add(new Found(file, field, value.asText()));
                } else if (field.equals("vulnerable_versions") || !value.isMissingNode() && !value.isNull()) {
                    // A record without vulnerable_versions says nothing matchable; patched may be absent.
                    problems.add(file + ": " + field + " is " + value.getNodeType());
                }
            }
        }
        return found;
    }

    static List<Found> ghsa(Path dir, List<String> problems) {
        OsvAdvisories.Collected collected = OsvAdvisories.read(dir, Set.of("npm"));
        problems.addAll(collected.problems());
        return collected.nativeRanges().stream()
            .map(r -> new Found(r.file(), "last_known_affected_version_range", r.range())).toList();
    }

    /** Distinct range strings of the fixtures, and of the whole shared data when configured. */
    static List<String> all() {
        List<String> problems = new ArrayList<>();
        Set<String> ranges = new LinkedHashSet<>();
        securityWg(FIXTURES.resolve("nodejs-security-wg"), problems).forEach(f -> ranges.add(f.range()));
        ghsa(FIXTURES.resolve("ghsa"), problems).forEach(f -> ranges.add(f.range()));
        Optional<Path> shared = VulnData.shared();
        if (shared.isPresent()) {
            securityWg(shared.get().resolve("nodejs-security-wg/npm"), problems).forEach(f -> ranges.add(f.range()));
            ghsa(shared.get().resolve("ghsa"), problems).forEach(f -> ranges.add(f.range()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("unreadable advisory data: " + problems);
        }
        return List.copyOf(ranges);
    }
}

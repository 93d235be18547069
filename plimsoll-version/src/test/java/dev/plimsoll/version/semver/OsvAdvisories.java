package dev.plimsoll.version.semver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.version.reference.VulnData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the version strings of OSV advisories for the real-data tests: every {@code ranges[].events[]} value, and
 * GHSA's {@code database_specific.last_known_affected_version_range}, of the affected entries of chosen ecosystems.
 * A file or field of the wrong shape is recorded as a problem (file and reason), never skipped silently.
 */
public final class OsvAdvisories {
    /**
     * One event value: {@code kind} is introduced, fixed, last_affected or limit; {@code range} names the range it
     * belongs to within the file ("affected[0].ranges[1]").
     */
    public record Event(Path file, String range, String ecosystem, String rangeType, String kind, String version) {
    }

    /** One native range string written beside the events. */
    public record NativeRange(Path file, String ecosystem, String range) {
    }

    public record Collected(List<Event> events, List<NativeRange> nativeRanges, List<String> problems) {
    }

    private OsvAdvisories() {
    }

    public static Collected read(Path dir, Set<String> ecosystems) {
        List<Event> events = new ArrayList<>();
        List<NativeRange> nativeRanges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (VulnData.OsvRecord record : VulnData.osvRecords(dir, problems)) {
            Path file = record.file();
            JsonNode affected = record.affected();
            for (int i = 0; i < affected.size(); i++) {
                JsonNode entry = affected.get(i);
                String ecosystem = entry.path("package").path("ecosystem").asText("");
                if (ecosystems.contains(ecosystem)) {
                    readEntry(file, "affected[" + i + "]", ecosystem, entry, events, nativeRanges, problems);
                }
            }
        }
        return new Collected(events, nativeRanges, problems);
    }

    private static void readEntry(Path file, String where, String ecosystem, JsonNode entry, List<Event> events,
            List<NativeRange> nativeRanges, List<String> problems) {
        JsonNode ranges = entry.path("ranges");
        for (int r = 0; r < ranges.size(); r++) {
            JsonNode range = ranges.get(r);
            String type = range.path("type").asText("");
            if (type.equals("GIT")) {
                continue;
            }
            for (JsonNode event : range.path("events")) {
                if (!event.isObject() || event.size() != 1) {
                    problems.add(file + ": event is not a single-key object: " + event);
                    continue;
                }
                Map.Entry<String, JsonNode> only = event.properties().iterator().next();
                if (!only.getValue().isTextual()) {
                    problems.add(file + ": event " + only.getKey() + " is not a string: " + only.getValue());
                    continue;
                }
                events.add(new Event(file, where + ".ranges[" + r + "]", ecosystem, type, only.getKey(),
                    only.getValue().asText()));
            }
        }
        JsonNode last = entry.path("database_specific").path("last_known_affected_version_range");
        if (last.isTextual()) {
            nativeRanges.add(new NativeRange(file, ecosystem, last.asText()));
        } else if (!last.isMissingNode() && !last.isNull()) {
            problems.add(file + ": last_known_affected_version_range is not a string: " + last);
        }
    }
}

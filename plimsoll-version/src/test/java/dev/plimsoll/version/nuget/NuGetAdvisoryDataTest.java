package dev.plimsoll.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import dev.plimsoll.version.semver.OsvAdvisories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GHSA's NuGet advisories: every OSV ECOSYSTEM event is a NuGet version, events ascend within each range, and the
 * version named by {@code last_known_affected_version_range} ("&lt;= 8.0.4", GHSA's comparator syntax, not NuGet's
 * interval notation) lies below the fix. The fixtures always; the shared GHSA folders (NuGet, and the NuGet
 * entries filed under npm) when {@link VulnData} finds them.
 */
class NuGetAdvisoryDataTest {

    @Test
    void fixtureAdvisoriesAreConsistent() throws InvalidVersionException {
        List<String> failures = new ArrayList<>();
        int events = check(Path.of("src/test/resources/nuget/ghsa"), failures);
        assertThat(events).isEqualTo(16);
        assertThat(failures).isEmpty();
    }

    @Test
    void wholeGhsaNuGetDataIsConsistent() throws InvalidVersionException {
        Path ghsa = VulnData.require("ghsa");
        List<String> failures = new ArrayList<>();
        int events = check(ghsa.resolve("NuGet"), failures) + check(ghsa.resolve("npm"), failures);
        System.out.printf("GHSA NuGet: %d events, %d failures%n", events, failures.size());
        assertThat(events).isGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
    }

    private static int check(Path dir, List<String> failures) throws InvalidVersionException {
        OsvAdvisories.Collected collected = OsvAdvisories.read(dir, Set.of("NuGet"));
        failures.addAll(collected.problems());
        Map<String, List<OsvAdvisories.Event>> ranges = new LinkedHashMap<>();
        for (OsvAdvisories.Event event : collected.events()) {
            if (event.kind().equals("introduced") && event.version().equals("0")) {
                continue;
            }
            try {
                NuGetScheme.INSTANCE.parse(event.version());
                ranges.computeIfAbsent(event.file().getFileName() + " " + event.range(), k -> new ArrayList<>())
                    .add(event);
            } catch (InvalidVersionException e) {
                failures.add(event.file().getFileName() + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, List<OsvAdvisories.Event>> range : ranges.entrySet()) {
            List<OsvAdvisories.Event> events = range.getValue();
            for (int i = 1; i < events.size(); i++) {
                if (NuGetVersion.parse(events.get(i).version()).compareTo(NuGetVersion.parse(
                        events.get(i - 1).version())) <= 0) {
                    failures.add(range.getKey() + ": events do not ascend at " + events.get(i).version());
                }
            }
        }
        for (OsvAdvisories.NativeRange last : collected.nativeRanges()) {
            if (!last.range().startsWith("<= ")) {
                failures.add(last.file().getFileName() + ": unexpected form " + last.range());
                continue;
            }
            NuGetVersion lastAffected = NuGetVersion.parse(last.range().substring(3));
            boolean belowAFix = collected.events().stream()
                .filter(e -> e.file().equals(last.file()) && e.kind().equals("fixed"))
                .anyMatch(e -> parseQuietly(e.version()).compareTo(lastAffected) > 0);
            if (!belowAFix) {
                failures.add(last.file().getFileName() + ": " + last.range() + " is not below any fix");
            }
        }
        return collected.events().size();
    }

    private static NuGetVersion parseQuietly(String text) {
        try {
            return NuGetVersion.parse(text);
        } catch (InvalidVersionException e) {
            throw new IllegalStateException(e);
        }
    }
}

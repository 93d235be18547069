package dev.plimsoll.version.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import dev.plimsoll.version.semver.OsvAdvisories;
import dev.plimsoll.version.semver.SemverScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RustSec's OSV export: every SEMVER event of every crates.io advisory must be a Cargo version and a strict SemVer
 * version with the same order, and each range's events must ascend. The copied fixtures always, the whole export
 * when {@link VulnData} finds it.
 */
class CargoAdvisoryDataTest {
    private static final Path FIXTURES = Path.of("src/test/resources/cargo/crates.io");

    @Test
    void fixtureEventsParseAndAscend() throws InvalidVersionException {
        Result result = check(FIXTURES);
        assertThat(result.events).isEqualTo(26);
        assertThat(result.emptyIntervals).isZero();
        assertThat(result.failures).isEmpty();
    }

    @Test
    void wholeRustSecExportParsesAndAscends() throws InvalidVersionException {
        Result result = check(VulnData.require("osv/crates.io"));
        System.out.printf("RustSec OSV crates.io: %d events in %d ranges (%d empty introduced=fixed intervals), "
            + "%d failures%n", result.events, result.ranges, result.emptyIntervals, result.failures.size());
        assertThat(result.events).isGreaterThan(2400);
        assertThat(result.emptyIntervals).isEqualTo(4);
        assertThat(result.failures).isEmpty();
    }

    private record Result(int events, int ranges, int emptyIntervals, List<String> failures) {
    }

    private static Result check(Path dir) throws InvalidVersionException {
        OsvAdvisories.Collected collected = OsvAdvisories.read(dir, Set.of("crates.io"));
        List<String> failures = new ArrayList<>(collected.problems());
        Map<String, List<OsvAdvisories.Event>> ranges = new LinkedHashMap<>();
        for (OsvAdvisories.Event event : collected.events()) {
            if (!event.rangeType().equals("SEMVER")) {
                failures.add(event.file().getFileName() + ": range type " + event.rangeType());
                continue;
            }
            try {
                CargoVersion cargo = CargoScheme.INSTANCE.parse(event.version());
                if (cargo.compareTo(CargoScheme.INSTANCE.parse(event.version())) != 0
                        || !SemverScheme.INSTANCE.parse(event.version()).toString().equals(cargo.toString())) {
                    failures.add(event.file().getFileName() + ": " + event.version() + " reads differently");
                }
                ranges.computeIfAbsent(event.file().getFileName() + " " + event.range(), k -> new ArrayList<>())
                    .add(event);
            } catch (InvalidVersionException e) {
                failures.add(event.file().getFileName() + ": " + e.getMessage());
            }
        }
        int emptyIntervals = 0;
        for (Map.Entry<String, List<OsvAdvisories.Event>> entry : ranges.entrySet()) {
            List<OsvAdvisories.Event> events = entry.getValue();
            for (int i = 1; i < events.size(); i++) {
                OsvAdvisories.Event previous = events.get(i - 1);
                OsvAdvisories.Event current = events.get(i);
                int order = CargoVersion.parse(current.version()).compareTo(CargoVersion.parse(previous.version()));
                // RustSec sometimes closes a range with "introduced: X, fixed: X", an empty interval (for a
                // release line whose first version already had the fix); harmless, counted.
                if (order == 0 && previous.kind().equals("introduced") && current.kind().equals("fixed")) {
                    emptyIntervals++;
                } else if (order <= 0) {
                    failures.add(entry.getKey() + ": " + current.kind() + " " + current.version()
                        + " does not follow " + previous.kind() + " " + previous.version());
                }
            }
        }
        return new Result(collected.events().size(), ranges.size(), emptyIntervals, failures);
    }
}

package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.scan.ScanResult;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;

class ReportProperties {

    @Property
    void spdxIdStringsOnlyUseLettersDigitsDotAndDash(@ForAll String text) {
        assertThat(SpdxJsonReporter.idString(text)).matches("[A-Za-z0-9.-]+");
    }

    @Property(tries = 200)
    void thePackageTableFitsOneHundredTwentyColumnsWhateverTheNames(
            @ForAll @NotBlank @StringLength(max = 300) String name, @ForAll @StringLength(max = 300) String version,
            @ForAll @NotBlank @StringLength(max = 300) String source) {
        // jqwik's @NotBlank trims only ASCII controls and space; Package refuses any Unicode-blank name.
        Assume.that(!name.isBlank());
        Target target = new Target(Target.Kind.ROOTFS, "/r");
        Package p = new Package(name, version, Ecosystem.DEB, Optional.of(new SourcePackage(source, "1")), List.of(),
                List.of(Location.of("var/lib/dpkg/status")), Optional.empty(), AnalyzerId.of("os/dpkg"),
                SampleScans.dpkg("M <m@example.org>", Optional.empty(), 1, List.of(), List.of()));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(p), List.of());
        Report report = new Report(new ScanResult(target, inventory, List.of(), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);

        List<String> lines = new TableReporter().lines(report);

        assertThat(lines).allSatisfy(line -> {
            assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(TableReporter.WIDTH);
            assertThat(line.codePoints()).noneMatch(Character::isISOControl);
        });
    }
}

package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackageIndexTest {
    private static final Target TARGET = new Target(Target.Kind.ROOTFS, "/r");

    @Test
    void aPurlOfItsOwnIsTheReference() {
        PackageIndex index = PackageIndex.of(inventory(List.of(pkg("bash", "status"))));

        PackageIndex.Entry e = index.entries().get(0);
        assertThat(e.ref()).isEqualTo(e.purl()).isEqualTo("pkg:deb/debian/bash@1.0?arch=amd64");
    }

    @Test
    void sharedPurlsGetAPackageIdAndIdenticalRecordsACounter() {
        Package a = pkg("bash", "var/lib/dpkg/status");
        Package b = pkg("bash", "var/lib/dpkg/status.d/bash");
        PackageIndex index = PackageIndex.of(inventory(List.of(a, b, a)));

        List<String> refs = index.entries().stream().map(PackageIndex.Entry::ref).toList();
        assertThat(refs).doesNotHaveDuplicates().allMatch(r -> r.startsWith("pkg:deb/debian/bash@1.0?arch=amd64"
                + "&package-id="));
        assertThat(refs).anyMatch(r -> r.endsWith("-2"));
        assertThat(index.withPurl("pkg:deb/debian/bash@1.0?arch=amd64")).hasSize(3);
    }

    @Test
    void orderDoesNotDependOnTheInventoryOrder() {
        List<Package> packages = new ArrayList<>(List.of(pkg("zlib1g", "s"), pkg("bash", "s"), pkg("bash", "t"),
                pkg("apt", "s"), pkg("libc6", "s")));
        List<String> expected = refs(packages);

        Collections.shuffle(packages, new Random(7));

        assertThat(refs(packages)).isEqualTo(expected);
    }

    private static List<String> refs(List<Package> packages) {
        return PackageIndex.of(inventory(packages)).entries().stream().map(PackageIndex.Entry::ref).toList();
    }

    private static Inventory inventory(List<Package> packages) {
        return new Inventory(TARGET, Optional.empty(), Optional.empty(), packages, List.of());
    }

    private static Package pkg(String name, String location) {
        return new Package(name, "1.0", Ecosystem.DEB, Optional.empty(), List.of(), List.of(Location.of(location)),
                Optional.empty(), AnalyzerId.of("os/dpkg"),
                SampleScans.dpkg("M <m@example.org>", Optional.empty(), 1, List.of(), List.of()));
    }
}

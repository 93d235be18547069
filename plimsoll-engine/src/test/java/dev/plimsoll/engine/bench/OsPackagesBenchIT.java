package dev.plimsoll.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanListener;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OS package inventory of every bench image, from every source kind, equals the ground truth that truth.sh
 * derived with the real tools (dpkg-query, rpm -qa, the apk database): name, version, architecture and source
 * package, epochs included. Runs with -Pbench; bin/test builds the images and passes -Dplimsoll.bench.dir.
 */
class OsPackagesBenchIT {

    static Stream<String> images() throws IOException {
        return BenchDir.truthRows("summary").stream().map(r -> r.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void everySourceKindGivesTheTruth(String name) throws IOException {
        List<List<String>> truth = BenchDir.truthRows(name + ".os-packages");
        Map<String, List<String>> byVariant = new TreeMap<>();
        List<List<String>> reference = null;
        for (BenchSources.Variant variant : BenchSources.all(BenchDir.images(), BenchDir.work(), name)) {
            ScanResult result = scan(variant);
            Inventory inventory = result.inventory();
            assertThat(inventory.problems()).as("%s %s problems", name, variant).isEmpty();
            List<List<String>> rows = rows(inventory.packages());
            assertThat(rows).as("%s from %s", name, variant).containsExactlyInAnyOrderElementsOf(truth);
            // The same image gives the same inventory whatever the source: here, package by package, with the
            // layer that introduced it (the root filesystem has no layers to attribute).
            if (!variant.kind().equals("rootfs")) {
                List<List<String>> withLayers = withLayers(inventory.packages());
                if (reference == null) {
                    reference = withLayers;
                } else {
                    assertThat(withLayers).as("%s from %s vs docker-archive", name, variant)
                            .containsExactlyElementsOf(reference);
                }
            }
            byVariant.put(variant.kind(), List.of(Integer.toString(rows.size())));
        }
        assertThat(byVariant).hasSize(7);
    }

    static ScanResult scan(BenchSources.Variant variant) throws IOException {
        ScanPipeline pipeline = new ScanPipeline(Builtins.standard().withoutSourceChecks(), new ImageOpener(), WalkLimits.defaults(),
                Clock.systemUTC());
        return pipeline.scan(new ScanRequest(variant.source(), Platform.LINUX_AMD64), ScanListener.NONE);
    }

    /** The columns truth.sh writes for each database kind, of the OS packages (LangPackagesBenchIT has the rest). */
    static List<List<String>> rows(List<Package> packages) {
        List<List<String>> rows = new ArrayList<>();
        for (Package p : osPackages(packages)) {
            rows.add(switch (p.metadata()) {
                case PackageMetadata.Dpkg d -> List.of(p.name(), p.version(),
                        p.source().map(s -> s.name()).orElse(p.name()),
                        p.source().map(s -> s.version()).orElse(p.version()), d.architecture());
                case PackageMetadata.Rpm r -> List.of(p.name(), Integer.toString(r.epoch().orElse(0)), r.version(),
                        r.release(), r.architecture(), r.sourceRpm().orElse("(none)"));
                case PackageMetadata.Apk a -> List.of(p.name(), p.version(), a.origin().orElse(p.name()),
                        a.architecture());
                case PackageMetadata.Listed l -> throw new AssertionError("an image scan listed an SBOM package: "
                        + l.purl());
                case PackageMetadata.Python py -> throw new AssertionError("not an OS package: " + p.name());
                case PackageMetadata.Npm n -> throw new AssertionError("not an OS package: " + p.name());
                case PackageMetadata.Java j -> throw new AssertionError("not an OS package: " + p.name());
                case PackageMetadata.Declared d -> throw new AssertionError("not an OS package: " + p.name());
                case PackageMetadata.GoBuild g -> throw new AssertionError("not an OS package: " + p.name());
            });
        }
        return rows;
    }

    static List<Package> osPackages(List<Package> packages) {
        return packages.stream().filter(p -> p.ecosystem().isOs()).toList();
    }

    private static List<List<String>> withLayers(List<Package> all) {
        List<Package> packages = osPackages(all);
        List<List<String>> rows = rows(packages);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.add(packages.get(i).introducedIn().map(LayerRef::index).map(String::valueOf).orElse("-"));
            out.add(row);
        }
        return out;
    }
}

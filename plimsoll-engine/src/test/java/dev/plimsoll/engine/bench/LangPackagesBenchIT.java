package dev.plimsoll.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.match.golang.GoMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application packages of every bench image, from every source kind, equal the ground truth that truth.sh
 * derived (truth/NAME.jars.tsv with unzip and Maven's own coordinates, NAME.npm.tsv from node_modules,
 * NAME.python.tsv from the metadata directories): Maven artifacts with their archive path (nested ones as
 * "outer.jar!/BOOT-INF/lib/inner.jar") and SHA-1, npm packages with their directory and license, Python
 * distributions with their metadata directory, Go modules (NAME.go.tsv from {@code go version -m}) with their binary:
 * the standard library at the toolchain's version as the matcher writes it, a main module only when versioned,
 * every dependency (a replaced one as its replacement), each with its go.sum hash. Images without such truth must
 * show no language package at all; the
 * jar that a whiteout deleted (java-app's h2) must not appear. Every package was introduced by the image's
 * application layer, the same whatever the source kind. Runs with -Pbench; bin/test passes -Dplimsoll.bench.dir.
 */
class LangPackagesBenchIT {

    static Stream<String> images() throws IOException {
        return BenchDir.truthRows("summary").stream().map(r -> r.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void everySourceKindGivesTheTruth(String name) throws IOException {
        List<List<String>> truth = truth(name);
        List<List<String>> reference = null;
        int variants = 0;
        for (BenchSources.Variant variant : BenchSources.all(BenchDir.images(), BenchDir.work(), name)) {
            Inventory inventory = OsPackagesBenchIT.scan(variant).inventory();
            assertThat(inventory.problems()).as("%s %s problems", name, variant).isEmpty();
            List<Package> lang = inventory.packages().stream().filter(p -> !p.ecosystem().isOs()).toList();
            assertThat(rows(lang)).as("%s from %s", name, variant).containsExactlyInAnyOrderElementsOf(truth);
            assertThat(lang).as("no deleted jar").noneMatch(p -> p.name().equals("com.h2database:h2"));
            if (!variant.kind().equals("rootfs")) {
                List<List<String>> withLayers = new ArrayList<>();
                for (Package p : lang) {
                    withLayers.add(List.of(p.name(), p.version(), p.locations().get(0).path(),
                            Integer.toString(p.introducedIn().orElseThrow().index())));
                }
                assertThat(withLayers).as("%s: introduced by the application layer", name)
                        .allSatisfy(r -> assertThat(r.get(3)).isEqualTo("1"));
                if (reference == null) {
                    reference = withLayers;
                } else {
                    assertThat(withLayers).as("%s from %s vs docker-archive", name, variant)
                            .containsExactlyElementsOf(reference);
                }
            }
            variants++;
        }
        assertThat(variants).isEqualTo(7);
    }

    /** What truth.sh says, in the shape of {@link #rows}. */
    static List<List<String>> truth(String image) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        if (Files.exists(BenchDir.truth().resolve(image + ".jars.tsv"))) {
            // path, groupId, artifactId, version, sha1, pom_properties_files, coordinates_from; "-" for archives
            // that name no artifact (a war of the application's own code).
            for (List<String> r : BenchDir.truthRows(image + ".jars")) {
                if (!r.get(1).equals("-")) {
                    rows.add(List.of("maven", r.get(0), r.get(1) + ":" + r.get(2), r.get(3), r.get(4)));
                }
            }
        }
        if (Files.exists(BenchDir.truth().resolve(image + ".npm.tsv"))) {
            // path, name, version, kind (app: the project itself, not a dependency), license
            for (List<String> r : BenchDir.truthRows(image + ".npm")) {
                if (r.get(3).equals("dep")) {
                    rows.add(List.of("npm", r.get(0), r.get(1), r.get(2), r.get(4)));
                }
            }
        }
        if (Files.exists(BenchDir.truth().resolve(image + ".python.tsv"))) {
            // path (the metadata directory), name, version, kind (dist-info or egg-info)
            for (List<String> r : BenchDir.truthRows(image + ".python")) {
                rows.add(List.of("pypi", r.get(0), r.get(1), r.get(2), r.get(3)));
            }
        }
        if (Files.exists(BenchDir.truth().resolve(image + ".go.tsv"))) {
            rows.addAll(goTruth(BenchDir.truthRows(image + ".go")));
        }
        return rows;
    }

    /**
     * file, go_version, kind (binary, path, mod, dep, "=>" for the replacement of the dep or mod before it, build),
     * module_or_setting, version, sum: one row per line of {@code go version -m}.
     */
    static List<List<String>> goTruth(List<List<String>> truth) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            List<String> r = truth.get(i);
            String file = r.get(0);
            switch (r.get(2)) {
                case "binary" -> rows.add(List.of("golang", file, "stdlib", GoMatcher.toolchainVersion(r.get(1)),
                        "STDLIB"));
                case "mod", "dep" -> {
                    List<String> compiled = r;
                    if (i + 1 < truth.size() && truth.get(i + 1).get(2).equals("=>")
                            && isVersion(truth.get(i + 1).get(4))) {
                        compiled = truth.get(i + 1); // replaced by another module: that is what was compiled
                    }
                    if (isVersion(compiled.get(4))) {
                        rows.add(List.of("golang", file, compiled.get(3), compiled.get(4),
                                (r.get(2).equals("mod") ? "MAIN" : "DEPENDENCY") + sum(compiled.get(5))));
                    }
                }
                default -> {
                }
            }
        }
        return rows;
    }

    /** "(devel)" (built from source) and nothing name no version. */
    private static boolean isVersion(String version) {
        return !version.isEmpty() && !version.equals("(devel)");
    }

    private static String sum(String sum) {
        return sum.isEmpty() ? "" : " " + sum;
    }

    static List<List<String>> rows(List<Package> packages) {
        List<List<String>> rows = new ArrayList<>();
        for (Package p : packages) {
            String path = p.locations().get(0).path();
            rows.add(switch (p.metadata()) {
                case PackageMetadata.Java j -> List.of("maven", path, p.name(), p.version(), j.sha1());
                case PackageMetadata.Npm n -> List.of("npm", path.substring(0, path.lastIndexOf('/')), p.name(),
                        p.version(), String.join(" ", p.licenses()));
                case PackageMetadata.Python py -> List.of("pypi", path.substring(0, path.lastIndexOf('/')), p.name(),
                        p.version(), py.layout());
                case PackageMetadata.GoBuild g -> List.of("golang", path, p.name(), p.version(),
                        g.role().name() + sum(g.sum().orElse("")));
                default -> List.of(p.ecosystem().purlType(), path, p.name(), p.version(), "unexpected");
            });
        }
        return rows;
    }
}

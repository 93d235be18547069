package dev.plimsoll.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpmAnalyzerTest {
    private static final Path LOCKFILES = Path.of("src/test/resources/npm/lockfiles");

    private static PackageMetadata.Npm npm(Package p) {
        return (PackageMetadata.Npm) p.metadata();
    }

    @Test
    void installedTreeWithItsLockfile() {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("npm/project", "/app")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).path(), p -> npm(p).dev(), p -> npm(p).optional())
                .containsExactly(
                        tuple("@babel/helper-validator-identifier", "7.22.20",
                                "/app/node_modules/@babel/helper-validator-identifier/package.json", true, false),
                        tuple("debug", "2.6.9", "/app/node_modules/debug/package.json", false, false),
                        tuple("is-number", "7.0.0", "/app/node_modules/is-number/package.json", false, true),
                        tuple("lodash", "4.17.15", "/app/node_modules/lodash/package.json", false, false),
                        tuple("minimist", "1.2.0", "/app/node_modules/minimist/package.json", false, false),
                        tuple("ms", "2.0.0", "/app/node_modules/debug/node_modules/ms/package.json", false, false),
                        tuple("ms", "2.1.3", "/app/node_modules/ms/package.json", false, false));
        Package nestedMs = run.output().packages().get(5);
        assertThat(nestedMs.ecosystem()).isEqualTo(Ecosystem.NPM);
        assertThat(nestedMs.licenses()).containsExactly("MIT");
        assertThat(npm(nestedMs).installPath()).isEqualTo("node_modules/debug/node_modules/ms");
        assertThat(npm(nestedMs).integrity()).hasValueSatisfying(i -> assertThat(i).startsWith("sha512-Tpp60P6IU"));
        // The lockfile is the second location, at the line of the entry.
        assertThat(nestedMs.locations()).extracting(Location::path, l -> l.line().orElse(0)).containsExactly(
                tuple("/app/node_modules/debug/node_modules/ms/package.json", 0),
                tuple("/app/package-lock.json", 40));
        assertThat(Purls.of(run.output().packages().get(0), Optional.empty()))
                .isEqualTo("pkg:npm/%40babel/helper-validator-identifier@7.22.20");
        assertThat(run.output().packages().get(1).metadata()).isEqualTo(new PackageMetadata.Npm(
                "node_modules/debug", Optional.of("TJ Holowaychuk <tj@vision-media.ca>"), Optional.empty(),
                Optional.of("sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA=="),
                false, false));
        // The project's own package.json is read (it tells Yarn's dev dependencies apart), not a dependency.
        assertThat(run.deliveredPaths()).contains("/app/package.json");
        assertThat(run.output().packages()).flatExtracting(Package::locations).extracting(Location::path)
                .doesNotContain("/app/package.json");
    }

    @Test
    void aLockfileAloneDescribesASourceCheckout() throws IOException {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/src/package-lock.json", Files.readAllBytes(LOCKFILES.resolve("v1.json")))
                .file("/src/package.json", "{\"name\": \"x\"}")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> npm(p).dev(),
                p -> p.locations().get(0).path(), p -> p.introducedIn().orElseThrow().index())
                .containsExactly(
                        tuple("@babel/helper-validator-identifier", "7.22.20", true, "/src/package-lock.json", 0),
                        tuple("debug", "2.6.9", false, "/src/package-lock.json", 0),
                        tuple("is-number", "7.0.0", false, "/src/package-lock.json", 0),
                        tuple("lodash", "4.17.15", false, "/src/package-lock.json", 0),
                        tuple("minimist", "1.2.0", false, "/src/package-lock.json", 0),
                        tuple("ms", "2.0.0", false, "/src/package-lock.json", 0),
                        tuple("ms", "2.1.3", false, "/src/package-lock.json", 0));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.locations().get(0).line()).isPresent());
    }

    @Test
    void lockedButNotInstalledIsLeftOutWhenATreeIsThere() {
        // npm ci --omit=dev: the lockfile still lists the dev dependency, node_modules does not hold it.
        String lock = """
                {"lockfileVersion": 3, "packages": {"": {},
                  "node_modules/kept": {"version": "1.0.0"},
                  "node_modules/devtool": {"version": "2.0.0", "dev": true},
                  "node_modules/upgraded": {"version": "3.0.0"}}}""";
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/app/package-lock.json", lock)
                .file("/app/node_modules/kept/package.json", "{\"name\": \"kept\", \"version\": \"1.0.0\"}")
                .file("/app/node_modules/upgraded/package.json", "{\"name\": \"upgraded\", \"version\": \"3.0.1\"}"))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> p.locations().size())
                .containsExactly(tuple("kept", "1.0.0", 2), tuple("upgraded", "3.0.1", 1));
    }

    @Test
    void packageJsonFilesThatAreNotInstalledPackages() {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/app/node_modules/a/package.json", "{\"name\": \"a\", \"version\": \"1.0.0\"}")
                // inside a package, not at its root
                .file("/app/node_modules/a/lib/package.json", "{\"type\": \"module\"}")
                // a test fixture shaped like an installed package, without a version
                .file("/app/node_modules/a/test/node_modules/fixture/package.json", "{\"name\": \"fixture\"}")
                .file("/app/node_modules/.bin/package.json", "{\"name\": \"bin\", \"version\": \"1\"}")
                // a published package's own lockfile, which npm ignores
                .file("/app/node_modules/a/package-lock.json",
                        "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/z\": {\"version\": \"9.9.9\"}}}")
                .dir("/app/node_modules/b/package.json")
                .symlink("/app/node_modules/c/package.json", "../../c.json")).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("a");
        assertThat(run.output().problems()).isEmpty();
    }

    @Test
    void oldNpmRecordsWhereItCameFromInPackageJson() {
        String json = """
                {"name": "left-pad", "version": "1.1.3", "license": "WTFPL", "licenses": [{"type": "WTFPL"}],
                 "author": {"name": "azer", "email": "azer@roadbeats.com"},
                 "_resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.1.3.tgz",
                 "_integrity": "sha1-YS9hwDPzqeCOk58crr7qQbbzGZo=", "readme": "x"}""";
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/usr/lib/node_modules/npm/node_modules/left-pad/package.json", json)).runInEveryOrder();

        assertThat(run.output().packages()).singleElement().satisfies(p -> {
            assertThat(p.licenses()).containsExactly("WTFPL");
            assertThat(p.metadata()).isEqualTo(new PackageMetadata.Npm("node_modules/npm/node_modules/left-pad",
                    Optional.of("azer <azer@roadbeats.com>"),
                    Optional.of("https://registry.npmjs.org/left-pad/-/left-pad-1.1.3.tgz"),
                    Optional.of("sha1-YS9hwDPzqeCOk58crr7qQbbzGZo="), false, false));
        });
    }

    @Test
    void shrinkwrapWinsOverPackageLock() {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": "
                        + "{\"node_modules/x\": {\"version\": \"1.0.0\"}}}")
                .file("/p/npm-shrinkwrap.json", "{\"lockfileVersion\": 3, \"packages\": "
                        + "{\"node_modules/x\": {\"version\": \"2.0.0\"}}}")).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::version, p -> p.locations().get(0).path())
                .containsExactly(tuple("2.0.0", "/p/npm-shrinkwrap.json"));
    }

    @Test
    void brokenFilesAreProblemsNamingThem() {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\n\"node_modules/x\": ")
                .file("/b/package-lock.json", "{\"lockfileVersion\": 9, \"packages\": "
                        + "{\"node_modules/y\": {\"version\": \"1.0.0\"}}}")
                .file("/c/package-lock.json", "{\"name\": \"no version, no packages\"}")
                .file("/d/node_modules/broken/package.json", "{\"name\": \"broken\", \"version\": }")
                .file("/e/package-lock.json", "{\"lockfileVersion\": 2, \"packages\": {\"node_modules/b\": {}}}"))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("y");
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow())
                .containsExactly(
                        tuple(ProblemKind.MALFORMED_FILE, "/a/package-lock.json"),
                        tuple(ProblemKind.UNSUPPORTED, "/b/package-lock.json"),
                        tuple(ProblemKind.UNSUPPORTED, "/c/package-lock.json"),
                        tuple(ProblemKind.MALFORMED_FILE, "/d/node_modules/broken/package.json"),
                        tuple(ProblemKind.MALFORMED_FILE, "/e/package-lock.json"));
        assertThat(run.output().problems().get(0).message()).startsWith("line 2: not valid JSON");
        assertThat(run.output().problems().get(1).message()).contains("lockfileVersion 9");
        assertThat(run.output().problems().get(4).message()).isEqualTo("line 1: package \"node_modules/b\" has no version");
    }

    @Test
    void workspaceLockfileWithoutTree() throws IOException {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/ws/package-lock.json", Files.readAllBytes(LOCKFILES.resolve("workspace-v3.json"))))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> npm(p).installPath())
                .containsExactly(tuple("left-pad", "1.3.0", "node_modules/left-pad"),
                        tuple("lodash", "4.17.11", "node_modules/lodash-old"));
        assertThat(run.output().packages()).extracting(Package::licenses)
                .containsExactly(List.of("WTFPL"), List.of("MIT"));
    }
}

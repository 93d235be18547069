package dev.plimsoll.analyzer.lang.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
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

class ComposerAnalyzerTest {
    private static final Path PHP = Path.of("src/test/resources/php");

    private static final List<String> ALL = List.of("acme/internal-lib dev-main", "guzzlehttp/guzzle 7.4.0",
            "guzzlehttp/promises 1.5.1", "guzzlehttp/psr7 2.1.0", "hamcrest/hamcrest-php v2.0.1",
            "mockery/mockery 1.4.4", "psr/http-client 1.0.1", "psr/http-message 1.0.1", "psr/log 1.1.4",
            "ralouphie/getallheaders 3.0.3", "symfony/deprecation-contracts v2.5.0", "symfony/event-dispatcher v4.4.0",
            "symfony/http-foundation v4.4.0", "symfony/http-kernel v4.4.0");
    private static final List<String> DEV = List.of("hamcrest/hamcrest-php", "mockery/mockery");

    private static PackageMetadata.Declared declared(Package p) {
        return (PackageMetadata.Declared) p.metadata();
    }

    private static List<String> nameVersions(List<Package> packages) {
        return packages.stream().map(p -> p.name() + " " + p.version()).toList();
    }

    private static byte[] fixture(String path) throws IOException {
        return Files.readAllBytes(PHP.resolve(path));
    }

    @Test
    void installedTreeWithItsLockfileReportsEachPackageOnce() {
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("php/project", "/var/www")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        List<Package> packages = run.output().packages();
        assertThat(nameVersions(packages)).containsExactlyElementsOf(ALL);
        assertThat(packages).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.COMPOSER);
            assertThat(p.locations()).extracting(Location::path).containsExactly(
                    "/var/www/vendor/composer/installed.json", "/var/www/composer.lock");
            assertThat(declared(p).format()).isEqualTo("installed.json");
            assertThat(declared(p).relation()).isEqualTo(Relation.UNKNOWN);
            assertThat(declared(p).dev()).isEqualTo(DEV.contains(p.name()));
        });

        Package guzzle = packages.get(1);
        assertThat(guzzle.locations()).extracting(l -> l.line().orElseThrow()).containsExactly(27, 30);
        assertThat(guzzle.licenses()).containsExactly("MIT");
        assertThat(guzzle.metadata()).isEqualTo(new PackageMetadata.Declared("installed.json", false,
                Relation.UNKNOWN, Optional.of("../artifacts/guzzlehttp_guzzle-7.4.0.zip"),
                Optional.of("b2e24606ec5060e913d5357c36d00f3f574d374c")));
        assertThat(Purls.of(guzzle, Optional.empty())).isEqualTo("pkg:composer/guzzlehttp/guzzle@7.4.0");
        // From a git repository: a source with a commit, no dist.
        assertThat(declared(packages.get(0)).resolved())
                .contains("../gitrepo#46a0da7ff0a7aeb827fb713bcb54da75526680ff");
        assertThat(declared(packages.get(0)).checksum()).isEmpty();
        assertThat(packages.get(0).licenses()).containsExactly("proprietary");
        assertThat(packages.get(4).licenses()).containsExactly("BSD-3-Clause");
        assertThat(run.deliveredPaths()).containsExactly("/var/www/composer.lock",
                "/var/www/vendor/composer/installed.json");
    }

    @Test
    void aLockfileAloneDescribesASourceCheckout() throws IOException {
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/src/composer.lock", fixture("project/composer.lock"))
                .file("/src/composer.json", fixture("project/composer.json"))).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        List<Package> packages = run.output().packages();
        assertThat(nameVersions(packages)).containsExactlyElementsOf(ALL);
        assertThat(packages).allSatisfy(p -> {
            assertThat(p.locations()).singleElement().extracting(Location::path).isEqualTo("/src/composer.lock");
            assertThat(declared(p).format()).isEqualTo("composer.lock");
            assertThat(declared(p).dev()).as(p.name()).isEqualTo(DEV.contains(p.name()));
            assertThat(p.introducedIn().orElseThrow().index()).isZero();
        });
        assertThat(packages.get(13).locations().get(0).line()).hasValue(258);
    }

    @Test
    void lockedButNotInstalledIsLeftOutWhenATreeIsThere() {
        // composer install --no-dev: the lock still lists mockery and hamcrest, the vendor tree does not hold them.
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("php/nodev", "/app")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(nameVersions(run.output().packages()))
                .containsExactlyElementsOf(ALL.stream().filter(nv -> DEV.stream().noneMatch(nv::startsWith)).toList());
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations()).hasSize(2);
            assertThat(declared(p).dev()).isFalse();
        });
    }

    @Test
    void composerOneInstalledJsonIsABareList() {
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("php/composer1", "/opt/app")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(nameVersions(run.output().packages())).containsExactlyElementsOf(ALL);
        // Composer 1 did not record which packages were for development.
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(declared(p).dev()).isFalse();
            assertThat(declared(p).format()).isEqualTo("installed.json");
            assertThat(p.locations()).singleElement().extracting(Location::path)
                    .isEqualTo("/opt/app/vendor/composer/installed.json");
        });
    }

    @Test
    void anInstalledVersionOtherThanTheLockedOneIsReportedAsInstalled() {
        String lock = """
                {"packages": [{"name": "a/b", "version": "1.0.0"}, {"name": "c/d", "version": "2.0.0"}],
                 "packages-dev": []}""";
        String installed = """
                {"packages": [{"name": "a/b", "version": "1.0.1"}, {"name": "c/d", "version": "2.0.0"}],
                 "dev": true, "dev-package-names": []}""";
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/composer.lock", lock).file("/p/vendor/composer/installed.json", installed))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> p.locations().size())
                .containsExactly(tuple("a/b", "1.0.1", 1), tuple("c/d", "2.0.0", 2));
    }

    @Test
    void lockfilesOfInstalledPackagesAndCustomVendorDirectories() {
        String lock = "{\"packages\": [{\"name\": \"x/y\", \"version\": \"1.0.0\"}]}";
        String installed = "{\"packages\": [{\"name\": \"x/y\", \"version\": \"1.0.0\"}]}";
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                // a package's own lockfile, which Composer ignores
                .file("/p/vendor/some/package/composer.lock", "{\"packages\": [{\"name\": \"z/z\", \"version\": \"9\"}]}")
                // config.vendor-dir "lib": the project is not known, so nothing is merged
                .file("/q/composer.lock", lock).file("/q/lib/composer/installed.json", installed)
                // not Composer's
                .file("/r/other/installed.json", installed)
                .dir("/s/composer.lock")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path())
                .containsExactlyInAnyOrder("/q/composer.lock", "/q/lib/composer/installed.json");
        assertThat(ComposerAnalyzer.projectOfVendor("/vendor/composer/installed.json")).isEqualTo("/");
        assertThat(ComposerAnalyzer.projectOfVendor("/root/.composer/vendor/composer/installed.json"))
                .isEqualTo("/root/.composer");
    }

    @Test
    void sourceOnlyAndReferencesAndPlatformNames() {
        String lock = """
                {"packages": [
                  {"name": "php", "version": "8.2.0"},
                  {"name": "ext-json", "version": "8.2.0"},
                  {"name": "vendor/from-dist", "version": "1.0.0",
                   "source": {"type": "git", "url": "https://github.com/vendor/from-dist.git", "reference": "abc123"},
                   "dist": {"type": "zip", "url": "https://api.github.com/repos/vendor/from-dist/zipball/abc123",
                            "reference": "abc123", "shasum": ""}, "license": "MIT"},
                  {"name": "vendor/from-source", "version": "dev-master",
                   "source": {"type": "git", "url": "https://example.org/x.git", "reference": "def456"}}
                ]}""";
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer())
                .layer(AnalyzerHarness.layer().file("/p/composer.lock", lock)).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).resolved(),
                p -> declared(p).checksum(), Package::licenses).containsExactly(
                tuple("vendor/from-dist", Optional.of("https://api.github.com/repos/vendor/from-dist/zipball/abc123"),
                        Optional.empty(), List.of("MIT")),
                tuple("vendor/from-source", Optional.of("https://example.org/x.git#def456"), Optional.empty(),
                        List.of()));
    }

    @Test
    void brokenFilesAreProblemsNamingThem() {
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/composer.lock", "{\"packages\": [\n{\"name\": \"a/b\", ")
                .file("/b/composer.lock", "{\"packages\": {\"a/b\": \"1.0\"}}")
                .file("/c/composer.lock", "{\"content-hash\": \"x\"}")
                .file("/d/composer.lock", """
                        {"packages": [
                          {"name": "ok/one", "version": "1.0.0"},
                          {"name": "no/version"},
                          {"name": "Not A Name", "version": "1"},
                          {"name": "bad/version", "version": "1 .0"},
                          "string"
                        ]}""")
                .file("/e/vendor/composer/installed.json", "42")).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("ok/one");
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow(),
                ScanProblem::message).containsExactly(
                tuple(ProblemKind.MALFORMED_FILE, "/a/composer.lock",
                        "line 2: not valid JSON: Unexpected end-of-input within/between Object entries;"
                                + " its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE, "/b/composer.lock",
                        "line 1: \"packages\" is not a list; its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE, "/c/composer.lock",
                        "no \"packages\" list: not a composer.lock; its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE, "/d/composer.lock", "line 3: package \"no/version\" has no version"),
                tuple(ProblemKind.MALFORMED_FILE, "/d/composer.lock",
                        "line 4: not a Composer package name: \"Not A Name\""),
                tuple(ProblemKind.MALFORMED_FILE, "/d/composer.lock",
                        "line 5: package bad/version has a malformed version \"1 .0\""),
                tuple(ProblemKind.MALFORMED_FILE, "/d/composer.lock",
                        "line 6: a package in \"packages\" is not an object"),
                tuple(ProblemKind.MALFORMED_FILE, "/e/vendor/composer/installed.json",
                        "line 1: the file is neither a JSON object nor an array; its packages are not read"));
    }

    @Test
    void sizesAndCountsAreBounded() {
        assertThat(new ComposerAnalyzer().interests().maxBytes()).isEqualTo(64L * 1024 * 1024);
        StringBuilder many = new StringBuilder("{\"packages\": [");
        for (int i = 0; i <= ComposerFile.MAX_PACKAGES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"v/p").append(i).append("\",\"version\":\"1\"}");
        }
        StringBuilder garbage = new StringBuilder("[");
        for (int i = 0; i <= ComposerFile.MAX_FAULTS; i++) {
            garbage.append(i == 0 ? "" : ",").append("{}");
        }
        AnalyzerHarness.Run run = LangHarness.of(new ComposerAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/composer.lock", many.append("]}").toString())
                .file("/b/vendor/composer/installed.json", garbage.append("]").toString())).run();

        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.LIMIT_EXCEEDED, "line 1: more than 50000 packages; its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE,
                        "line 1: more than 100 unreadable packages; its packages are not read"));
    }
}

package dev.plimsoll.analyzer.lang.dotnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
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

class DotnetAnalyzerTest {
    private static final Path DOTNET = Path.of("src/test/resources/dotnet");

    private static PackageMetadata.Declared declared(Package p) {
        return (PackageMetadata.Declared) p.metadata();
    }

    private static byte[] fixture(String path) throws IOException {
        return Files.readAllBytes(DOTNET.resolve(path));
    }

    @Test
    void frameworkDependentApplication() {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("dotnet/app", "/app")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        // Fixture.Web and its project reference Fixture.Core are the application's own code.
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).path(), p -> p.locations().get(0).line().orElseThrow(),
                p -> declared(p).relation()).containsExactly(
                tuple("Microsoft.Extensions.Logging.Abstractions", "6.0.0", "/app/Fixture.Web.deps.json", 52,
                        Relation.TRANSITIVE),
                tuple("Newtonsoft.Json", "12.0.1", "/app/Fixture.Web.deps.json", 59, Relation.DIRECT),
                tuple("System.Text.Encodings.Web", "4.5.0", "/app/Fixture.Web.deps.json", 66, Relation.DIRECT));
        Package newtonsoft = run.output().packages().get(1);
        assertThat(newtonsoft.ecosystem()).isEqualTo(Ecosystem.NUGET);
        assertThat(newtonsoft.metadata()).isEqualTo(new PackageMetadata.Declared("deps.json", false, Relation.DIRECT,
                Optional.empty(), Optional.of("sha512-ZbWxPvwLS5zVpDHv45Jejeg2PQoxv7BzrEQYQ54i0vRVuX3iTDpi75yUT//PCzoEHTe8"
                + "mXLk/aNHkWDvmopnnA==")));
        assertThat(Purls.of(newtonsoft, Optional.empty())).isEqualTo("pkg:nuget/Newtonsoft.Json@12.0.1");
    }

    @Test
    void selfContainedApplicationShipsTheRuntimePack() {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("dotnet/selfcontained", "/opt/worker")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).line().orElseThrow(), p -> declared(p).relation(),
                p -> declared(p).checksum().isPresent()).containsExactly(
                tuple("Microsoft.NETCore.App.Runtime.linux-x64", "6.0.16", 48, Relation.DIRECT, false),
                tuple("Serilog", "2.10.0", 53, Relation.DIRECT, true));
    }

    @Test
    void packagesLockOfSeveralTargetFrameworks() {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("dotnet/project", "/src/Fixture.Web")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        // Listed once per target framework, reported once; the project reference fixture.core is not a package.
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).line().orElseThrow(), p -> declared(p).relation()).containsExactly(
                tuple("Microsoft.Extensions.Logging.Abstractions", "6.0.0", 17, Relation.TRANSITIVE),
                tuple("Newtonsoft.Json", "12.0.1", 5, Relation.DIRECT),
                tuple("System.Runtime.CompilerServices.Unsafe", "6.0.0", 37, Relation.TRANSITIVE),
                tuple("System.Text.Encodings.Web", "4.5.0", 11, Relation.DIRECT));
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(declared(p).format()).isEqualTo("packages.lock.json");
            assertThat(declared(p).checksum()).isPresent();
            assertThat(declared(p).dev()).isFalse();
            assertThat(p.locations()).singleElement().satisfies(l ->
                    assertThat(l.path()).isEqualTo("/src/Fixture.Web/packages.lock.json"));
        });
        assertThat(declared(run.output().packages().get(1)).checksum())
                .contains("ZbWxPvwLS5zVpDHv45Jejeg2PQoxv7BzrEQYQ54i0vRVuX3iTDpi75yUT//PCzoEHTe8mXLk/aNHkWDvmopnnA==");
    }

    @Test
    void centralPackageManagementLock() {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("dotnet/central", "/src")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).relation()).containsExactly(
                tuple("Microsoft.Extensions.Logging.Abstractions", Relation.DIRECT),
                tuple("Newtonsoft.Json", Relation.DIRECT),
                tuple("System.Runtime.CompilerServices.Unsafe", Relation.TRANSITIVE),
                tuple("System.Text.Encodings.Web", Relation.TRANSITIVE));
    }

    @Test
    void withoutAKnownRuntimeTargetEveryPackageLibraryCounts() {
        // A library's deps.json of the old "Version=v2.0/" form, and one whose runtimeTarget names no target.
        String library = """
                {"runtimeTarget": {"name": ".NETStandard,Version=v2.0/", "signature": ""},
                 "targets": {".NETStandard,Version=v2.0": {},
                   ".NETStandard,Version=v2.0/": {
                     "Lib/1.0.0": {"dependencies": {"NETStandard.Library": "2.0.3"}},
                     "Microsoft.NETCore.Platforms/1.1.0": {},
                     "NETStandard.Library/2.0.3": {"dependencies": {"Microsoft.NETCore.Platforms": "1.1.0"}}}},
                 "libraries": {"Lib/1.0.0": {"type": "project", "serviceable": false, "sha512": ""},
                   "Microsoft.NETCore.Platforms/1.1.0": {"type": "package", "sha512": "sha512-a"},
                   "NETStandard.Library/2.0.3": {"type": "package", "sha512": "sha512-b"}}}""";
        String noTarget = """
                {"runtimeTarget": {"name": "elsewhere"},
                 "libraries": {"Only.In.Libraries/3.0.0": {"type": "package"},
                   "Ref.Assembly/1.0.0": {"type": "reference"}}}""";
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/Lib.deps.json", library).file("/b/Tool.deps.json", noTarget)).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).relation()).containsExactly(
                tuple("Microsoft.NETCore.Platforms", Relation.TRANSITIVE),
                tuple("NETStandard.Library", Relation.DIRECT),
                tuple("Only.In.Libraries", Relation.UNKNOWN));
    }

    @Test
    void packagesOutsideTheRuntimeTargetAreNotRun() {
        String deps = """
                {"runtimeTarget": {"name": "rt"},
                 "targets": {"rt": {"App/1.0.0": {"dependencies": {"used": "1.0.0"}}, "Used/1.0.0": {}},
                             "compile-only": {"Unused/2.0.0": {}}},
                 "libraries": {"App/1.0.0": {"type": "project"}, "Used/1.0.0": {"type": "package"},
                               "Unused/2.0.0": {"type": "package"}}}""";
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer())
                .layer(AnalyzerHarness.layer().file("/app/App.deps.json", deps)).runInEveryOrder();

        // Dependency names compare case-insensitively, as NuGet ids do; the id stays as "libraries" writes it.
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).relation())
                .containsExactly(tuple("Used", Relation.DIRECT));
    }

    @Test
    void brokenFilesAreProblemsNamingThem() throws IOException {
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/App.deps.json", "{\"libraries\": {\n\"x/1\": ")
                .file("/b/App.deps.json", "{\"targets\": {}}")
                .file("/c/App.deps.json", """
                        {"libraries": {
                          "NoVersion": {"type": "package"},
                          "Bad Id/1.0": {"type": "package"},
                          "Good/1.0": {"type": "package"},
                          "Odd/1.0": 7}}""")
                .file("/d/packages.lock.json", """
                        {"version": 3, "dependencies": {"net9.0": {
                          "Good": {"type": "Direct", "resolved": "1.0.0"},
                          "NoResolved": {"type": "Transitive"},
                          "Spaced": {"type": "Transitive", "resolved": "1 .0"},
                          "Weird": "x"}}}""")
                .file("/e/packages.lock.json", "[]")
                .file("/f/packages.lock.json", fixture("central/packages.lock.json"))
                .file("/g/packages.lock.json", "{\"dependencies\": {\"net6.0\": []}}")
                .file("/h/.deps.json", "not even JSON")).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, p -> p.locations().get(0).path())
                .containsExactly(tuple("Good", "/c/App.deps.json"), tuple("Good", "/d/packages.lock.json"),
                        tuple("Microsoft.Extensions.Logging.Abstractions", "/f/packages.lock.json"),
                        tuple("Newtonsoft.Json", "/f/packages.lock.json"),
                        tuple("System.Runtime.CompilerServices.Unsafe", "/f/packages.lock.json"),
                        tuple("System.Text.Encodings.Web", "/f/packages.lock.json"));
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::kind,
                ScanProblem::message).containsExactly(
                tuple("/a/App.deps.json", ProblemKind.MALFORMED_FILE,
                        "line 2: not valid JSON: Unexpected end-of-input within/between Object entries; its packages"
                                + " are not read"),
                tuple("/b/App.deps.json", ProblemKind.MALFORMED_FILE,
                        "no \"libraries\": not a .deps.json; its packages are not read"),
                tuple("/c/App.deps.json", ProblemKind.MALFORMED_FILE,
                        "line 2: not a package id and version: \"NoVersion\""),
                tuple("/c/App.deps.json", ProblemKind.MALFORMED_FILE,
                        "line 3: not a package id and version: \"Bad Id/1.0\""),
                tuple("/c/App.deps.json", ProblemKind.MALFORMED_FILE, "line 5: library \"Odd/1.0\" is not an object"),
                tuple("/d/packages.lock.json", ProblemKind.UNSUPPORTED,
                        "version 3, not 1 or 2: read as version 2, may be incomplete"),
                tuple("/d/packages.lock.json", ProblemKind.MALFORMED_FILE,
                        "line 3: package \"NoResolved\" in \"net9.0\" has no resolved version"),
                tuple("/d/packages.lock.json", ProblemKind.MALFORMED_FILE,
                        "line 4: package \"Spaced\" in \"net9.0\" has a malformed resolved version"),
                tuple("/d/packages.lock.json", ProblemKind.MALFORMED_FILE,
                        "line 5: package \"Weird\" in \"net9.0\" is not an object"),
                tuple("/e/packages.lock.json", ProblemKind.MALFORMED_FILE,
                        "line 1: the file is not an object; its packages are not read"),
                tuple("/g/packages.lock.json", ProblemKind.MALFORMED_FILE,
                        "line 1: target \"net6.0\" is not an object; its packages are not read"));
        assertThat(run.deliveredPaths()).contains("/h/.deps.json");
    }

    @Test
    void sizesAndCountsAreBounded() {
        assertThat(new DotnetAnalyzer().interests().maxBytes()).isEqualTo(64L * 1024 * 1024);
        StringBuilder many = new StringBuilder("{\"libraries\": {");
        for (int i = 0; i <= DepsJson.MAX_ENTRIES; i++) {
            many.append(i == 0 ? "" : ",").append("\"P").append(i).append("/1\":{}");
        }
        StringBuilder bad = new StringBuilder("{\"version\": 1, \"dependencies\": {\"t\": {");
        for (int i = 0; i <= PackagesLock.MAX_FAULTS; i++) {
            bad.append(i == 0 ? "" : ",").append("\"P").append(i).append("\":{}");
        }
        AnalyzerHarness.Run run = LangHarness.of(new DotnetAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/App.deps.json", many.append("}}").toString())
                .file("/b/packages.lock.json", bad.append("}}}").toString())).run();

        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.LIMIT_EXCEEDED, "line 1: more than 200000 entries; its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE,
                        "line 1: more than 100 unreadable packages; its packages are not read"));
        assertThat(DotnetAnalyzer.strongest(List.of(Relation.UNKNOWN, Relation.TRANSITIVE)))
                .isEqualTo(Relation.TRANSITIVE);
    }
}

package dev.plimsoll.analyzer.lang.npm;

import static dev.plimsoll.analyzer.lang.npm.LockFixtures.bytes;
import static dev.plimsoll.analyzer.lang.npm.LockFixtures.lockName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** yarn.lock and pnpm-lock.yaml through the analyzer: alone, beside package.json, beside node_modules. */
class DeclaredLockAnalyzerTest {
    private static PackageMetadata.Declared declared(Package p) {
        return (PackageMetadata.Declared) p.metadata();
    }

    private static PackageMetadata.Npm npm(Package p) {
        return (PackageMetadata.Npm) p.metadata();
    }

    private static boolean dev(Package p) {
        return p.metadata() instanceof PackageMetadata.Npm n ? n.dev() : declared(p).dev();
    }

    private static AnalyzerHarness.Run run(AnalyzerHarness.Layer layer) {
        return LangHarness.of(new NpmAnalyzer()).layer(layer).runInEveryOrder();
    }

    @ParameterizedTest
    @FieldSource("dev.plimsoll.analyzer.lang.npm.LockFixtures#MAIN")
    void eachLockfileWithItsPackageJsonListsTheProjectsPackages(String dir) throws IOException {
        String lock = lockName(dir);
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/src/" + lock, bytes(dir + "/" + lock))
                .file("/src/package.json", bytes(dir + "/package.json")));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyInAnyOrder(LockFixtures.mainPackages());
        List<String> lines = Files.readAllLines(LockFixtures.NPM.resolve(dir + "/" + lock));
        assertThat(run.output().packages()).allSatisfy(p -> {
            PackageMetadata.Declared d = declared(p);
            assertThat(d.format()).isEqualTo(lock);
            assertThat(d.relation()).as(p.name() + "@" + p.version()).isEqualTo(
                    LockFixtures.MAIN_DIRECT.contains(p.name() + "@" + p.version()) ? Relation.DIRECT
                            : Relation.TRANSITIVE);
            assertThat(d.checksum()).isPresent();
            assertThat(p.licenses()).isEmpty();
            Location at = p.locations().get(0);
            assertThat(p.locations()).hasSize(1);
            assertThat(at.path()).isEqualTo("/src/" + lock);
            assertThat(lines.get(at.line().orElseThrow() - 1)).contains(p.name());
        });
    }

    @Test
    void yarnOneAloneCannotTellDevOrDirect() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/src/yarn.lock", bytes("yarn-v1/yarn.lock")));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).hasSize(69).allSatisfy(p -> {
            assertThat(declared(p).dev()).isFalse();
            assertThat(declared(p).relation()).isEqualTo(Relation.UNKNOWN);
        });
        Package express = run.output().packages().stream().filter(p -> p.name().equals("express")).findFirst()
                .orElseThrow();
        assertThat(express.metadata()).isEqualTo(new PackageMetadata.Declared("yarn.lock", false, Relation.UNKNOWN,
                Optional.of("https://registry.npmjs.org/express/-/express-4.17.1.tgz"
                        + "#4491fc38605cf51f8629d39c2b5d026f98a4c134"),
                Optional.of("sha512-mHJ9O79RqluphRrcw2X/GTh3k9tVv8YcoyY4Kkh4WDMUYKRZUq0h1o0w2rrrxBqM7VoeUVqgb27xlEM"
                        + "XTnYt4g==")));
        assertThat(express.locations().get(0).line()).isPresent();
    }

    @Test
    void berryAndPnpmKnowTheirImportersWithoutPackageJson() {
        AnalyzerHarness.Run berry = run(AnalyzerHarness.layer()
                .file("/src/yarn.lock", bytes("yarn-berry/yarn.lock")));
        AnalyzerHarness.Run pnpm = run(AnalyzerHarness.layer()
                .file("/src/pnpm-lock.yaml", bytes("pnpm-v9/pnpm-lock.yaml")));

        // Berry's workspace entry lists dev and production dependencies together: without package.json no dev.
        assertThat(berry.output().packages()).hasSize(69).allSatisfy(p -> assertThat(declared(p).dev()).isFalse());
        assertThat(berry.output().packages()).filteredOn(p -> declared(p).relation() == Relation.DIRECT)
                .extracting(p -> p.name() + "@" + p.version())
                .containsExactlyInAnyOrderElementsOf(LockFixtures.MAIN_DIRECT);
        // pnpm's importers keep devDependencies apart.
        assertThat(pnpm.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyInAnyOrder(LockFixtures.mainPackages());
    }

    @Test
    void yarnLockBesideItsNodeModulesGivesEachInstalledPackageOnce() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("npm/yarn-v1", "/app"));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, DeclaredLockAnalyzerTest::dev)
                .containsExactlyInAnyOrder(LockFixtures.mainPackages());
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations()).extracting(Location::path).containsExactly(
                    "/app/" + npm(p).installPath() + "/package.json", "/app/yarn.lock");
            assertThat(p.locations().get(1).line()).isPresent();
            assertThat(npm(p).integrity()).hasValueSatisfying(i -> assertThat(i).startsWith("sha"));
            assertThat(npm(p).resolved()).hasValueSatisfying(
                    r -> assertThat(r).startsWith("https://registry.npmjs.org/" + p.name() + "/-/"));
            assertThat(p.licenses()).isNotEmpty();
        });
        assertThat(run.output().packages()).filteredOn(p -> p.name().equals("lodash") || p.name().equals("ms"))
                .extracting(Package::version, p -> npm(p).installPath()).containsExactly(
                        tuple("4.17.11", "node_modules/lodash-old"), tuple("4.17.15", "node_modules/lodash"),
                        tuple("2.0.0", "node_modules/ms"), tuple("2.1.1", "node_modules/send/node_modules/ms"));
    }

    @Test
    void pnpmTreeAndLockfile() {
        // pnpm installs into node_modules/.pnpm/NAME@VERSION/node_modules/NAME (node_modules/NAME is a symlink).
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/app/pnpm-lock.yaml", bytes("pnpm-v9/pnpm-lock.yaml"))
                .file("/app/package.json", bytes("pnpm-v9/package.json"))
                .file("/app/node_modules/.pnpm/lodash@4.17.15/node_modules/lodash/package.json",
                        bytes("yarn-v1/node_modules/lodash/package.json"))
                .file("/app/node_modules/.pnpm/mkdirp@0.5.5/node_modules/mkdirp/package.json",
                        bytes("yarn-v1/node_modules/mkdirp/package.json"))
                .symlink("/app/node_modules/lodash", ".pnpm/lodash@4.17.15/node_modules/lodash"));

        assertThat(run.output().problems()).isEmpty();
        // A tree is there: what the lockfile names but the tree lacks was not installed.
        assertThat(run.output().packages()).extracting(Package::name, DeclaredLockAnalyzerTest::dev,
                p -> p.locations().size(), p -> p.locations().get(1).path()).containsExactly(
                tuple("lodash", false, 2, "/app/pnpm-lock.yaml"), tuple("mkdirp", true, 2, "/app/pnpm-lock.yaml"));
        assertThat(npm(run.output().packages().get(0)).installPath())
                .isEqualTo("node_modules/.pnpm/lodash@4.17.15/node_modules/lodash");
        assertThat(npm(run.output().packages().get(0)).integrity()).hasValueSatisfying(
                i -> assertThat(i).startsWith("sha512-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn-v1", "yarn-berry", "pnpm-v5", "pnpm-v6", "pnpm-v9"})
    void workspacesAndLinkedFoldersAreTheProjectsOwnCode(String tool) {
        String dir = "workspaces/" + tool;
        String lock = lockName(dir);
        AnalyzerHarness.Layer layer = AnalyzerHarness.layer()
                .file("/ws/" + lock, bytes(dir + "/" + lock))
                .file("/ws/package.json", bytes(dir + "/package.json"))
                .file("/ws/packages/tool/package.json", bytes(dir + "/packages/tool/package.json"))
                .file("/ws/local-lib/package.json", bytes(dir + "/local-lib/package.json"));
        AnalyzerHarness.Run run = run(layer);

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.name() + " " + p.version())
                .containsExactlyInAnyOrderElementsOf(LockFixtures.WORKSPACES);
        // left-pad: dev for the root, production for packages/tool: not dev.
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(declared(p).dev()).isFalse());
        assertThat(run.output().packages()).filteredOn(p -> declared(p).relation() == Relation.DIRECT)
                .extracting(Package::name)
                .containsExactlyInAnyOrder("ajv", "ajv-keywords", "is-number", "left-pad", "resolve");
    }

    @Test
    void workspaceRootDevDependencyIsDevWhenNoWorkspaceNeedsIt() {
        // The same project without packages/tool's production need of left-pad.
        String lock = new String(bytes("workspaces/yarn-v1/yarn.lock"), StandardCharsets.UTF_8);
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/ws/yarn.lock", lock)
                .file("/ws/package.json", bytes("workspaces/yarn-v1/package.json"))
                .file("/ws/packages/tool/package.json",
                        "{\"name\": \"@fixture/tool\", \"dependencies\": {\"ajv\": \"6.12.6\"}}"));

        assertThat(run.output().packages()).filteredOn(DeclaredLockAnalyzerTest::dev).extracting(Package::name)
                .containsExactly("left-pad");
        // ajv-keywords is no longer asked for by anyone: still listed, its relation unknown, not dev.
        assertThat(run.output().packages()).filteredOn(p -> p.name().equals("ajv-keywords")).singleElement()
                .satisfies(p -> assertThat(declared(p).relation()).isEqualTo(Relation.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn-v1", "npm"})
    void installedWorkspacesAreSymlinksAndNotReported(String tool) {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("npm/workspaces/" + tool, "/ws"));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.name() + " " + p.version())
                .containsExactlyInAnyOrderElementsOf(LockFixtures.WORKSPACES);
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations()).hasSize(2);
            assertThat(p.metadata()).isInstanceOf(PackageMetadata.Npm.class);
        });
    }

    @Test
    void aCopiedWorkspaceWhereTheLockfileLinksIsTheProjectsOwnCode() {
        // An image build that copied node_modules without its symbolic links.
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("npm/workspaces/npm", "/ws")
                .file("/ws/node_modules/@fixture/tool/package.json", bytes("workspaces/npm/packages/tool/package.json"))
                .file("/ws/node_modules/local-lib/package.json", bytes("workspaces/npm/local-lib/package.json")));
        AnalyzerHarness.Run yarn = run(AnalyzerHarness.layer().fixture("npm/workspaces/yarn-v1", "/ws")
                .file("/ws/node_modules/@fixture/tool/package.json",
                        bytes("workspaces/yarn-v1/packages/tool/package.json"))
                .file("/ws/node_modules/local-lib/package.json", bytes("workspaces/yarn-v1/local-lib/package.json")));

        for (AnalyzerHarness.Run r : List.of(run, yarn)) {
            assertThat(r.output().packages()).extracting(p -> p.name() + " " + p.version())
                    .containsExactlyInAnyOrderElementsOf(LockFixtures.WORKSPACES);
        }
    }

    @Test
    void severalLockfilesOfOneProjectGiveEachPackageOnce() {
        String yarn = """
                # yarn lockfile v1


                lodash@^4.17.15:
                  version "4.17.15"
                  integrity sha512-yarn

                ms@2.1.3:
                  version "2.1.3"
                """;
        String pnpm = """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      ms: {specifier: 2.1.3, version: 2.1.3}
                packages:
                  ms@2.1.3:
                    resolution: {integrity: sha512-pnpm}
                snapshots:
                  ms@2.1.3: {}
                """;
        String npmLock = """
                {"lockfileVersion": 3, "packages": {"": {},
                  "node_modules/lodash": {"version": "4.17.15", "integrity": "sha512-npm"}}}""";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/p/yarn.lock", yarn)
                .file("/p/pnpm-lock.yaml", pnpm).file("/p/package-lock.json", npmLock));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> p.metadata().getClass().getSimpleName(),
                p -> p.locations().stream().map(Location::path).toList()).containsExactly(
                tuple("lodash", "Npm", List.of("/p/package-lock.json", "/p/yarn.lock")),
                tuple("ms", "Declared", List.of("/p/pnpm-lock.yaml", "/p/yarn.lock")));
        Package ms = run.output().packages().get(1);
        // Named directly by pnpm's importer, unknown to yarn.lock without package.json: the stronger relation.
        assertThat(ms.metadata()).isEqualTo(new PackageMetadata.Declared("pnpm-lock.yaml", false, Relation.DIRECT,
                Optional.empty(), Optional.of("sha512-pnpm")));
        assertThat(npm(run.output().packages().get(0)).integrity()).contains("sha512-npm");
    }

    @Test
    void brokenAndUnknownLockfilesAreProblemsNamingThem() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                // an entry without a version among good ones
                .file("/a/yarn.lock", "# yarn lockfile v1\n\nok@1:\n  version \"1.0.0\"\n\nbad@1:\n"
                        + "  resolved \"x\"\n\nalso-ok@2:\n  version \"2.0.0\"\n")
                .file("/b/yarn.lock", "# yarn lockfile v2\n\nx@1:\n  version \"1.0.0\"\n")
                .file("/c/yarn.lock", "__metadata:\n  version: 99\n\n\"y@npm:1\":\n  version: 1.0.0\n"
                        + "  resolution: \"y@npm:1.0.0\"\n")
                .file("/d/yarn.lock", "__metadata:\n  version: 8\n\"z@npm:1\": [unclosed\n")
                .file("/e/pnpm-lock.yaml", "lockfileVersion: '3.0'\npackages:\n  /w/1.0.0:\n    dev: false\n")
                .file("/f/pnpm-lock.yaml", "just text")
                .file("/g/pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  nover: {}\n  v@1.0.0: {}\n")
                // a published package's own lockfile, which no package manager reads
                .file("/h/node_modules/q/yarn.lock", "garbage")
                .file("/h/node_modules/q/pnpm-lock.yaml", "{{garbage"));

        assertThat(run.output().packages()).extracting(Package::name, Package::version).containsExactly(
                tuple("also-ok", "2.0.0"), tuple("ok", "1.0.0"), tuple("v", "1.0.0"), tuple("w", "1.0.0"),
                tuple("x", "1.0.0"), tuple("y", "1.0.0"));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow(),
                ScanProblem::message).containsExactly(
                tuple(ProblemKind.MALFORMED_FILE, "/a/yarn.lock", "line 6: entry \"bad@1\" has no version"),
                tuple(ProblemKind.UNSUPPORTED, "/b/yarn.lock", "\"# yarn lockfile v2\", not yarn lockfile v1: "
                        + "read as the nearest known layout, may be incomplete"),
                tuple(ProblemKind.UNSUPPORTED, "/c/yarn.lock", "__metadata version 99, not one of 4 to 10: "
                        + "read as the nearest known layout, may be incomplete"),
                tuple(ProblemKind.MALFORMED_FILE, "/d/yarn.lock", run.output().problems().get(3).message()),
                tuple(ProblemKind.UNSUPPORTED, "/e/pnpm-lock.yaml", "lockfileVersion 3.0, not one of 5.x, 6.x, "
                        + "9.x: read as the nearest known layout, may be incomplete"),
                tuple(ProblemKind.MALFORMED_FILE, "/f/pnpm-lock.yaml",
                        "line 1: not a YAML mapping; its packages are not read"),
                tuple(ProblemKind.MALFORMED_FILE, "/g/pnpm-lock.yaml", "line 3: package \"nover\" has no version"));
        // SnakeYAML's message, its quoted lines joined into one.
        assertThat(run.output().problems().get(3).message()).isEqualTo("line 3: not valid YAML: while parsing a flow "
                + "sequence, line 3, column 12: \"z@npm:1\": [unclosed ^ expected ',' or ']', but got <stream end>, "
                + "line 4, column 1: ^; its packages are not read");
    }

    @Test
    void tooManyEntriesAreALimitAndTheFirstAreKept() {
        StringBuilder lock = new StringBuilder("# yarn lockfile v1\n");
        for (int i = 0; i <= LockGraph.MAX_NODES; i++) {
            lock.append('p').append(i).append("@1:\n  version \"1.0.0\"\n");
        }
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/big/yarn.lock", lock.toString())).run();

        assertThat(run.output().packages()).hasSize(LockGraph.MAX_NODES);
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED);
            assertThat(p.path()).contains("/big/yarn.lock");
        });
    }

    @Test
    void aBrokenPackageJsonMattersOnlyBesideAYarnLock() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/app/yarn.lock", bytes("yarn-v1/yarn.lock"))
                .file("/app/package.json", "{\"dependencies\": ")
                .file("/elsewhere/package.json", "{\"dependencies\": "));

        assertThat(run.output().packages()).hasSize(69).allSatisfy(p -> assertThat(declared(p).dev()).isFalse());
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.path()).contains("/app/package.json");
            assertThat(p.message()).startsWith("line 1: not valid JSON")
                    .endsWith("; dev dependencies of /app/yarn.lock are not told apart");
        });
    }

    @Test
    void pnpmEnvDocumentComesFirstAndItsPackagesAreInstalledToo() {
        // pnpm 11 and later write the package manager and config dependencies in a first YAML document.
        String env = """
                ---
                lockfileVersion: '9.0'

                importers:

                  .:
                    configDependencies: {}
                    packageManagerDependencies:
                      pnpm:
                        specifier: 11.0.3
                        version: 11.0.3

                packages:

                  pnpm@11.0.3:
                    resolution: {integrity: sha512-env}

                snapshots:

                  pnpm@11.0.3: {}

                ---
                """;
        byte[] project = bytes("pnpm-v9/pnpm-lock.yaml");
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/app/pnpm-lock.yaml", env + new String(project, StandardCharsets.UTF_8))
                .file("/app/package.json", bytes("pnpm-v9/package.json")));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).hasSize(70)
                .filteredOn(p -> p.name().equals("pnpm")).singleElement().satisfies(p -> {
                    assertThat(p.version()).isEqualTo("11.0.3");
                    assertThat(p.locations().get(0).line()).hasValue(15);
                    assertThat(declared(p).relation()).isEqualTo(Relation.DIRECT);
                });
        assertThat(run.output().packages()).filteredOn(DeclaredLockAnalyzerTest::dev).extracting(Package::name)
                .containsExactlyInAnyOrder("minimist", "mkdirp");
    }
}

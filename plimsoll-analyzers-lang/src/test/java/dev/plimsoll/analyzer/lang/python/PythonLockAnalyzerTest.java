package dev.plimsoll.analyzer.lang.python;

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
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PythonLockAnalyzerTest {
    private static final String LOCKFILES = "python/lockfiles/";
    private static final String INDEX = "http://127.0.0.1:8765/simple";

    /** The project's packages as Poetry and uv lock them: name, version, dev. */
    private static final List<Tuple> LOCKED = List.of(
            tuple("asgiref", "3.3.4", false), tuple("atomicwrites", "1.4.0", true), tuple("attrs", "21.2.0", true),
            tuple("certifi", "2020.12.5", false), tuple("chardet", "3.0.4", false), tuple("colorama", "0.4.4", true),
            tuple("django", "3.2", false), tuple("idna", "2.10", false), tuple("iniconfig", "1.1.1", true),
            tuple("packaging", "20.9", true), tuple("pluggy", "0.13.1", true), tuple("py", "1.10.0", true),
            tuple("pyparsing", "2.4.7", true), tuple("pytest", "6.2.4", true), tuple("pytz", "2021.1", false),
            tuple("pyyaml", "5.3.1", false), tuple("requests", "2.25.0", false), tuple("sqlparse", "0.4.1", false),
            tuple("toml", "0.10.2", true), tuple("urllib3", "1.26.4", false));

    private static PackageMetadata.Declared declared(Package p) {
        return (PackageMetadata.Declared) p.metadata();
    }

    private static AnalyzerHarness.Run run(String fixture) {
        return LangHarness.of(new PythonLockAnalyzer())
                .layer(AnalyzerHarness.layer().fixture(LOCKFILES + fixture, "/app")).runInEveryOrder();
    }

    private static AnalyzerHarness.Run run(AnalyzerHarness.Layer layer) {
        return LangHarness.of(new PythonLockAnalyzer()).layer(layer).runInEveryOrder();
    }

    @Test
    void poetry13LockWithCategories() {
        AnalyzerHarness.Run run = run("poetry-1.3");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyElementsOf(LOCKED);
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.PYPI);
            assertThat(p.foundBy()).isEqualTo(PythonLockAnalyzer.ID);
            assertThat(p.locations()).extracting(Location::path).containsExactly("/app/poetry.lock");
            assertThat(declared(p).format()).isEqualTo("poetry.lock");
            assertThat(declared(p).relation()).isEqualTo(Relation.UNKNOWN);
            assertThat(declared(p).resolved()).contains(INDEX);
        });
        Package requests = byName(run, "requests");
        assertThat(requests.metadata()).isEqualTo(new PackageMetadata.Declared("poetry.lock", false, Relation.UNKNOWN,
                Optional.of(INDEX),
                Optional.of("sha256:d7048cfacf3483f340d26dae41aa6cfefee18dcf12e0eb3b3e793c86fe6487de")));
        assertThat(requests.locations().get(0).line()).hasValue(280);
        assertThat(requests.introducedIn()).contains(AnalyzerHarness.layerRef(0));
        assertThat(Purls.of(byName(run, "django"), Optional.empty())).isEqualTo("pkg:pypi/django@3.2");
        assertThat(run.deliveredPaths()).containsExactly("/app/poetry.lock");
    }

    @Test
    void poetry11LockWithHashesUnderMetadataFiles() {
        AnalyzerHarness.Run run = run("poetry-1.1");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyElementsOf(LOCKED);
        assertThat(declared(byName(run, "pyyaml")).checksum())
                .contains("sha256:71b25084b5687739e368a64aa308819d9a1bfbea23e13a907f7778f776febfd6");
    }

    @Test
    void poetry2LockWithGroups() {
        AnalyzerHarness.Run run = run("poetry-2.1");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyElementsOf(LOCKED);
        assertThat(declared(byName(run, "colorama")).checksum())
                .contains("sha256:196e951359505b2dec9b5e0cf466aa7370700b328025b0adeef90af2b0e98012");
    }

    @Test
    void poetryGroupsAndCategoriesDecideDev() {
        String lock = """
                [[package]]
                name = "both"
                version = "1.0"
                groups = ["dev", "main"]

                [[package]]
                name = "docs-only"
                version = "2.0"
                groups = ["docs"]

                [[package]]
                name = "unsaid"
                version = "3.0"

                [[package]]
                name = "Old_Style"
                version = "4.0"
                category = "dev"

                [[package]]
                name = "vendored"
                version = "5.0"
                files = []
                [package.source]
                type = "file"
                url = "vendor/vendored-5.0-py3-none-any.whl"

                [[package]]
                name = "private"
                version = "6.0"
                [package.source]
                type = "legacy"
                url = "https://user:s3cret@pypi.example.com/simple"
                reference = "corp"

                [metadata]
                lock-version = "2.1"
                """;
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/src/poetry.lock", lock));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).dev(),
                p -> declared(p).resolved(), p -> p.locations().get(0).line().orElse(0))
                .containsExactly(
                        tuple("Old_Style", true, Optional.empty(), 15),
                        tuple("both", false, Optional.empty(), 1),
                        tuple("docs-only", true, Optional.empty(), 6),
                        tuple("private", false, Optional.of("https://pypi.example.com/simple"), 28),
                        tuple("unsaid", false, Optional.empty(), 11),
                        tuple("vendored", false, Optional.of("vendor/vendored-5.0-py3-none-any.whl"), 20));
    }

    @Test
    void poetryGitUrlAndDirectorySources() {
        AnalyzerHarness.Run run = run("poetry-1.3-sources");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).resolved())
                .containsExactly(
                        tuple("gitlib", "0.3.0", Optional.of(
                                "git+file:///tmp/lockgen/gitlib@bf804b73ac4b9d77812b7457a9ba61fe72229055")),
                        tuple("idna", "2.10", Optional.of(INDEX)),
                        tuple("toml", "0.10.2", Optional.of(
                                "http://127.0.0.1:8765/packages/toml-0.10.2-py3-none-any.whl")),
                        tuple("urllib3", "1.26.4", Optional.of(INDEX)));
        assertThat(declared(byName(run, "gitlib")).checksum()).isEmpty();
    }

    @Test
    void uvLockRelationsAndDevFromTheProjectsGroups() {
        AnalyzerHarness.Run run = run("uv");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev())
                .containsExactlyElementsOf(LOCKED);
        assertThat(run.output().packages()).filteredOn(p -> declared(p).relation() == Relation.DIRECT)
                .extracting(Package::name).containsExactly("django", "pytest", "pyyaml", "requests", "urllib3");
        assertThat(run.output().packages()).filteredOn(p -> declared(p).relation() != Relation.DIRECT)
                .allSatisfy(p -> assertThat(declared(p).relation()).isEqualTo(Relation.TRANSITIVE));
        Package requests = byName(run, "requests");
        assertThat(requests.metadata()).isEqualTo(new PackageMetadata.Declared("uv.lock", false, Relation.DIRECT,
                Optional.of("http://127.0.0.1:8765/packages/requests-2.25.0-py3-none-any.whl"),
                Optional.of("sha256:d7048cfacf3483f340d26dae41aa6cfefee18dcf12e0eb3b3e793c86fe6487de")));
        assertThat(requests.locations()).containsExactly(
                Location.of("/app/uv.lock", AnalyzerHarness.layerRef(0)).atLine(178));
    }

    @Test
    void uvWorkspaceWithGitUrlDirectoryAndExtras() {
        AnalyzerHarness.Run run = run("uv-sources");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev(),
                p -> declared(p).relation(), p -> declared(p).resolved())
                .containsExactly(
                        tuple("gitlib", "0.3.0", false, Relation.DIRECT, Optional.of("git+file:///tmp/lockgen/gitlib"
                                + "?tag=v0.3.0#bf804b73ac4b9d77812b7457a9ba61fe72229055")),
                        tuple("idna", "2.10", false, Relation.TRANSITIVE, Optional.of(
                                "http://127.0.0.1:8765/packages/idna-2.10-py3-none-any.whl")),
                        tuple("iniconfig", "1.1.1", true, Relation.DIRECT, Optional.of(
                                "http://127.0.0.1:8765/packages/iniconfig-1.1.1-py3-none-any.whl")),
                        tuple("pyyaml", "5.3.1", false, Relation.DIRECT, Optional.of(
                                "http://127.0.0.1:8765/packages/PyYAML-5.3.1-py3-none-any.whl")),
                        tuple("toml", "0.10.2", false, Relation.DIRECT, Optional.of(
                                "http://127.0.0.1:8765/packages/toml-0.10.2-py3-none-any.whl")),
                        tuple("urllib3", "1.26.4", false, Relation.DIRECT, Optional.of(
                                "http://127.0.0.1:8765/packages/urllib3-1.26.4-py3-none-any.whl")));
    }

    @Test
    void uvPackagesLockedTwiceAreTellApartByVersion() {
        String lock = """
                version = 1
                revision = 3
                requires-python = ">=3.12"

                [[package]]
                name = "project"
                version = "0.1.0"
                source = { virtual = "." }

                [package.dev-dependencies]
                old = [
                    { name = "sortedcontainers", version = "2.3.0", source = { registry = "https://pypi.org/simple" } },
                ]
                new = [
                    { name = "sortedcontainers", version = "2.4.0", source = { registry = "https://pypi.org/simple" } },
                ]

                [[package]]
                name = "sortedcontainers"
                version = "2.3.0"
                source = { registry = "https://pypi.org/simple" }
                sdist = { url = "https://files.example/sortedcontainers-2.3.0.tar.gz", hash = "sha256:aa", size = 1 }

                [[package]]
                name = "sortedcontainers"
                version = "2.4.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "orphan"
                version = "1.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "local-tool"
                source = { directory = "tools/local" }
                """;
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/w/uv.lock", lock));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev(),
                p -> declared(p).relation(), p -> declared(p).resolved(), p -> declared(p).checksum())
                .containsExactly(
                        tuple("orphan", "1.0", false, Relation.TRANSITIVE, Optional.of("https://pypi.org/simple"),
                                Optional.empty()),
                        tuple("sortedcontainers", "2.3.0", true, Relation.DIRECT,
                                Optional.of("https://files.example/sortedcontainers-2.3.0.tar.gz"),
                                Optional.of("sha256:aa")),
                        tuple("sortedcontainers", "2.4.0", true, Relation.DIRECT,
                                Optional.of("https://pypi.org/simple"), Optional.empty()));
    }

    @Test
    void pipfileLockDefaultAndDevelop() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer()).layer(AnalyzerHarness.layer()
                .fixture(LOCKFILES + "pipenv", "/app")).runInEveryOrder();

        List<Package> fromLock = run.output().packages().stream()
                .filter(p -> declared(p).format().equals("Pipfile.lock")).toList();
        assertThat(fromLock).extracting(Package::name, Package::version, p -> declared(p).dev(),
                p -> declared(p).resolved())
                .containsExactly(
                        tuple("asgiref", "3.3.4", false, Optional.empty()),
                        tuple("attrs", "21.2.0", true, Optional.empty()),
                        tuple("certifi", "2020.12.5", false, Optional.empty()),
                        tuple("chardet", "3.0.4", false, Optional.empty()),
                        tuple("django", "3.2", false, Optional.of(INDEX)),
                        tuple("idna", "2.10", false, Optional.empty()),
                        tuple("iniconfig", "1.1.1", true, Optional.empty()),
                        tuple("packaging", "20.9", true, Optional.empty()),
                        tuple("pluggy", "0.13.1", true, Optional.empty()),
                        tuple("py", "1.10.0", true, Optional.empty()),
                        tuple("pyparsing", "2.4.7", true, Optional.empty()),
                        tuple("pytest", "6.2.4", true, Optional.of(INDEX)),
                        tuple("pytz", "2021.1", false, Optional.empty()),
                        tuple("pyyaml", "5.3.1", false, Optional.of(INDEX)),
                        tuple("requests", "2.25.0", false, Optional.of(INDEX)),
                        tuple("sqlparse", "0.4.1", false, Optional.empty()),
                        tuple("toml", "0.10.2", true, Optional.empty()),
                        tuple("urllib3", "1.26.4", false, Optional.of(INDEX)));
        Package django = fromLock.get(4);
        assertThat(declared(django).checksum())
                .contains("sha256:1761f63dbd525d34968c40a3080e01d858aac0a6b780081ff07e78f499c3280d");
        assertThat(django.locations()).extracting(l -> l.line().orElse(0)).containsExactly(38);
        assertThat(run.output().problems()).filteredOn(p -> p.path().orElseThrow().equals("/app/Pipfile.lock"))
                .extracting(ScanProblem::kind, ScanProblem::message)
                .containsExactly(tuple(ProblemKind.UNSUPPORTED, "not from a package index (git, file) and without a "
                        + "version to match, so 1 package is not reported: gitsetuplib (line 45)"));
    }

    @Test
    void requirementsExportedByPipenv() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer()).layer(AnalyzerHarness.layer()
                .fixture(LOCKFILES + "pipenv", "/app")).runInEveryOrder();

        List<Package> main = run.output().packages().stream()
                .filter(p -> p.locations().get(0).path().equals("/app/requirements.txt")).toList();
        assertThat(main).extracting(Package::name, Package::version, p -> p.locations().get(0).line().orElse(0))
                .containsExactly(
                        tuple("asgiref", "3.3.4", 2), tuple("certifi", "2020.12.5", 3), tuple("chardet", "3.0.4", 4),
                        tuple("django", "3.2", 5), tuple("idna", "2.10", 7), tuple("pytz", "2021.1", 8),
                        tuple("pyyaml", "5.3.1", 9), tuple("requests", "2.25.0", 10), tuple("sqlparse", "0.4.1", 12),
                        tuple("urllib3", "1.26.4", 13));
        assertThat(main.get(0).metadata()).isEqualTo(new PackageMetadata.Declared("requirements.txt", false,
                Relation.UNKNOWN, Optional.of(INDEX),
                Optional.of("sha256:f06969234cd1e59e0d81fe237de5c9a3d1b58308c8a2319275eb8208e8cddc82")));
        List<Package> dev = run.output().packages().stream()
                .filter(p -> p.locations().get(0).path().equals("/app/requirements-dev.txt")).toList();
        assertThat(dev).extracting(Package::name).containsExactly("attrs", "iniconfig", "packaging", "pluggy", "py",
                "pyparsing", "pytest", "toml");
        assertThat(dev).allSatisfy(p -> assertThat(declared(p).dev()).isTrue());
        assertThat(run.output().problems()).filteredOn(p -> p.path().orElseThrow().equals("/app/requirements.txt"))
                .extracting(ScanProblem::kind, ScanProblem::message)
                .containsExactly(tuple(ProblemKind.UNSUPPORTED, "not from a package index (editable, URL or local "
                        + "path) and without a version to match, so 2 requirements are not reported: "
                        + "git+file:///tmp/lockgen/gitsetuplib@129a987311a1356704565c37… (line 6), "
                        + "-e ./../setuplib (line 11)"));
    }

    @Test
    void pipFreeze() {
        AnalyzerHarness.Run run = run("pip-freeze");

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> p.locations().get(0).line().orElse(0))
                .containsExactly(
                        tuple("Django", "3.2", 5), tuple("PyYAML", "5.3.1", 14), tuple("asgiref", "3.3.4", 1),
                        tuple("attrs", "21.2.0", 2), tuple("certifi", "2020.12.5", 3), tuple("chardet", "3.0.4", 4),
                        tuple("idna", "2.10", 6), tuple("iniconfig", "1.1.1", 7), tuple("packaging", "20.9", 8),
                        tuple("pluggy", "0.13.1", 9), tuple("py", "1.10.0", 10), tuple("pyparsing", "2.4.7", 11),
                        tuple("pytest", "6.2.4", 12), tuple("pytz", "2021.1", 13), tuple("requests", "2.25.0", 15),
                        tuple("sqlparse", "0.4.1", 16), tuple("toml", "0.10.2", 17), tuple("urllib3", "1.26.4", 18));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.metadata()).isEqualTo(
                new PackageMetadata.Declared("requirements.txt", false, Relation.UNKNOWN, Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void requirementsIncludesConstraintsAndUnpinnedLines() {
        AnalyzerHarness.Run run = run("requirements-features");

        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).dev(),
                        p -> p.locations().stream().map(l -> l.path() + ":" + l.line().orElse(0)).toList())
                .containsExactly(
                        tuple("Django", "3.2", false, List.of("/app/requirements.txt:9")),
                        tuple("PyYAML", "5.3.1", false, List.of("/app/requirements.txt:10")),
                        tuple("certifi", "2020.12.5", false, List.of("/app/requirements/base.txt:5")),
                        tuple("idna", "2.10", false, List.of("/app/requirements/base.txt:6")),
                        tuple("iniconfig", "1.1.1", true,
                                List.of("/app/requirements-dev.txt:5", "/app/constraints.txt:3")),
                        tuple("pytest", "6.2.4", true, List.of("/app/requirements-dev.txt:4")),
                        tuple("pytz", "2021.1", false, List.of("/app/requirements/base.txt:7")),
                        tuple("requests", "2.25.0", false, List.of("/app/requirements/base.txt:2")),
                        tuple("sqlparse", "0.4.1", false,
                                List.of("/app/requirements/base.txt:8", "/app/constraints.txt:4")),
                        tuple("urllib3", "1.26.4", false,
                                List.of("/app/requirements.txt:11", "/app/constraints.txt:2")));
        assertThat(declared(byName(run, "requests")).checksum())
                .contains("sha256:d7048cfacf3483f340d26dae41aa6cfefee18dcf12e0eb3b3e793c86fe6487de");
        assertThat(declared(byName(run, "iniconfig")).checksum())
                .contains("sha256:63a3b12dd508259af6e7f2d2f8e8ec5d0837b4b64a12bf1fc0a54e71cbcac9aa");
        assertThat(declared(byName(run, "Django")).resolved()).contains(INDEX);
        assertThat(declared(byName(run, "idna")).resolved()).isEmpty();
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow(),
                        ScanProblem::message)
                .containsExactly(
                        tuple(ProblemKind.UNSUPPORTED, "/app/requirements-dev.txt", "unpinned: no exact version to "
                                + "match, so 1 requirement is not reported: attrs==21.* (line 6)"),
                        tuple(ProblemKind.UNSUPPORTED, "/app/requirements.txt", "unpinned: no exact version to match,"
                                + " so 2 requirements are not reported: chardet>=3.0.2,<4 (line 12), "
                                + "typing_extensions~=3.10 (line 13)"),
                        tuple(ProblemKind.UNSUPPORTED, "/app/requirements.txt", "not from a package index (editable,"
                                + " URL or local path) and without a version to match, so 3 requirements are not "
                                + "reported: -e ./libs/setuplib (line 15), gitsetuplib @ git+https://git.example."
                                + "invalid/gitsetuplib.gi… (line 16), http://127.0.0.1:8765/packages/toml-0.10.2"
                                + "-py3-none-any.whl (line 17)"));
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.component()).isEqualTo("lang/python-lock"));
    }

    @Test
    void includesOutsideTheTreeMissingUnreadUrlsAndCycles() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/srv/app/requirements.txt", """
                        -r ../../../../etc/requirements.txt
                        -r missing-requirements.txt
                        -r base.txt
                        -r https://example.com/requirements.txt
                        -r requirements-loop.txt
                        flask
                        """)
                .file("/srv/app/requirements-loop.txt", "-r requirements.txt\n-c /srv/constraints.txt\n")
                .file("/srv/constraints.txt", "flask==2.0.1\n")
                .file("/srv/app/base.txt", "never==1.0\n"));

        assertThat(run.deliveredPaths()).doesNotContain("/srv/app/base.txt");
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> p.locations().stream().map(Location::path).toList())
                .containsExactly(tuple("flask", "2.0.1", List.of("/srv/app/requirements.txt", "/srv/constraints.txt")));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.INCONSISTENT, "line 1: -r ../../../../etc/requirements.txt: refers outside the "
                        + "scanned tree; not followed"),
                tuple(ProblemKind.INCONSISTENT, "line 2: -r missing-requirements.txt: /srv/app/missing-requirements"
                        + ".txt is not in the scanned tree (or was too large to read); what it lists is missing"),
                tuple(ProblemKind.UNSUPPORTED, "line 3: -r base.txt: /srv/app/base.txt is not read: only files "
                        + "named *requirements*.txt, *constraints*.txt or requirements/*.txt are; what it lists is "
                        + "missing"),
                tuple(ProblemKind.UNSUPPORTED, "line 4: -r https://example.com/requirements.txt: included files are "
                        + "not fetched; what it lists is missing"));
    }

    @Test
    void includeDepthIsBounded() {
        AnalyzerHarness.Layer layer = AnalyzerHarness.layer();
        for (int i = 0; i < 12; i++) {
            layer.file("/p/requirements-" + i + ".txt", "-r requirements-" + (i + 1) + ".txt\nunpinned" + i + "\n");
        }
        layer.file("/p/requirements-12.txt", "-c constraints.txt\n");
        StringBuilder pins = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            pins.append("unpinned").append(i).append("==1.").append(i).append('\n');
        }
        layer.file("/p/constraints.txt", pins.toString());
        AnalyzerHarness.Run run = run(layer);

        // constraints.txt is 13 - i includes away from requirements-i: within 8 from requirements-5 on.
        assertThat(run.output().packages()).extracting(Package::name, Package::version)
                .containsExactly(tuple("unpinned10", "1.10"), tuple("unpinned11", "1.11"), tuple("unpinned5", "1.5"),
                        tuple("unpinned6", "1.6"), tuple("unpinned7", "1.7"), tuple("unpinned8", "1.8"),
                        tuple("unpinned9", "1.9"));
        assertThat(run.output().problems()).filteredOn(p -> p.kind() == ProblemKind.LIMIT_EXCEEDED)
                .extracting(p -> p.path().orElseThrow(), ScanProblem::message)
                .containsExactly(
                        tuple("/p/requirements-10.txt", "line 1: includes nested more than 8 deep are not followed"),
                        tuple("/p/requirements-11.txt", "line 1: includes nested more than 8 deep are not followed"),
                        tuple("/p/requirements-12.txt", "line 1: includes nested more than 8 deep are not followed"),
                        tuple("/p/requirements-8.txt", "line 1: includes nested more than 8 deep are not followed"),
                        tuple("/p/requirements-9.txt", "line 1: includes nested more than 8 deep are not followed"));
        assertThat(run.output().problems()).filteredOn(p -> p.kind() == ProblemKind.UNSUPPORTED)
                .extracting(p -> p.path().orElseThrow())
                .containsExactly("/p/requirements-0.txt", "/p/requirements-1.txt", "/p/requirements-2.txt",
                        "/p/requirements-3.txt", "/p/requirements-4.txt");
    }

    @Test
    void badFilesAreProblemsNamingTheFileAndTheScanGoesOn() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/a/poetry.lock", "[[package]]\nname = \"x\"\nversion = \n")
                .file("/b/uv.lock", "version = 1\n[[package]]\nname = \"ok\"\nversion = \"1.0\"\n"
                        + "source = { registry = \"https://pypi.org/simple\" }\n[[package]]\nname = \"bad name!\"\n"
                        + "version = \"1.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n")
                .file("/c/Pipfile.lock", "{\"default\": {\"x\": {\"version\": \"==1.0\"},")
                .file("/d/Pipfile.lock", "[1, 2]")
                .file("/e/poetry.lock", "package = \"not a table\"\n[metadata]\nlock-version = \"3.0\"\n")
                .file("/f/requirements.txt", "good==1.0\n--frobnicate\n!!!\nx==${VERSION}\nok==2.0 --bogus\n")
                .file("/g/Pipfile.lock", "{\"default\": {\"star\": {\"version\": \"*\"}, \"nover\": {}}}"));

        assertThat(run.output().packages()).extracting(Package::name, p -> p.locations().get(0).path())
                .containsExactly(tuple("good", "/f/requirements.txt"), tuple("ok", "/b/uv.lock"),
                        tuple("ok", "/f/requirements.txt"));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow(),
                        ScanProblem::message)
                .containsExactly(
                        tuple(ProblemKind.MALFORMED_FILE, "/a/poetry.lock", "line 3: not valid TOML: "
                                + problemTextOf("[[package]]\nname = \"x\"\nversion = \n")
                                + "; its packages are not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/b/uv.lock", "line 6: package 2 has no valid name and "
                                + "version (bad name! 1.0); it is not reported"),
                        tuple(ProblemKind.MALFORMED_FILE, "/c/Pipfile.lock", "line 1: not valid JSON: Unexpected "
                                + "end-of-input within/between Object entries; its packages are not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/d/Pipfile.lock", "line 1: not a JSON object; its packages"
                                + " are not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/e/poetry.lock", "\"package\" is not an array of tables; "
                                + "its packages are not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/f/requirements.txt", "line 2: unknown option --frobnicate;"
                                + " the line is not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/f/requirements.txt", "line 3: not a requirement: !!!; the"
                                + " line is not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/f/requirements.txt", "line 4: not a requirement: "
                                + "x==${VERSION}; the line is not read"),
                        tuple(ProblemKind.MALFORMED_FILE, "/f/requirements.txt", "line 5: unknown option after a "
                                + "requirement: --bogus; the option is ignored"),
                        tuple(ProblemKind.MALFORMED_FILE, "/g/Pipfile.lock", "line 1: package nover has no version; it is "
                                + "not reported"),
                        tuple(ProblemKind.UNSUPPORTED, "/g/Pipfile.lock", "unpinned: no exact version to match, so 1 "
                                + "package is not reported: star* (line 1)"));
    }

    @Test
    void filesOfInstalledPackagesAreNotTheProjects() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/usr/lib/python3/dist-packages/foo/requirements.txt", "six==1.0\n")
                .file("/venv/lib/python3.11/site-packages/bar/poetry.lock",
                        "[[package]]\nname = \"six\"\nversion = \"1.0\"\n")
                .file("/app/node_modules/x/requirements-dev.txt", "six==1.0\n")
                .file("/app/requirements/prod.txt", "six==1.16.0\n")
                .file("/app/docs/requirements.in", "six\n"));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).path()).containsExactly(tuple("six", "1.16.0", "/app/requirements/prod.txt"));
        assertThat(run.deliveredPaths()).doesNotContain("/app/docs/requirements.in");
    }

    @Test
    void windowsLineEndsAndByteOrderMark() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/w/requirements.txt", "\uFEFF# made on Windows\r\nflask==2.0.1 \\\r\n    --hash=sha256:ab\r\n")
                .file("/w/Pipfile.lock", "\uFEFF{\"default\": {\"six\": {\"version\": \"==1.16.0\"}}}"));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> p.locations().get(0).line().orElse(0), p -> declared(p).checksum())
                .containsExactly(tuple("flask", "2.0.1", 2, Optional.of("sha256:ab")),
                        tuple("six", "1.16.0", 1, Optional.empty()));
    }

    @Test
    void tooLargeFilesAreNotDelivered() {
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer())
                .layer(AnalyzerHarness.layer().file("/app/uv.lock", big)).run();

        assertThat(run.tooLarge()).containsExactly("/app/uv.lock@0");
        assertThat(run.output().packages()).isEmpty();
    }

    @Test
    void devNamesOfRequirementsFiles() {
        assertThat(List.of("/a/requirements-dev.txt", "/a/dev-requirements.txt", "/a/test-requirements.txt",
                "/a/requirements_tests.txt", "/a/requirements/dev.txt", "/a/requirements.docs.txt"))
                .allMatch(RequirementsSet::isDevName);
        assertThat(List.of("/a/requirements.txt", "/a/requirements/base.txt", "/a/requirements-prod.txt",
                "/a/requirements-devops.txt", "/a/latest-requirements.txt"))
                .noneMatch(RequirementsSet::isDevName);
    }

    @Test
    void includePathsStayInTheTree() {
        assertThat(RequirementsSet.resolve("/app/requirements.txt", "base/../common.txt"))
                .isEqualTo("/app/common.txt");
        assertThat(RequirementsSet.resolve("/app/requirements.txt", "/etc/./reqs.txt")).isEqualTo("/etc/reqs.txt");
        assertThat(RequirementsSet.resolve("/app/requirements.txt", "../../x.txt")).isNull();
        assertThat(RequirementsSet.resolve("/requirements.txt", "../x.txt")).isNull();
    }

    private static Package byName(AnalyzerHarness.Run run, String name) {
        return run.output().packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Jackson's own message for a TOML document, as the analyzer quotes it. */
    private static String problemTextOf(String toml) {
        try {
            Toml.read(toml);
            throw new AssertionError("expected a parse error");
        } catch (LockParseException e) {
            return e.getMessage().substring("not valid TOML: ".length());
        }
    }
}

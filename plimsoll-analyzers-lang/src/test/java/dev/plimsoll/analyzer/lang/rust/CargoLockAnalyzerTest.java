package dev.plimsoll.analyzer.lang.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared;
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
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CargoLockAnalyzerTest {
    static final Path LOCKFILES = Path.of("src/test/resources/rust/lockfiles");
    static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";

    static Declared declared(Package p) {
        return (Declared) p.metadata();
    }

    /** project/'s dependencies, whatever the lockfile version: app-core and app are the workspace's own. */
    static final List<Tuple> PROJECT = List.of(
            tuple("fixture-build", "0.1.0", Relation.DIRECT, CRATES_IO,
                    "c866f2743decaf0d715bcc18bb8fc97be56c8541fd1df83c519dd2ebbdb85f1c"),
            tuple("fixture-greet", "1.2.3", Relation.DIRECT, CRATES_IO,
                    "26e012948a1e7acac9646e8cc817a207e26b7ad605aa5290a0afb047635bb77f"),
            tuple("fixture-util", "0.3.0", Relation.TRANSITIVE, CRATES_IO,
                    "6865b4d8e10612eebc5ad25da9011cc5f4192271d5aefadc06e0ba379d9e552d"),
            tuple("fixture-util", "0.4.1", Relation.DIRECT, CRATES_IO,
                    "addfe102c5e92fe511b198fed41a1ae778b84e563a2dbcfa72bc81bcbb05a5b1"));

    static AnalyzerHarness.Run scan(String lockfile) throws IOException {
        return LangHarness.of(new CargoLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/src/app/Cargo.lock", Files.readAllBytes(LOCKFILES.resolve(lockfile)))).runInEveryOrder();
    }

    static List<Tuple> rows(List<Package> packages) {
        return packages.stream().map(p -> tuple(p.name(), p.version(), declared(p).relation(),
                declared(p).resolved().orElse(""), declared(p).checksum().orElse(""))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2.lock", "v3.lock", "v4.lock"})
    void everyVersionGivesTheSameCrates(String lockfile) throws IOException {
        AnalyzerHarness.Run run = scan(lockfile);
        assertThat(run.output().problems()).isEmpty();
        assertThat(rows(run.output().packages())).containsExactlyElementsOf(PROJECT);
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.CARGO);
            assertThat(declared(p).format()).isEqualTo("Cargo.lock");
            assertThat(declared(p).dev()).isFalse();
            assertThat(p.locations().get(0).path()).isEqualTo("/src/app/Cargo.lock");
        });
        // fixture-build's [[package]] header; version 2 lacks the version line.
        assertThat(run.output().packages().get(0).locations().get(0).line())
                .hasValue(lockfile.equals("v2.lock") ? 18 : 19);
        assertThat(Purls.of(run.output().packages().get(0), Optional.empty()))
                .isEqualTo("pkg:cargo/fixture-build@0.1.0");
    }

    @Test
    void versionOneWithMetadataChecksumsAndAGitSource() throws IOException {
        AnalyzerHarness.Run run = scan("v1.lock");
        assertThat(run.output().problems()).isEmpty();
        List<Tuple> expected = new java.util.ArrayList<>(PROJECT);
        expected.add(tuple("fixture-vcs", "0.9.0", Relation.TRANSITIVE,
                "git+https://example.test/fixture-vcs.git#0123456789abcdef0123456789abcdef01234567", ""));
        assertThat(rows(run.output().packages())).containsExactlyElementsOf(expected);
    }

    @Test
    void lockfilesInCargosCachesAreLeftAlone() throws IOException {
        byte[] lock = Files.readAllBytes(LOCKFILES.resolve("v4.lock"));
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/ripgrep-14.1.0/Cargo.lock", lock)
                .file("/usr/local/cargo/git/checkouts/x-0123/abc/Cargo.lock", lock)).run();
        assertThat(run.output().packages()).hasSize(4).allSatisfy(p -> assertThat(p.locations().get(0).path())
                .startsWith("/usr/local/cargo/git/"));
        assertThat(CargoLockAnalyzer.isInCargoCache("/home/u/.cargo/git/checkouts/x/Cargo.lock")).isTrue();
    }

    @Test
    void aLaterVersionIsReadAndSaidToBe() {
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/Cargo.lock", "version = 5\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n"
                        + "source = \"registry+https://x\"\n")).run();
        assertThat(run.output().packages()).extracting(Package::name, p -> declared(p).relation())
                .containsExactly(tuple("a", Relation.UNKNOWN));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.UNSUPPORTED, "lockfile version 5, not one of 1 to 4: read as those are, may be "
                        + "incomplete"));
    }

    @Test
    void brokenFilesAreProblemsWithLineNumbers() {
        AnalyzerHarness.Run run = LangHarness.of(new CargoLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/Cargo.lock", "version = 3\n\n[[package]]\nname = \"x\nversion = \"1\"\n")
                .file("/b/Cargo.lock", "[[package]]\nname = \"x\"\n\n[[package]]\nname = \"y\"\nversion = \"2.0.0\"\n"
                        + "source = \"registry+https://x\"\ndependencies = [1]\n")).run();
        assertThat(run.output().problems()).extracting(ScanProblem::path, ScanProblem::message).containsExactly(
                tuple(Optional.of("/a/Cargo.lock"), "line 4: a string not closed on its line; its packages are not "
                        + "read"),
                tuple(Optional.of("/b/Cargo.lock"), "line 1: a package without a version"),
                tuple(Optional.of("/b/Cargo.lock"), "line 8: a dependency that is not a string"));
        assertThat(run.output().packages()).extracting(Package::name).containsExactly("y");
    }
}

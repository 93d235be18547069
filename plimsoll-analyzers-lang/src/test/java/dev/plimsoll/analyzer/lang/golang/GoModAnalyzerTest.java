package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoModAnalyzerTest {
    private static Declared declared(Package p) {
        return (Declared) p.metadata();
    }

    @Test
    void theGoModThatGoItselfWrote() {
        // src/hello/go.mod, tidied by go mod tidy: two replacements, one by a module, one by a directory.
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("golang/src/hello", "/src/hello")).runInEveryOrder();

        assertThat(run.deliveredPaths()).as("the vendored modules' go.mod files are not read")
                .containsExactly("/src/hello/go.mod", "/src/hello/localdep/go.mod");
        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> declared(p).relation(), p -> declared(p).resolved().orElse(""),
                        p -> p.locations().get(0).line().orElse(0))
                .containsExactly(
                        tuple("example.test/greet", "v1.2.3", Relation.DIRECT, "", 6),
                        tuple("example.test/localdep", "v0.3.0", Relation.DIRECT,
                                "example.test/localdep v0.3.0 => ./localdep", 7),
                        tuple("example.test/newlib", "v1.1.0", Relation.DIRECT,
                                "example.test/oldlib v1.0.0 => example.test/newlib v1.1.0", 8));
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.GOLANG);
            assertThat(declared(p).format()).isEqualTo("go.mod");
            assertThat(declared(p).dev()).isFalse();
            assertThat(declared(p).checksum()).isEmpty();
            assertThat(p.locations().get(0).path()).isEqualTo("/src/hello/go.mod");
        });
    }

    @Test
    void everyDirective() {
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("golang/gomod/app", "/app")).run();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                        p -> declared(p).relation(), p -> declared(p).resolved().orElse(""),
                        p -> p.locations().get(0).line().orElse(0))
                .containsExactly(
                        tuple("github.com/google/uuid", "v1.6.0", Relation.DIRECT, "", 11),
                        tuple("github.com/sirupsen/logrus", "v1.9.0", Relation.DIRECT, "", 12),
                        tuple("golang.org/x/sys", "v0.20.0", Relation.TRANSITIVE, "", 13),
                        tuple("golang.org/x/text", "v0.14.0", Relation.TRANSITIVE, "", 14),
                        tuple("github.com/new/lib", "v1.3.1", Relation.DIRECT,
                                "github.com/old/lib => github.com/new/lib v1.3.1", 15),
                        tuple("github.com/local/thing", "v0.0.0-20240102030405-abcdefabcdef", Relation.DIRECT,
                                "github.com/local/thing v0.0.0-20240102030405-abcdefabcdef => ../thing", 16),
                        tuple("github.com/spf13/cobra", "v1.8.0", Relation.DIRECT, "", 19));
    }

    @Test
    void theFileItselfIsParsed() {
        GoMod mod = GoMod.parse("""
                module "example.test/q\\x41"
                go 1.21
                toolchain go1.21.3
                require example.test/a v1.0.0
                """);
        assertThat(mod.module()).contains("example.test/qA");
        assertThat(mod.go()).contains("1.21");
        assertThat(mod.toolchain()).contains("go1.21.3");
        assertThat(mod.faults()).isEmpty();
    }

    @Test
    void badLinesAreProblemsWithTheirNumbersTheRestIsRead() {
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer()).layer(AnalyzerHarness.layer().file(
                "/src/go.mod", """
                        module example.test/m

                        require example.test/a
                        require example.test/b v1.0.0 extra
                        require "example.test/c v1.0.0
                        replace example.test/d => example.test/e
                        replace example.test/f v1 v2 => ./x
                        require ( example.test/g v1.0.0
                        ( stray
                        require example.test/ok v1.2.3
                        require (
                        \texample.test/inblock v0.1.0
                        \tnot-a-module
                        """)).run();
        assertThat(run.output().packages()).extracting(Package::name, p -> p.locations().get(0).line().orElse(0))
                .containsExactly(tuple("example.test/ok", 10), tuple("example.test/inblock", 12));
        assertThat(run.output().problems()).extracting(ScanProblem::kind).containsOnly(ProblemKind.MALFORMED_FILE);
        assertThat(run.output().problems()).extracting(ScanProblem::message).containsExactly(
                "line 3: a requirement with 1 fields, not a module path and a version",
                "line 4: a requirement with 3 fields, not a module path and a version",
                "line 5: a quoted string not closed on its line",
                "line 6: a replacement module without a version, and not a directory path (rooted or starting "
                        + "with ./ or ../)",
                "line 7: a replacement not of the form \"module [version] => module version\" or \"module "
                        + "[version] => directory\"",
                "line 8: a block whose '(' does not end the line",
                "line 9: a line that does not start with a directive",
                "line 11: the require block started here is not closed",
                "line 13: a requirement with 1 fields, not a module path and a version");
    }

    @Test
    void goModFilesOfDependenciesAreLeftAlone() {
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/root/go/pkg/mod/github.com/x/y@v1.0.0/go.mod", "module github.com/x/y\nrequire a.test/b v1.0.0\n")
                .file("/src/app/vendor/github.com/x/y/go.mod", "module github.com/x/y\nrequire a.test/b v1.0.0\n"))
                .run();
        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).isEmpty();
    }

    @Test
    void declaredMetadata() {
        AnalyzerHarness.Run run = LangHarness.of(new GoModAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/go.mod", "module m\nrequire x.test/y v1.0.0 // indirect\n")).run();
        assertThat(run.output().packages()).singleElement().satisfies(p -> assertThat(p.metadata())
                .isEqualTo(new Declared("go.mod", false, Relation.TRANSITIVE, Optional.empty(), Optional.empty())));
    }
}

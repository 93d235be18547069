package dev.plimsoll.analyzer.lang.java;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GradleLockAnalyzerTest {
    private static final String HEADER = "# This is a Gradle generated file for dependency locking.\n"
            + "# Manual edits can break the build and are not advised.\n"
            + "# This file is expected to be part of source control.\n";

    private static AnalyzerHarness.Run run(AnalyzerHarness.Layer... layers) {
        AnalyzerHarness h = LangHarness.of(new GradleLockAnalyzer());
        for (AnalyzerHarness.Layer l : layers) {
            h.layer(l);
        }
        return h.runInEveryOrder();
    }

    private static boolean dev(Package p) {
        return ((PackageMetadata.Declared) p.metadata()).dev();
    }

    private static String where(Package p) {
        return p.locations().stream().map(l -> l.path() + ":" + l.line().orElse(0)).reduce((a, b) -> a + " " + b)
                .orElseThrow();
    }

    @Test
    void gradleLockfile() {
        String lock = "/app/gradle.lockfile";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("java/gradle/app", "/app"));

        assertThat(run.deliveredPaths()).containsExactly(lock);
        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(GradleLockAnalyzerTest::where, Package::name,
                Package::version, GradleLockAnalyzerTest::dev).containsExactly(
                tuple(lock + ":4", "com.fasterxml.jackson.core:jackson-annotations", "2.12.3", false),
                tuple(lock + ":5", "com.fasterxml.jackson.core:jackson-core", "2.12.3", false),
                tuple(lock + ":6", "com.fasterxml.jackson.core:jackson-databind", "2.12.3", false),
                tuple(lock + ":7", "com.h2database:h2", "1.4.200", false),
                tuple(lock + ":8", "junit:junit", "4.13.1", true),
                tuple(lock + ":9", "org.apache.commons:commons-lang3", "3.11", false),
                tuple(lock + ":10", "org.apache.commons:commons-text", "1.9", false),
                tuple(lock + ":11", "org.apache.logging.log4j:log4j-api", "2.14.1", false),
                tuple(lock + ":12", "org.apache.logging.log4j:log4j-core", "2.14.1", false),
                tuple(lock + ":13", "org.hamcrest:hamcrest-core", "1.3", true));
        Package log4j = run.output().packages().get(8);
        assertThat(log4j.ecosystem()).isEqualTo(Ecosystem.MAVEN);
        assertThat(log4j.foundBy()).isEqualTo(GradleLockAnalyzer.ID);
        assertThat(log4j.metadata()).isEqualTo(new PackageMetadata.Declared("gradle.lockfile", false,
                Relation.UNKNOWN, Optional.empty(), Optional.empty()));
        assertThat(Purls.of(log4j, Optional.empty())).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void legacyPerConfigurationFilesOfOneProjectAreMerged() {
        String dir = "/legacy/gradle/dependency-locks/";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("java/gradle/legacy", "/legacy"));

        // buildscript-classpath.lockfile is delivered (the glob matches) but locks the build's plugins.
        assertThat(run.deliveredPaths()).contains(dir + "buildscript-classpath.lockfile");
        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(GradleLockAnalyzerTest::where, Package::name,
                Package::version, GradleLockAnalyzerTest::dev).containsExactly(
                tuple(dir + "testRuntimeClasspath.lockfile:4", "junit:junit", "4.13.1", true),
                tuple(dir + "compileClasspath.lockfile:4 " + dir + "runtimeClasspath.lockfile:4 " + dir
                        + "testRuntimeClasspath.lockfile:5", "org.apache.commons:commons-lang3", "3.11", false),
                tuple(dir + "compileClasspath.lockfile:5 " + dir + "runtimeClasspath.lockfile:5 " + dir
                        + "testRuntimeClasspath.lockfile:6", "org.apache.commons:commons-text", "1.9", false),
                tuple(dir + "testRuntimeClasspath.lockfile:7", "org.hamcrest:hamcrest-core", "1.3", true));
    }

    @Test
    void badLinesAreProblemsAndTheRestIsRead() {
        String text = HEADER + "org.ok:ok:1.0=compileClasspath\n"
                + "no-equals-sign:here:1.0\n"
                + "too:many:parts:1.0=runtimeClasspath\n"
                + "bad group:x:1.0=runtimeClasspath\n"
                + "org.x:noconf:1.0=\n"
                + "org.x:spaced:1 0=runtimeClasspath\n"
                + "  # an indented comment\n\n"
                + "org.ok:also:2.0 = runtimeClasspath , testRuntimeClasspath \r\n"
                + "empty=annotationProcessor\n";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/p/gradle.lockfile", text));

        assertThat(run.output().packages()).extracting(GradleLockAnalyzerTest::where, Package::name,
                Package::version).containsExactly(tuple("/p/gradle.lockfile:12", "org.ok:also", "2.0"),
                tuple("/p/gradle.lockfile:4", "org.ok:ok", "1.0"));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.MALFORMED_FILE, "line 5: not \"group:module:version=configurations\":"
                        + " no-equals-sign:here:1.0"),
                tuple(ProblemKind.MALFORMED_FILE, "line 6: not a module \"group:module:version\":"
                        + " too:many:parts:1.0"),
                tuple(ProblemKind.MALFORMED_FILE, "line 7: not a module \"group:module:version\": bad group:x:1.0"),
                tuple(ProblemKind.MALFORMED_FILE, "line 8: org.x:noconf is locked for no configuration"),
                tuple(ProblemKind.MALFORMED_FILE, "line 9: not a module \"group:module:version\": org.x:spaced:1 0"));
    }

    @Test
    void buildscriptLocksAndOtherFilesAreNotRead() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/p/buildscript-gradle.lockfile", HEADER + "org.plugin:p:1=classpath\n")
                .file("/p/settings-gradle.lockfile", HEADER + "org.plugin:s:1=classpath\n")
                .file("/p/other/x.lockfile", HEADER + "org.x:x:1=runtimeClasspath\n")
                .file("/p/gradle/dependency-locks/.lockfile", "org.x:y:1\n")
                .dir("/q/gradle.lockfile"));

        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).isEmpty();
    }

    @Test
    void testConfigurations() {
        assertThat(List.of("testCompileClasspath", "testRuntimeClasspath", "testFixturesRuntimeClasspath",
                "integrationTestRuntimeClasspath", "debugUnitTestRuntimeClasspath",
                "debugAndroidTestCompileClasspath", "test"))
                .allSatisfy(c -> assertThat(GradleLockfile.isTestConfiguration(c)).as(c).isTrue());
        assertThat(List.of("compileClasspath", "runtimeClasspath", "annotationProcessor", "testingRuntime",
                "contestRuntimeClasspath", "latestCompileClasspath", "myTestingCompileClasspath"))
                .allSatisfy(c -> assertThat(GradleLockfile.isTestConfiguration(c)).as(c).isFalse());
        assertThat(GradleLockfile.testOnly(List.of("testCompileClasspath", "testRuntimeClasspath"))).isTrue();
        assertThat(GradleLockfile.testOnly(List.of("runtimeClasspath", "testRuntimeClasspath"))).isFalse();
        assertThat(GradleLockfile.testOnly(List.of())).isFalse();
    }

    @Test
    void twoProjectsOfOneImageAreTwoLocks() {
        byte[] lock = (HEADER + "org.a:a:1.0=runtimeClasspath\nempty=\n").getBytes(StandardCharsets.UTF_8);
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/x/gradle.lockfile", lock),
                AnalyzerHarness.layer().file("/y/gradle.lockfile", lock));

        assertThat(run.output().packages()).extracting(p -> p.locations(), Package::name).containsExactly(
                tuple(List.of(Location.of("/x/gradle.lockfile", AnalyzerHarness.layerRef(0)).atLine(4)), "org.a:a"),
                tuple(List.of(Location.of("/y/gradle.lockfile", AnalyzerHarness.layerRef(1)).atLine(4)), "org.a:a"));
    }
}

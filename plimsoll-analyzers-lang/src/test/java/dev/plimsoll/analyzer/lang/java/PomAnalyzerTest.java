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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PomAnalyzerTest {
    private static final String SHOP = "/src/shop";

    static AnalyzerHarness.Run run(AnalyzerHarness.Layer... layers) {
        AnalyzerHarness h = LangHarness.of(new PomAnalyzer());
        for (AnalyzerHarness.Layer l : layers) {
            h.layer(l);
        }
        return h.runInEveryOrder();
    }

    static String pom(String body) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\n" + body
                + "\n</project>\n";
    }

    static String dependency(String group, String artifact, String version) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + "</dependency>";
    }

    private static boolean dev(Package p) {
        return ((PackageMetadata.Declared) p.metadata()).dev();
    }

    private static String where(Package p) {
        Location l = p.locations().get(0);
        return l.path() + ":" + l.line().orElse(0);
    }

    @Test
    void multiModuleProject() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("java/maven/shop", SHOP));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version,
                PomAnalyzerTest::dev).containsExactly(
                // The parent's own dependency, inherited by shop-web with the same version: reported once.
                tuple(SHOP + "/pom.xml:63", "org.slf4j:slf4j-api", "1.7.30", false),
                tuple(SHOP + "/shop-core/pom.xml:14", "org.apache.logging.log4j:log4j-core", "2.14.1", false),
                tuple(SHOP + "/shop-core/pom.xml:18", "org.apache.commons:commons-text", "1.9", false),
                tuple(SHOP + "/shop-core/pom.xml:24", "org.slf4j:slf4j-api", "1.7.32", false),
                tuple(SHOP + "/shop-core/pom.xml:30", "junit:junit", "4.13.1", true),
                tuple(SHOP + "/shop-web/pom.xml:22", "com.example.shop:shop-core", "1.4.0", false),
                tuple(SHOP + "/shop-web/pom.xml:26", "com.example.shop:shop-core", "1.4.0", true),
                // The parent manages ${jackson-databind.version} = ${jackson.version}, which shop-web sets.
                tuple(SHOP + "/shop-web/pom.xml:34", "com.fasterxml.jackson.core:jackson-databind", "2.13.0", false),
                tuple(SHOP + "/shop-web/pom.xml:38", "javax.servlet:javax.servlet-api", "4.0.1", true),
                tuple(SHOP + "/shop-web/pom.xml:44", "com.google.guava:guava", "30.1-jre", false),
                tuple(SHOP + "/shop-web/pom.xml:50", "org.apache.logging.log4j:log4j-api", "2.14.1", false),
                tuple(SHOP + "/shop-web/pom.xml:55", "junit:junit", "4.13.1", true));

        Package log4j = run.output().packages().get(1);
        assertThat(log4j.ecosystem()).isEqualTo(Ecosystem.MAVEN);
        assertThat(log4j.metadata()).isEqualTo(new PackageMetadata.Declared("pom.xml", false, Relation.DIRECT,
                Optional.empty(), Optional.empty()));
        assertThat(log4j.locations()).containsExactly(new Location(SHOP + "/shop-core/pom.xml",
                Optional.of(AnalyzerHarness.layerRef(0)), OptionalInt.of(14)));
        assertThat(log4j.introducedIn()).contains(AnalyzerHarness.layerRef(0));
        assertThat(log4j.foundBy()).isEqualTo(PomAnalyzer.ID);
        assertThat(Purls.of(log4j, Optional.empty())).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void aParentOutsideTheTreeLeavesItsVersionsUnresolvedNotGuessed() {
        String orphan = "/srv/orphan/pom.xml";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("java/maven/orphan", "/srv/orphan"));

        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version,
                PomAnalyzerTest::dev).containsExactly(
                tuple(orphan + ":33", "org.apache.commons:commons-text", "1.9", false),
                tuple(orphan + ":49", "com.example:orphan-model", "0.0.1-SNAPSHOT", false),
                tuple(orphan + ":54", "junit:junit", "4.13.1", true));
        String parent = "the parent org.springframework.boot:spring-boot-starter-parent:2.5.6 is not looked for in"
                + " the scanned tree (empty <relativePath>: Maven takes it from a repository)";
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::path, ScanProblem::message)
                .containsExactly(
                        tuple(ProblemKind.UNSUPPORTED, Optional.of(orphan), "dependency"
                                + " org.springframework.boot:spring-boot-starter-web (line 23): version not"
                                + " resolvable: not declared, and not managed here; " + parent),
                        tuple(ProblemKind.UNSUPPORTED, Optional.of(orphan), "dependency"
                                + " org.apache.logging.log4j:log4j-core (line 28): version ${log4j2.version} not"
                                + " resolvable: ${log4j2.version} is not defined in this pom or its parents in the"
                                + " scanned tree, and " + parent),
                        tuple(ProblemKind.UNSUPPORTED, Optional.of(orphan), "dependency"
                                + " com.fasterxml.jackson.core:jackson-databind (line 38): version [2.12,2.13) not"
                                + " resolvable: a version range, which only the repository's metadata decides"),
                        tuple(ProblemKind.UNSUPPORTED, Optional.of(orphan), "dependency com.h2database:h2 (line 43):"
                                + " version ${env.H2_VERSION} not resolvable: ${env.H2_VERSION} is the build"
                                + " machine's environment, unknown here"));
    }

    @Test
    void anImportedBomIsNeverFetched() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().fixture("java/maven/bom", "/w"));

        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version)
                .containsExactly(tuple("/w/pom.xml:32", "org.apache.commons:commons-text", "1.9"));
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.UNSUPPORTED);
            assertThat(p.path()).contains("/w/pom.xml");
            assertThat(p.message()).isEqualTo("dependency org.junit.jupiter:junit-jupiter (line 37): version not"
                    + " resolvable: not declared, and not managed here; it may come from the imported BOM"
                    + " org.junit:junit-bom:5.7.2, which is not read (repositories are never read)");
        });
    }

    @Test
    void parentsFoundOnlyWhereMavenLooksAndOnlyInTheTree() {
        String parent = pom("<groupId>g</groupId><artifactId>parent</artifactId><version>1</version>"
                + "<properties><v>2.0</v></properties>");
        String child = "<parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version>%s</parent>"
                + "<artifactId>%s</artifactId><dependencies>" + dependency("d", "x", "${v}") + "</dependencies>";
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/p/pom.xml", parent)
                .file("/p/a/pom.xml", pom(child.formatted("", "a")))
                .file("/p/b/c/pom.xml", pom(child.formatted("<relativePath>../../pom.xml</relativePath>", "c")))
                .file("/p/d/pom.xml", pom(child.formatted("<relativePath>../</relativePath>", "d")))
                // Not the declared parent at ../pom.xml: Maven would take it from a repository.
                .file("/q/pom.xml", pom("<groupId>g</groupId><artifactId>other</artifactId><version>1</version>"))
                .file("/q/e/pom.xml", pom(child.formatted("", "e")))
                // Climbs out of the tree.
                .file("/f/pom.xml", pom(child.formatted("<relativePath>../../../pom.xml</relativePath>", "f")))
                // The same version written as the parent's is not enough: Maven also compares the version.
                .file("/r/pom.xml", pom("<groupId>g</groupId><artifactId>parent</artifactId><version>2</version>"))
                .file("/r/h/pom.xml", pom(child.formatted("", "h"))));

        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version)
                .containsExactly(tuple("/p/a/pom.xml:2", "d:x", "2.0"), tuple("/p/b/c/pom.xml:2", "d:x", "2.0"),
                        tuple("/p/d/pom.xml:2", "d:x", "2.0"));
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::message)
                .containsExactly(
                        tuple("/f/pom.xml", "dependency d:x (line 2): version ${v} not resolvable: ${v} is not"
                                + " defined in this pom or its parents in the scanned tree, and the parent g:parent:1"
                                + " is not in the scanned tree (its <relativePath> leads outside it)"),
                        tuple("/q/e/pom.xml", "dependency d:x (line 2): version ${v} not resolvable: ${v} is not"
                                + " defined in this pom or its parents in the scanned tree, and the parent g:parent:1"
                                + " is not in the scanned tree (/q/pom.xml is g:other:1)"),
                        tuple("/r/h/pom.xml", "dependency d:x (line 2): version ${v} not resolvable: ${v} is not"
                                + " defined in this pom or its parents in the scanned tree, and the parent g:parent:1"
                                + " is not in the scanned tree (/r/pom.xml is g:parent:2)"));
    }

    @Test
    void parentLoopsAndLongChainsEnd() {
        String loop = "<parent><groupId>g</groupId><artifactId>%s</artifactId><version>1</version>"
                + "<relativePath>%s</relativePath></parent><artifactId>%s</artifactId>";
        String withDependency = loop + "<dependencies>" + dependency("d", "x", "${v}") + "</dependencies>";
        AnalyzerHarness.Layer layer = AnalyzerHarness.layer()
                .file("/loop/a/pom.xml", pom(withDependency.formatted("b", "../b/pom.xml", "a")))
                .file("/loop/b/pom.xml", pom(loop.formatted("a", "../a/pom.xml", "b")))
                .file("/self/pom.xml", pom(withDependency.formatted("self", "pom.xml", "self")));
        // A chain one parent longer than followed, and one just as long: v is defined at the top of each.
        chain(layer, "/deep", ParentChain.MAX_PARENTS + 1);
        chain(layer, "/ok", ParentChain.MAX_PARENTS);
        AnalyzerHarness.Run run = run(layer);

        String ok = "/ok" + path(ParentChain.MAX_PARENTS);
        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version)
                .containsExactly(tuple(ok + "/pom.xml:2", "d:x", "3"));
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow()).containsExactly(
                "/deep" + path(ParentChain.MAX_PARENTS + 1) + "/pom.xml", "/loop/a/pom.xml", "/loop/a/pom.xml",
                "/self/pom.xml");
        assertThat(run.output().problems()).extracting(ScanProblem::message).satisfiesExactly(
                m -> assertThat(m).endsWith("the parent g:m0:1 lies more than " + ParentChain.MAX_PARENTS
                        + " parents up; not followed"),
                m -> assertThat(m).startsWith("dependency d:x (line 2): ").endsWith("the parent g:a:1 at"
                        + " /loop/a/pom.xml is a pom of this chain already: the parents form a loop"),
                // b inherits a's dependency; in b's context the loop closes at b.
                m -> assertThat(m).startsWith("dependency d:x (line 2, inherited by /loop/b/pom.xml): ")
                        .endsWith("the parent g:b:1 at /loop/b/pom.xml is a pom of this chain already: the parents"
                                + " form a loop"),
                m -> assertThat(m).endsWith("the parent g:self:1 at /self/pom.xml is a pom of this chain already:"
                        + " the parents form a loop"));
    }

    private static String path(int depth) {
        StringBuilder dir = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            dir.append("/m").append(i);
        }
        return dir.toString();
    }

    /** Poms m0 (defining v) to m{parents}, each the parent of the next; only the last has a dependency. */
    private static void chain(AnalyzerHarness.Layer layer, String root, int parents) {
        layer.file(root + "/pom.xml", pom("<groupId>g</groupId><artifactId>m0</artifactId><version>1</version>"
                + "<properties><v>3</v></properties>"));
        for (int i = 1; i <= parents; i++) {
            layer.file(root + path(i) + "/pom.xml", pom(("<parent><groupId>g</groupId><artifactId>m%d</artifactId>"
                    + "<version>1</version></parent><artifactId>m%d</artifactId>").formatted(i - 1, i)
                    + (i == parents ? "<dependencies>" + dependency("d", "x", "${v}") + "</dependencies>" : "")));
        }
    }

    @Test
    void propertyLoopsAndBlowUpsAreBounded() {
        StringBuilder blowUp = new StringBuilder("<p0>x</p0>");
        for (int i = 1; i <= 30; i++) {
            blowUp.append("<p").append(i).append(">${p").append(i - 1).append("}${p").append(i - 1)
                    .append("}</p").append(i).append(">");
        }
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/a/pom.xml", pom(
                "<groupId>g</groupId><artifactId>a</artifactId><version>1</version><properties><x>${y}</x>"
                        + "<y>${x}</y>" + blowUp + "</properties><dependencies>" + dependency("d", "loop", "${x}")
                        + dependency("d", "big", "${p30}") + dependency("d", "unclosed", "1.${x")
                        + dependency("${group}", "nogroup", "1") + "</dependencies>")));

        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).extracting(ScanProblem::message).containsExactly(
                "dependency d:loop (line 2): version ${x} not resolvable: ${x} refers to itself",
                "dependency d:big (line 2): version ${p30} not resolvable: expressions nest more than 32 deep or"
                        + " take more than 1000 steps",
                "dependency d:unclosed (line 2): version 1.${x not resolvable: \"1.${x\" has an unclosed ${",
                "dependency ${group}:nogroup (line 2): coordinates not resolvable: ${group} is not defined in this"
                        + " pom or its parents (a system property or one given to Maven is unknown here)");
    }

    @Test
    void mavensOrderOfPropertiesAndModelValues() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/a/pom.xml", pom(
                "<groupId>g</groupId><artifactId>a</artifactId><version>1.0</version><properties>"
                        + "<project.version>9.9</project.version><version>8.8</version></properties><dependencies>"
                        + dependency("g", "b", "${project.version}") + dependency("g", "c", "${version}")
                        + dependency("g", "d", "${pom.version}") + dependency("${groupId}", "e", "${artifactId}")
                        + "</dependencies>")));

        // As Maven 3.8.7's effective pom has them (README): the model for prefixed names, properties for bare.
        assertThat(run.output().packages()).extracting(Package::name, Package::version).containsExactly(
                tuple("g:b", "1.0"), tuple("g:c", "8.8"), tuple("g:d", "1.0"), tuple("g:e", "a"));
    }

    @Test
    void dependenciesWithoutCoordinatesOrVersion() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/a/pom.xml", pom(
                "<groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies>"
                        + "<dependency><artifactId>x</artifactId><version>1</version></dependency>"
                        + dependency("g", "noversion", null) + dependency("g", "spaced", "1 2")
                        + dependency("g", "latest", "LATEST") + dependency("g h", "i", "1") + "</dependencies>")));

        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.MALFORMED_FILE, "dependency ?:x (line 2): no groupId"),
                tuple(ProblemKind.MALFORMED_FILE, "dependency g:noversion (line 2): no version, and no"
                        + " <dependencyManagement> of this pom or its parents manages it (Maven refuses such a pom)"),
                tuple(ProblemKind.UNSUPPORTED, "dependency g:spaced (line 2): version 1 2 not resolvable: \"1 2\" is"
                        + " not a version"),
                tuple(ProblemKind.UNSUPPORTED, "dependency g:latest (line 2): version LATEST not resolvable: a"
                        + " meta-version, which only the repository's metadata decides"),
                tuple(ProblemKind.MALFORMED_FILE, "dependency g h:i (line 2): \"g h:i\" is not a Maven"
                        + " groupId:artifactId"));
    }

    @Test
    void anInheritedDependencyThatNoPomCanResolveIsSaidOnceAtTheParent() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/p/pom.xml", pom("<groupId>g</groupId><artifactId>p</artifactId><version>1</version>"
                        + "<dependencies>" + dependency("d", "x", "${undefined}") + dependency("d", "y",
                        "${only.in.child}") + "</dependencies>"))
                .file("/p/c/pom.xml", pom("<parent><groupId>g</groupId><artifactId>p</artifactId><version>1"
                        + "</version></parent><artifactId>c</artifactId><properties><only.in.child>5"
                        + "</only.in.child></properties>")));

        // y resolves in the child's context (Maven interpolates the child's effective model), not in the parent's.
        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version)
                .containsExactly(tuple("/p/pom.xml:2", "d:y", "5"));
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::message)
                .containsExactly(
                        tuple("/p/pom.xml", "dependency d:x (line 2): version ${undefined} not resolvable:"
                                + " ${undefined} is not defined in this pom or its parents (a system property or"
                                + " one given to Maven is unknown here)"),
                        tuple("/p/pom.xml", "dependency d:y (line 2): version ${only.in.child} not resolvable:"
                                + " ${only.in.child} is not defined in this pom or its parents (a system property"
                                + " or one given to Maven is unknown here)"));
    }

    @Test
    void aModulesOwnDeclarationOverridesAnInheritedOne() {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer()
                .file("/p/pom.xml", pom("<groupId>g</groupId><artifactId>p</artifactId><version>1</version>"
                        + "<dependencies>" + dependency("d", "x", "${undefined}") + "</dependencies>"))
                .file("/p/c/pom.xml", pom("<parent><groupId>g</groupId><artifactId>p</artifactId><version>1"
                        + "</version></parent><artifactId>c</artifactId><dependencies>" + dependency("d", "x", "7")
                        + "</dependencies>")));

        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where, Package::name, Package::version)
                .containsExactly(tuple("/p/c/pom.xml:2", "d:x", "7"));
        // Only the parent's own build cannot resolve it: the module never asks.
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::message)
                .containsExactly(tuple("/p/pom.xml", "dependency d:x (line 2): version ${undefined} not resolvable:"
                        + " ${undefined} is not defined in this pom or its parents (a system property or one given to"
                        + " Maven is unknown here)"));
    }

    @Test
    void onlyFilesNamedPomXmlAreProjects() {
        String body = pom("<groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies>"
                + dependency("d", "x", "1") + "</dependencies>");
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/a/pom.xml", body)
                .file("/a/a-1.pom", body).file("/a/POM.XML", body).file("/a/my-pom.xml", body)
                .symlink("/b/pom.xml", "../a/pom.xml").dir("/c/pom.xml"));

        assertThat(run.deliveredPaths()).containsExactly("/a/pom.xml", "/b/pom.xml", "/c/pom.xml");
        assertThat(run.output().packages()).extracting(PomAnalyzerTest::where).containsExactly("/a/pom.xml:2");
        assertThat(run.output().problems()).isEmpty();
    }
}

package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Java.IdentifiedBy;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JarAnalyzerTest {
    private static final String LOG4J = "log4j-core-2.14.1.jar";
    private static final String JACOCO = "org.jacoco.cli-0.8.12-nodeps.jar";
    private static final String JOLOKIA = "jolokia-war-1.7.2.war";

    private static PackageMetadata.Java java(Package p) {
        return (PackageMetadata.Java) p.metadata();
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private static AnalyzerHarness.Run run(JarAnalyzer analyzer, AnalyzerHarness.Layer... layers) {
        AnalyzerHarness h = LangHarness.of(analyzer);
        for (AnalyzerHarness.Layer l : layers) {
            h.layer(l);
        }
        return h.runInEveryOrder();
    }

    private static AnalyzerHarness.Run run(AnalyzerHarness.Layer... layers) {
        return run(new JarAnalyzer(), layers);
    }

    @Test
    void log4jCoreFromMavenCentral() throws Exception {
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/app/lib/" + LOG4J, Zips.realBytes(LOG4J)));

        assertThat(run.output().problems()).isEmpty();
        Package log4j = run.output().packages().get(0);
        assertThat(run.output().packages()).hasSize(1);
        assertThat(log4j.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(log4j.version()).isEqualTo("2.14.1");
        assertThat(log4j.ecosystem()).isEqualTo(Ecosystem.MAVEN);
        assertThat(log4j.locations()).singleElement().satisfies(l -> {
            assertThat(l.path()).isEqualTo("/app/lib/" + LOG4J);
            assertThat(l.layer()).contains(AnalyzerHarness.layerRef(0));
        });
        assertThat(log4j.introducedIn()).contains(AnalyzerHarness.layerRef(0));
        // The SHA-1 Maven Central publishes for this jar.
        assertThat(log4j.metadata()).isEqualTo(new PackageMetadata.Java("org.apache.logging.log4j", "log4j-core",
                IdentifiedBy.POM_PROPERTIES,
                Optional.of("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"),
                "9141212b8507ab50a45525b545b39d224614528b", Optional.of("The Apache Software Foundation")));
        assertThat(Purls.of(log4j, Optional.empty()))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        // Its pom.xml inherits its licences from a parent; the manifest's Bundle-License says it.
        assertThat(log4j.licenses()).containsExactly("https://www.apache.org/licenses/LICENSE-2.0.txt");
    }

    @Test
    void shadedJarHoldsOneArtifactPerPomProperties() throws Exception {
        byte[] jar = Zips.realBytes(JACOCO);
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/opt/jacoco/" + JACOCO, jar));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> java(p).pomProperties())
                .containsExactly(
                        tuple("args4j:args4j", "2.0.28", Optional.of("META-INF/maven/args4j/args4j/pom.properties")),
                        tuple("org.jacoco:org.jacoco.cli", "0.8.12",
                                Optional.of("META-INF/maven/org.jacoco/org.jacoco.cli/pom.properties")),
                        tuple("org.jacoco:org.jacoco.core", "0.8.12",
                                Optional.of("META-INF/maven/org.jacoco/org.jacoco.core/pom.properties")),
                        tuple("org.jacoco:org.jacoco.report", "0.8.12",
                                Optional.of("META-INF/maven/org.jacoco/org.jacoco.report/pom.properties")));
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations().get(0).path()).isEqualTo("/opt/jacoco/" + JACOCO);
            assertThat(java(p).sha1()).isEqualTo(sha1(jar));
            assertThat(java(p).vendor()).as("the manifest speaks for one artifact, not four").isEmpty();
        });
    }

    @Test
    void warWithCompressedLibraries() throws Exception {
        byte[] war = Zips.realBytes(JOLOKIA);
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/srv/webapps/" + JOLOKIA, war));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path(), Package::name,
                Package::version).containsExactly(
                tuple("/srv/webapps/" + JOLOKIA, "org.jolokia:jolokia-war", "1.7.2"),
                tuple("/srv/webapps/" + JOLOKIA + "!/WEB-INF/lib/jolokia-core-1.7.2.jar", "org.jolokia:jolokia-core",
                        "1.7.2"),
                tuple("/srv/webapps/" + JOLOKIA + "!/WEB-INF/lib/jolokia-jsr160-1.7.2.jar",
                        "org.jolokia:jolokia-jsr160", "1.7.2"),
                tuple("/srv/webapps/" + JOLOKIA + "!/WEB-INF/lib/json-simple-1.1.1.jar",
                        "com.googlecode.json-simple:json-simple", "1.1.1"));
        // Only json-simple's own pom.xml declares a licence; the others inherit theirs and have no Bundle-License.
        assertThat(run.output().packages()).extracting(Package::licenses).containsExactly(List.of(), List.of(),
                List.of(), List.of("The Apache Software License, Version 2.0"));
        // A nested archive's SHA-1 is that of its own bytes, as the JDK inflates them.
        try (var zip = new java.util.zip.ZipFile(Zips.real(JOLOKIA).toFile())) {
            byte[] jsonSimple = zip.getInputStream(zip.getEntry("WEB-INF/lib/json-simple-1.1.1.jar")).readAllBytes();
            assertThat(java(run.output().packages().get(3)).sha1()).isEqualTo(sha1(jsonSimple));
        }
    }

    @Test
    void springBootFatJarReadsStoredLibrariesInPlace() throws Exception {
        byte[] log4j = Zips.realBytes(LOG4J);
        byte[] fat = Zips.zip(Zips.manifest("Main-Class: org.springframework.boot.loader.JarLauncher",
                        "Start-Class: com.example.Demo"), Zips.pom("com.example", "demo", "1.0.0"),
                Zips.clazz("BOOT-INF/classes/com/example/Demo.class"),
                Zips.stored("BOOT-INF/lib/" + LOG4J, log4j),
                Zips.stored("BOOT-INF/lib/" + JACOCO, Zips.realBytes(JACOCO)));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/app/app.jar", fat));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path(), Package::name)
                .containsExactly(
                        tuple("/app/app.jar", "com.example:demo"),
                        tuple("/app/app.jar!/BOOT-INF/lib/" + LOG4J, "org.apache.logging.log4j:log4j-core"),
                        tuple("/app/app.jar!/BOOT-INF/lib/" + JACOCO, "args4j:args4j"),
                        tuple("/app/app.jar!/BOOT-INF/lib/" + JACOCO, "org.jacoco:org.jacoco.cli"),
                        tuple("/app/app.jar!/BOOT-INF/lib/" + JACOCO, "org.jacoco:org.jacoco.core"),
                        tuple("/app/app.jar!/BOOT-INF/lib/" + JACOCO, "org.jacoco:org.jacoco.report"));
        assertThat(java(run.output().packages().get(0)).sha1()).isEqualTo(sha1(fat));
        assertThat(java(run.output().packages().get(1)).sha1()).isEqualTo("9141212b8507ab50a45525b545b39d224614528b");
    }

    @Test
    void earWarJarNestedAndCompressedAtEveryLevel() {
        byte[] jar = Zips.zip(Zips.pom("org.example", "lib", "2.0"));
        byte[] war = Zips.zip(Zips.pom("org.example", "web", "1.1"), Zips.deflated("WEB-INF/lib/lib-2.0.jar", jar));
        byte[] ear = Zips.zip(Zips.deflated("web.war", war), Zips.deflated("lib/lib-2.0.jar", jar));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/deploy/app.ear", ear));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path(), Package::name)
                .containsExactly(
                        tuple("/deploy/app.ear!/lib/lib-2.0.jar", "org.example:lib"),
                        tuple("/deploy/app.ear!/web.war", "org.example:web"),
                        tuple("/deploy/app.ear!/web.war!/WEB-INF/lib/lib-2.0.jar", "org.example:lib"));
    }

    @Test
    void manifestWithoutPomPropertiesLikeSpring() {
        byte[] beans = Zips.zip(Zips.manifest("Implementation-Title: spring-beans",
                        "Automatic-Module-Name: spring.beans", "Implementation-Version: 5.3.17"),
                Zips.clazz("org/springframework/beans/BeanUtils.class"),
                Zips.clazz("org/springframework/beans/factory/BeanFactory.class"));
        byte[] core = Zips.zip(Zips.manifest("Implementation-Title: spring-core", "Implementation-Version: 5.3.17"),
                Zips.clazz("org/springframework/core/SpringVersion.class"),
                Zips.clazz("org/springframework/util/StringUtils.class"),
                Zips.clazz("org/springframework/cglib/core/ClassGenerator.class"));
        byte[] osgi = Zips.zip(Zips.manifest("Bundle-SymbolicName: org.example.widgets.core;singleton:=true",
                "Bundle-Version: 3.1.0", "Bundle-Vendor: Example Corp"), Zips.clazz("Widget.class"));
        byte[] vendorId = Zips.zip(Zips.manifest("Implementation-Title: Some Library",
                "Implementation-Vendor-Id: org.acme", "Implementation-Version: 0.9"));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/l/spring-beans-5.3.17.jar", beans)
                .file("/l/spring-core-5.3.17.jar", core).file("/l/widgets-core.jar", osgi)
                .file("/l/somelib-0.9.jar", vendorId));

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> java(p).identifiedBy(),
                p -> java(p).vendor()).containsExactly(
                tuple("org.acme:somelib", "0.9", IdentifiedBy.MANIFEST, Optional.empty()),
                tuple("org.springframework:spring-beans", "5.3.17", IdentifiedBy.MANIFEST, Optional.empty()),
                tuple("org.springframework:spring-core", "5.3.17", IdentifiedBy.MANIFEST, Optional.empty()),
                tuple("org.example.widgets:widgets-core", "3.1.0", IdentifiedBy.MANIFEST,
                        Optional.of("Example Corp")));
    }

    @Test
    void fileNameAlone() {
        byte[] classes = Zips.zip(Zips.clazz("com/acme/widget/Widget.class"),
                Zips.clazz("com/acme/widget/impl/WidgetImpl.class"));
        byte[] noPackage = Zips.zip(Zips.clazz("Tool.class"));
        byte[] container = Zips.zip(Zips.manifest(), Zips.text("WEB-INF/web.xml", "<web-app/>"));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/a/acme-widget-1.2.3.jar", classes)
                .file("/a/tool-1.0.jar", noPackage).file("/a/legacy.war", container));

        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> java(p).identifiedBy())
                .containsExactly(tuple("com.acme:acme-widget", "1.2.3", IdentifiedBy.FILE_NAME));
        // A name and a version without any group is said, not dropped; an archive naming nothing is a container.
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow())
                .containsExactly(tuple(ProblemKind.UNSUPPORTED, "/a/tool-1.0.jar"));
        assertThat(run.output().problems().get(0).message()).contains("tool 1.0").contains("no Maven group");
    }

    @Test
    void damagedArchivesAreProblemsAndTheRestIsRead() {
        byte[] good = Zips.zip(Zips.pom("g", "good", "1"));
        byte[] badInner = Zips.zip(Zips.pom("g", "outer", "1"), Zips.stored("lib/broken.jar",
                "not a zip at all, but long enough".getBytes(StandardCharsets.UTF_8)),
                Zips.deflated("lib/good.jar", good));
        byte[] badPom = Zips.zip(Zips.text("META-INF/maven/g/x/pom.properties", "groupId=g\nversion=${v}\n"),
                Zips.manifest("Implementation-Title: x", "Implementation-Version: 2", "Implementation-Vendor-Id: org.x"));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/x/empty.jar", new byte[0])
                .file("/x/text.jar", "hello".getBytes(StandardCharsets.UTF_8))
                .file("/x/outer.jar", badInner).file("/x/badpom.jar", badPom)
                .dir("/x/dir.jar").symlink("/x/link.jar", "outer.jar"));

        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path(), Package::name)
                .containsExactly(tuple("/x/badpom.jar", "org.x:x"), tuple("/x/outer.jar", "g:outer"),
                        tuple("/x/outer.jar!/lib/good.jar", "g:good"));
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow())
                .containsExactly(
                        tuple(ProblemKind.MALFORMED_FILE, "/x/badpom.jar!/META-INF/maven/g/x/pom.properties"),
                        tuple(ProblemKind.MALFORMED_FILE, "/x/empty.jar"),
                        tuple(ProblemKind.MALFORMED_FILE, "/x/outer.jar!/lib/broken.jar"),
                        tuple(ProblemKind.MALFORMED_FILE, "/x/text.jar"));
        assertThat(run.output().problems().get(0).message()).contains("artifactId").contains("version");
    }

    @Test
    void boundsOnDepthEntriesAndInflation() {
        byte[] level = Zips.zip(Zips.pom("g", "level5", "1"));
        for (int i = 4; i >= 0; i--) {
            level = Zips.zip(Zips.pom("g", "level" + i, "1"), Zips.stored("in.jar", level));
        }
        AnalyzerHarness.Run deep = run(new JarAnalyzer(new ArchiveLimits(3, 1000, 1000, 1 << 20, 1 << 20)),
                AnalyzerHarness.layer().file("/d/deep.jar", level));
        assertThat(deep.output().packages()).extracting(Package::name)
                .containsExactly("g:level0", "g:level1", "g:level2", "g:level3");
        assertThat(deep.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED);
            assertThat(p.path()).contains("/d/deep.jar!/in.jar!/in.jar!/in.jar!/in.jar");
        });

        Zips.Entry[] many = new Zips.Entry[50];
        for (int i = 0; i < many.length; i++) {
            many[i] = Zips.stored("lib/j" + i + ".jar", Zips.zip(Zips.pom("g", "j" + i, "1"), Zips.text("a", "b")));
        }
        AnalyzerHarness.Run crowded = run(new JarAnalyzer(new ArchiveLimits(8, 60, 1000, 1 << 20, 1 << 20)),
                AnalyzerHarness.layer().file("/c/crowded.jar", Zips.zip(many)));
        assertThat(crowded.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED);
            assertThat(p.message()).contains("more than 60 entries");
        });
        assertThat(crowded.output().packages()).hasSizeBetween(1, 10);

        // A nested jar inflating beyond its bound (a zip bomb's shape) is skipped; its sibling is read.
        byte[] bomb = Zips.zip(Zips.deflated("zeros.jar", new byte[4 << 20]), Zips.deflated("data", new byte[4 << 20]));
        byte[] outer = Zips.zip(Zips.deflated("lib/bomb.jar", bomb), Zips.deflated("lib/ok.jar",
                Zips.zip(Zips.pom("g", "ok", "1"))), Zips.deflated("lib/zeros.jar", new byte[2 << 20]));
        AnalyzerHarness.Run bombed = run(new JarAnalyzer(new ArchiveLimits(8, 1000, 1000, 1 << 20, 8 << 20)),
                AnalyzerHarness.layer().file("/b/outer.jar", outer));
        assertThat(bombed.output().packages()).extracting(Package::name).containsExactly("g:ok");
        assertThat(bombed.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow())
                .containsExactly(tuple(ProblemKind.LIMIT_EXCEEDED, "/b/outer.jar!/lib/bomb.jar!/zeros.jar"),
                        tuple(ProblemKind.LIMIT_EXCEEDED, "/b/outer.jar!/lib/zeros.jar"));
    }

    @Test
    void licencesFromTheArtifactsPomXmlElseTheManifest() {
        String licensed = "<project><modelVersion>4.0.0</modelVersion><licenses><license><name>Apache-2.0</name>"
                + "<url>https://www.apache.org/licenses/LICENSE-2.0</url></license><license>"
                + "<url>https://opensource.org/licenses/MIT</url></license></licenses></project>";
        String unlicensed = "<project><modelVersion>4.0.0</modelVersion><parent><groupId>g</groupId>"
                + "<artifactId>parent</artifactId><version>1</version></parent></project>";
        byte[] pomWins = Zips.zip(Zips.manifest("Bundle-License: MIT"), Zips.pom("g", "a", "1"),
                Zips.text("META-INF/maven/g/a/pom.xml", licensed));
        byte[] manifestSays = Zips.zip(Zips.manifest("Bundle-License: Apache-2.0;link=\"https://www.apache.org/"
                        + "licenses/LICENSE-2.0.txt,x\";description=\"a, b\", EPL-2.0"), Zips.pom("g", "b", "1"),
                Zips.text("META-INF/maven/g/b/pom.xml", unlicensed));
        byte[] prose = Zips.zip(Zips.manifest("Bundle-License: Apache License, Version 2.0",
                "Implementation-Title: c", "Implementation-Version: 3", "Implementation-Vendor-Id: org.c"));
        byte[] external = Zips.zip(Zips.manifest("Bundle-License: <<EXTERNAL>>"), Zips.pom("g", "d", "1"));
        // Shaded: the manifest speaks for no one artifact; each keeps what its own pom.xml says.
        byte[] shaded = Zips.zip(Zips.manifest("Bundle-License: MIT"), Zips.pom("g", "main", "1"),
                Zips.pom("g", "inner", "2"), Zips.text("META-INF/maven/g/inner/pom.xml", licensed));
        byte[] hostile = Zips.zip(Zips.manifest("Bundle-License: MIT"), Zips.pom("g", "e", "1"),
                Zips.text("META-INF/maven/g/e/pom.xml", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]><project><licenses><license><name>&x;</name></license>"
                        + "</licenses></project>"));
        AnalyzerHarness.Run run = run(AnalyzerHarness.layer().file("/l/a.jar", pomWins).file("/l/b.jar", manifestSays)
                .file("/l/c-3.jar", prose).file("/l/d.jar", external).file("/l/s.jar", shaded)
                .file("/l/e.jar", hostile));

        assertThat(run.output().packages()).extracting(Package::name, Package::licenses).containsExactly(
                tuple("g:a", List.of("Apache-2.0", "https://opensource.org/licenses/MIT")),
                tuple("g:b", List.of("Apache-2.0", "EPL-2.0")),
                tuple("org.c:c", List.of("Apache License, Version 2.0")),
                tuple("g:d", List.of()),
                tuple("g:e", List.of("MIT")),
                tuple("g:inner", List.of("Apache-2.0", "https://opensource.org/licenses/MIT")),
                tuple("g:main", List.of()));
        assertThat(run.output().problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).contains("/l/e.jar!/META-INF/maven/g/e/pom.xml");
            assertThat(p.message()).contains("DOCTYPE").endsWith("its licences are not read");
        });
    }

    @Test
    void aJarDeletedByAWhiteoutIsNotReported() {
        byte[] h2 = Zips.zip(Zips.pom("com.h2database", "h2", "1.4.199"));
        byte[] kept = Zips.zip(Zips.pom("org.yaml", "snakeyaml", "1.26"));
        AnalyzerHarness.Run run = run(
                AnalyzerHarness.layer().file("/app/lib/h2-1.4.199.jar", h2).file("/app/lib/snakeyaml-1.26.jar", kept),
                AnalyzerHarness.layer().whiteout("/app/lib/h2-1.4.199.jar"));

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("org.yaml:snakeyaml");
    }
}

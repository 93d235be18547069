package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Maven's local repository (~/.m2/repository/GROUP/PATH/ARTIFACT/VERSION/) and Gradle's module cache
 * (~/.gradle/caches/modules-2/files-2.1/GROUP/ARTIFACT/VERSION/SHA1/), shaped as the tools lay them out: their jars
 * are archives like any other, and their .pom files describe published artifacts, not projects.
 */
class BuildCachesTest {
    private static final String LOG4J = "log4j-core-2.14.1.jar";
    private static final String M2 = "/root/.m2/repository/org/apache/logging/log4j/log4j-core/2.14.1/";
    private static final String GRADLE = "/home/app/.gradle/caches/modules-2/files-2.1/org.apache.logging.log4j/"
            + "log4j-core/2.14.1/";
    private static final String JAR_SHA1 = "9141212b8507ab50a45525b545b39d224614528b";

    private static AnalyzerHarness.Layer caches() throws Exception {
        byte[] jar = Zips.realBytes(LOG4J);
        byte[] pom;
        try (ZipFile zip = new ZipFile(Zips.real(LOG4J).toFile())) {
            pom = zip.getInputStream(zip.getEntry("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.xml"))
                    .readAllBytes();
        }
        return AnalyzerHarness.layer()
                .file(M2 + LOG4J, jar)
                .file(M2 + "log4j-core-2.14.1.jar.sha1", JAR_SHA1)
                .file(M2 + "log4j-core-2.14.1.pom", pom)
                .file(M2 + "_remote.repositories", "log4j-core-2.14.1.jar>central=\nlog4j-core-2.14.1.pom>central=\n")
                .file(GRADLE + JAR_SHA1 + "/" + LOG4J, jar)
                .file(GRADLE + "c5e8fa9d3e4bc41ea2a5b2b0aa6e8b27f1a27d9c/log4j-core-2.14.1.pom", pom);
    }

    @Test
    void cachedJarsAreFound() throws Exception {
        AnalyzerHarness.Run run = LangHarness.of(new JarAnalyzer()).layer(caches()).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path(), Package::name,
                Package::version).containsExactly(
                tuple(GRADLE + JAR_SHA1 + "/" + LOG4J, "org.apache.logging.log4j:log4j-core", "2.14.1"),
                tuple(M2 + LOG4J, "org.apache.logging.log4j:log4j-core", "2.14.1"));
    }

    @Test
    void cachedPomsAreNotProjects() throws Exception {
        AnalyzerHarness.Run run = LangHarness.of(new PomAnalyzer()).layer(caches()).runInEveryOrder();

        assertThat(run.deliveredPaths()).isEmpty();
        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).isEmpty();
    }
}

package dev.plimsoll.analyzer.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.java.JarAnalyzer;
import dev.plimsoll.analyzer.lang.npm.NpmAnalyzer;
import dev.plimsoll.analyzer.lang.python.PythonAnalyzer;
import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.fs.InterestIndex;
import dev.plimsoll.fs.SquashWalker;
import dev.plimsoll.fs.SquashedView;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.testkit.AnalyzerHarness;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three analyzers over a real image through the engine's own walk (image reader, interest index, squash,
 * whiteouts, content spilled to disk): what the unit tests' harness assumes about deliveries holds.
 */
class ImageWalkTest {
    @TempDir
    Path tmp;

    private static byte[] resource(String path) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] real(String name) {
        String dir = System.getProperty("plimsoll.real.archives", "target/real-archives");
        try {
            return Files.readAllBytes(Path.of(dir, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path image() throws IOException {
        TarBuilder app = TarBuilder.tar().dir("app").dir("app/lib")
                .file("app/lib/log4j-core-2.14.1.jar", real("log4j-core-2.14.1.jar"))
                .file("app/lib/h2-1.4.199.jar", real("org.jacoco.cli-0.8.12-nodeps.jar"))
                .file("app/legacy.war", real("jolokia-war-1.7.2.war"))
                .symlink("app/current.jar", "lib/log4j-core-2.14.1.jar")
                .file("usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA",
                        resource("python/debian/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA"))
                .dir("usr/lib/python3/dist-packages/six-1.16.0.egg-info")
                .file("usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO",
                        resource("python/debian/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO"))
                .file("usr/lib/python2.7/wsgiref.egg-info", resource("python/egg-file/usr/lib/python2.7/wsgiref.egg-info"))
                .file("srv/node/package-lock.json", resource("npm/project/package-lock.json"));
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/npm/project/node_modules"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                app.file("srv/node/" + Path.of("src/test/resources/npm/project").relativize(p), Files.readAllBytes(p));
            }
        }
        Path file = tmp.resolve("image.tar");
        ImageBuilder.image().layer(app.build(), ImageBuilder.Compression.GZIP, "COPY . /")
                .layer(TarBuilder.tar().whiteout("app/lib/h2-1.4.199.jar").build(), ImageBuilder.Compression.NONE,
                        "RUN rm /app/lib/h2-1.4.199.jar")
                .writeDockerArchive(file, ImageBuilder.Compression.NONE);
        return file;
    }

    /** Runs the analyzers the way the engine's pipeline does; content above 4 KiB is spilled to a file. */
    private List<AnalyzerOutput> scan(Path file, List<Analyzer> analyzers) throws IOException {
        List<Analyzer.Session> sessions = new ArrayList<>();
        List<Interests> interests = new ArrayList<>();
        for (Analyzer a : analyzers) {
            sessions.add(a.open(AnalyzerHarness.context()));
            interests.add(a.interests());
        }
        try (Image image = new ImageOpener().open(new ImageSource.DockerArchive(file, Optional.empty()),
                Platform.LINUX_AMD64);
             SquashedView view = new SquashWalker(WalkLimits.defaults().withInMemoryContentBytes(4096), tmp)
                     .walk(image, InterestIndex.compile(interests), (entry, wanted) -> {
                         for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
                             sessions.get(i).accept(entry);
                         }
                     })) {
            assertThat(view.problems()).isEmpty();
            return sessions.stream().map(Analyzer.Session::finish).toList();
        }
    }

    @Test
    void everyAnalyzerThroughTheRealWalk() throws IOException {
        List<AnalyzerOutput> out = scan(image(), List.of(new PythonAnalyzer(), new NpmAnalyzer(), new JarAnalyzer()));

        assertThat(out).allSatisfy(o -> assertThat(o.problems()).isEmpty());
        assertThat(out.get(0).packages()).extracting(Package::name, p -> p.introducedIn().orElseThrow().index())
                .containsExactly(tuple("PyYAML", 0), tuple("six", 0), tuple("wsgiref", 0));
        assertThat(out.get(1).packages()).extracting(Package::name, Package::version, p -> p.locations().size())
                .containsExactly(tuple("@babel/helper-validator-identifier", "7.22.20", 2), tuple("debug", "2.6.9", 2),
                        tuple("is-number", "7.0.0", 2), tuple("lodash", "4.17.15", 2), tuple("minimist", "1.2.0", 2),
                        tuple("ms", "2.0.0", 2), tuple("ms", "2.1.3", 2));
        // The jar deleted by the whiteout (a shaded jar under another name here) is gone; the symlink is not a
        // second copy; the war's compressed libraries are read from memory, log4j from the spilled file.
        assertThat(out.get(2).packages()).extracting(p -> p.locations().get(0).path(), Package::name).containsExactly(
                tuple("/app/legacy.war", "org.jolokia:jolokia-war"),
                tuple("/app/legacy.war!/WEB-INF/lib/jolokia-core-1.7.2.jar", "org.jolokia:jolokia-core"),
                tuple("/app/legacy.war!/WEB-INF/lib/jolokia-jsr160-1.7.2.jar", "org.jolokia:jolokia-jsr160"),
                tuple("/app/legacy.war!/WEB-INF/lib/json-simple-1.1.1.jar", "com.googlecode.json-simple:json-simple"),
                tuple("/app/lib/log4j-core-2.14.1.jar", "org.apache.logging.log4j:log4j-core"));
        assertThat(out.get(2).packages()).allSatisfy(p -> assertThat(p.introducedIn().orElseThrow().index()).isZero());
    }
}

package dev.plimsoll.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonAnalyzerTest {
    private static final String DIST = "/usr/lib/python3/dist-packages/";
    private static final String VENV = "/opt/venv/lib/python3.11/site-packages/";

    @Test
    void debianDistPackagesWheelAndEggLayouts() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer()).layer(AnalyzerHarness.layer()
                .fixture("python/debian").dir(DIST + "certifi-2022.9.24.egg-info")
                .file(DIST + "certifi-2022.9.24.egg-info/top_level.txt", "certifi\n")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, Package::licenses,
                p -> p.locations().get(0).path(), p -> ((PackageMetadata.Python) p.metadata()).layout())
                .containsExactly(
                        tuple("PyYAML", "6.0", List.of("MIT"), DIST + "PyYAML-6.0.dist-info/METADATA", "dist-info"),
                        tuple("certifi", "2022.9.24", List.of("MPL-2.0"),
                                DIST + "certifi-2022.9.24.egg-info/PKG-INFO", "egg-info"),
                        tuple("chardet", "5.1.0", List.of("LGPL"), DIST + "chardet-5.1.0.dist-info/METADATA",
                                "dist-info"),
                        tuple("six", "1.16.0", List.of("MIT"), DIST + "six-1.16.0.egg-info/PKG-INFO", "egg-info"));
        Package yaml = run.output().packages().get(0);
        assertThat(yaml.ecosystem()).isEqualTo(Ecosystem.PYPI);
        assertThat(yaml.introducedIn()).contains(AnalyzerHarness.layerRef(0));
        assertThat(yaml.locations().get(0).layer()).contains(AnalyzerHarness.layerRef(0));
        assertThat(yaml.metadata()).isEqualTo(new PackageMetadata.Python("dist-info", Optional.of("Kirill Simonov"),
                Optional.of("https://pyyaml.org/"), Optional.of(">=3.6")));
        assertThat(Purls.of(yaml, Optional.empty())).isEqualTo("pkg:pypi/pyyaml@6.0");
        assertThat(run.deliveredPaths()).as("the egg-info directory and its other files are not read")
                .doesNotContain(DIST + "certifi-2022.9.24.egg-info/top_level.txt");
    }

    @Test
    void virtualEnvironmentWithMetadata24AndProjectUrls() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer()).fixture("python/venv").runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, Package::licenses,
                p -> p.metadata())
                .containsExactly(
                        tuple("pip", "24.2", List.of("MIT"), new PackageMetadata.Python("dist-info",
                                Optional.of("The pip developers <distutils-sig@python.org>"),
                                Optional.of("https://pip.pypa.io/"), Optional.of(">=3.8"))),
                        tuple("rpds-py", "0.30.0", List.of("MIT"), new PackageMetadata.Python("dist-info",
                                Optional.of("Julian Berman <Julian+rpds@GrayVines.com>"),
                                Optional.of("https://github.com/crate-py/rpds"), Optional.of(">=3.10"))));
        assertThat(run.output().packages().get(1).locations().get(0).path())
                .isEqualTo(VENV + "rpds_py-0.30.0.dist-info/METADATA");
    }

    @Test
    void eggInfoFile() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer()).fixture("python/egg-file").runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, Package::version, Package::licenses)
                .containsExactly(tuple("wsgiref", "0.1.2", List.of("PSF or ZPL")));
    }

    @Test
    void licenseTextAndUnknownFallBackToClassifiers() {
        String text = """
                Metadata-Version: 2.1
                Name: lib
                Version: 1.0
                License: Copyright (c) 2020 Somebody
                        Permission is hereby granted, free of charge, to any person
                Classifier: License :: OSI Approved :: BSD License
                Classifier: License :: Public Domain
                Classifier: License :: OSI Approved

                body: not a header
                """;
        String unknown = "Metadata-Version: 1.1\nName: old\nVersion: 0.1\nLicense: UNKNOWN\n";
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer()).layer(AnalyzerHarness.layer()
                .file(VENV + "lib-1.0.dist-info/METADATA", text)
                .file(VENV + "old-0.1.egg-info/PKG-INFO", unknown)).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, Package::licenses).containsExactly(
                tuple("lib", List.of("BSD License", "Public Domain")), tuple("old", List.of()));
    }

    @Test
    void brokenMetadataIsAProblemNamingTheFile() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer()).layer(AnalyzerHarness.layer()
                .file(VENV + "noversion-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: noversion\n")
                .file(VENV + "garbage-1.0.dist-info/METADATA", "\u0000\u0001binary garbage\nName: x\n")
                .file(VENV + "spaces-1.0.dist-info/METADATA", "Name: two words\nVersion: 1.0\n")
                .file(VENV + "good-1.0.dist-info/METADATA", "Name: good\nVersion: 1.0\n")).runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("good");
        assertThat(run.output().problems()).extracting(ScanProblem::kind, p -> p.path().orElseThrow())
                .containsExactly(
                        tuple(ProblemKind.MALFORMED_FILE, VENV + "garbage-1.0.dist-info/METADATA"),
                        tuple(ProblemKind.MALFORMED_FILE, VENV + "noversion-1.0.dist-info/METADATA"),
                        tuple(ProblemKind.MALFORMED_FILE, VENV + "spaces-1.0.dist-info/METADATA"));
        assertThat(run.output().problems().get(0).message()).contains("line 1");
        assertThat(run.output().problems()).allSatisfy(p -> {
            assertThat(p.component()).isEqualTo("lang/python");
            assertThat(p.layer()).contains(AnalyzerHarness.layerRef(0).id());
        });
    }

    @Test
    void onlyVisibleCopiesCount() {
        AnalyzerHarness.Run run = LangHarness.of(new PythonAnalyzer())
                .layer(AnalyzerHarness.layer().file(VENV + "a-1.0.dist-info/METADATA", "Name: a\nVersion: 1.0\n")
                        .file(VENV + "b-1.0.dist-info/METADATA", "Name: b\nVersion: 1.0\n"))
                .layer(AnalyzerHarness.layer().whiteout(VENV + "a-1.0.dist-info")
                        .file(VENV + "b-1.0.dist-info/METADATA", "Name: b\nVersion: 1.0\n"))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name, p -> p.introducedIn().orElseThrow().index())
                .containsExactly(tuple("b", 1));
    }
}

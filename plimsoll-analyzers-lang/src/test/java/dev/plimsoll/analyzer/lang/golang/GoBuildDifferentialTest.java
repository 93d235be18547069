package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.Executables;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.GoBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Binaries built now by the installed Go, offline, from the fixture module (src/test/resources/golang): what the
 * analyzer reads equals what {@code go version -m} prints, for vendored builds, builds from a module proxy (with
 * go.sum hashes), a main module installed at a version, stripped and position-independent binaries, and other
 * architectures (32 and 64 bits, both byte orders).
 */
class GoBuildDifferentialTest {
    private static final Path GOLANG = Path.of("src/test/resources/golang").toAbsolutePath();
    private static final Path WORK = Path.of("target/go-differential").toAbsolutePath();

    @TempDir
    Path out;

    @BeforeAll
    static void go() throws InterruptedException {
        GoToolchainProcess.requireGo();
    }

    /** Offline, reproducible, and never choosing another toolchain; the build cache stays the user's. */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GOPROXY", "off");
        env.put("GOSUMDB", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOWORK", "off");
        env.put("GOFLAGS", "-modcacherw -buildvcs=false");
        env.put("GOMODCACHE", WORK.resolve("modcache").toString());
        env.put("CGO_ENABLED", "0");
        if (System.getenv("HOME") == null && System.getenv("GOCACHE") == null) {
            env.put("GOCACHE", WORK.resolve("cache").toString());
        }
        return env;
    }

    /** A copy of the hello module: builds must not touch the fixture. */
    private Path hello() throws IOException {
        Path copy = out.resolve("hello");
        Path source = GOLANG.resolve("src/hello");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** Compares the analyzer's reading of a binary with go version -m; returns the analyzer's packages. */
    private static List<Package> compare(Path binary) throws Exception {
        String printed = GoToolchainProcess.check(binary.getParent(), env(), "go", "version", "-m", binary.toString());
        GoBuildInfo expected = GoVersionM.parse(printed);
        byte[] bytes = Files.readAllBytes(binary);
        ElfFile elf = ElfFile.read(SeekableBytes.of(bytes)).orElseThrow();
        assertThat(BuildInfoReader.read(elf)).as("%s", printed).contains(expected);

        AnalyzerOutput scanned = Executables.scan(new GoBinaryAnalyzer(), "/bin/" + binary.getFileName(), bytes);
        assertThat(scanned.problems()).isEmpty();
        String toolchain = expected.goVersion();
        assertThat(scanned.packages()).filteredOn(p -> ((GoBuild) p.metadata()).role() == GoBuild.Role.STDLIB)
                .singleElement().satisfies(p -> assertThat(p.version())
                        .isEqualTo(GoToolchain.semver(toolchain).orElseThrow()));
        return scanned.packages();
    }

    @ParameterizedTest(name = "GOARCH={0} {1}")
    @CsvSource({"amd64, ''", "amd64, -ldflags=-s -w", "amd64, -buildmode=pie", "386, ''", "s390x, ''",
            "mips, -ldflags=-s -w"})
    void vendoredBuilds(String arch, String flag) throws Exception {
        Path hello = hello();
        Map<String, String> env = env();
        env.put("GOARCH", arch);
        Path binary = out.resolve("hello-" + arch);
        List<String> command = new java.util.ArrayList<>(List.of("go", "build", "-mod=vendor", "-trimpath", "-o",
                binary.toString()));
        if (!flag.isEmpty()) {
            command.add(flag);
        }
        command.add(".");
        GoToolchainProcess.check(hello, env, command.toArray(String[]::new));

        List<Package> packages = compare(binary);
        assertThat(packages).extracting(Package::name).containsExactlyInAnyOrder("stdlib", "example.test/greet",
                "example.test/localdep", "example.test/newlib");
    }

    @Test
    void buildFromTheModuleProxyRecordsSums() throws Exception {
        Path hello = hello();
        Map<String, String> env = env();
        env.put("GOPROXY", GOLANG.resolve("proxy").toUri().toString());
        Path binary = out.resolve("hello-mod");
        GoToolchainProcess.check(hello, env, "go", "build", "-mod=mod", "-o", binary.toString(), ".");

        List<Package> packages = compare(binary);
        assertThat(packages).filteredOn(p -> p.name().equals("example.test/greet")).singleElement()
                .satisfies(p -> assertThat(((GoBuild) p.metadata()).sum())
                        .contains(GoBinaryAnalyzerTest.GREET_SUM));
    }

    @Test
    void aMainModuleInstalledAtAVersionIsReported() throws Exception {
        Map<String, String> env = env();
        env.put("GOPROXY", GOLANG.resolve("proxy").toUri().toString());
        env.put("GOBIN", out.toString());
        GoToolchainProcess.check(out, env, "go", "install", "-trimpath", "example.test/tool@v1.0.0");

        List<Package> packages = compare(out.resolve("tool"));
        assertThat(packages).filteredOn(p -> ((GoBuild) p.metadata()).role() == GoBuild.Role.MAIN)
                .singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("example.test/tool");
                    assertThat(p.version()).isEqualTo("v1.0.0");
                    assertThat(((GoBuild) p.metadata()).sum()).hasValueSatisfying(s -> assertThat(s).startsWith("h1:"));
                });
    }
}

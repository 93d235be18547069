package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.Executables;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.GoBuild;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoBinaryAnalyzerTest {
    static final Path BIN = Path.of("src/test/resources/golang/bin");
    static final String GREET_SUM = "h1:Muyq0wSIpbxBb+M4eA++4k8FpBZpLsiaUF2NeZEwtrg=";
    static final String NEWLIB_SUM = "h1:suy7566eaO3nYsBFcvMjEuRTUd69+0Bm7hzMWmHF/Zo=";

    static GoBuild go(Package p) {
        return (GoBuild) p.metadata();
    }

    /** (name, version, role, replacement, sum) of each package. */
    static List<Tuple> rows(List<Package> packages) {
        return packages.stream().map(p -> tuple(p.name(), p.version(), go(p).role(),
                go(p).replacement().orElse(""), go(p).sum().orElse(""))).toList();
    }

    /** What the analyzer must make of hello: see the fixture's README and go version -m output. */
    static final List<Tuple> HELLO = List.of(
            tuple("stdlib", "v1.19.8", GoBuild.Role.STDLIB, "", ""),
            tuple("example.test/greet", "v1.2.3", GoBuild.Role.DEPENDENCY, "", GREET_SUM),
            tuple("example.test/localdep", "v0.3.0", GoBuild.Role.DEPENDENCY,
                    "example.test/localdep v0.3.0 => ./localdep", ""),
            tuple("example.test/newlib", "v1.1.0", GoBuild.Role.DEPENDENCY,
                    "example.test/oldlib v1.0.0 => example.test/newlib v1.1.0", NEWLIB_SUM));

    @ParameterizedTest
    @ValueSource(strings = {"hello-amd64", "hello-mips"})
    void buildInformationEqualsWhatGoVersionMPrinted(String binary) throws Exception {
        ElfFile elf = ElfFile.read(SeekableBytes.of(Files.readAllBytes(BIN.resolve(binary)))).orElseThrow();
        GoBuildInfo expected = GoVersionM.parse(Files.readString(BIN.resolve(binary + ".go-version-m.txt")));

        assertThat(BuildInfoReader.read(elf)).contains(expected);
        assertThat(expected.deps()).hasSize(3);
        assertThat(expected.main()).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo("(devel)"));
    }

    @Test
    void executablesOfAnImageGiveTheirModules() {
        AnalyzerHarness.Run run = LangHarness.of(new GoBinaryAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("golang/bin", "/usr/local/bin")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.deliveredPaths()).as("by execute bit: the text files are not read")
                .containsExactly("/usr/local/bin/hello-amd64", "/usr/local/bin/hello-mips");
        List<Package> amd64 = run.output().packages().stream()
                .filter(p -> p.locations().get(0).path().equals("/usr/local/bin/hello-amd64")).toList();
        assertThat(rows(amd64)).containsExactlyInAnyOrderElementsOf(HELLO);
        assertThat(run.output().packages()).hasSize(2 * HELLO.size()).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.GOLANG);
            assertThat(go(p).binaryPath()).isEqualTo("example.test/hello");
            assertThat(go(p).toolchain()).isEqualTo("go1.19.8");
            assertThat(p.introducedIn().orElseThrow().index()).isZero();
            assertThat(p.foundBy()).isEqualTo(GoBinaryAnalyzer.ID);
        });
        assertThat(amd64.stream().map(p -> Purls.of(p, Optional.empty())))
                .contains("pkg:golang/stdlib@v1.19.8", "pkg:golang/example.test/greet@v1.2.3",
                        "pkg:golang/example.test/newlib@v1.1.0");
    }

    @Test
    void onlyExecutablesAreRead() {
        byte[] go = read("hello-amd64");
        AnalyzerHarness.Run run = LangHarness.of(new GoBinaryAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/opt/hello", go).dir("/usr/local/bin")).run();
        assertThat(run.deliveredPaths()).as("mode 0644 file; a directory is not regular")
                .containsExactly("/usr/local/bin");
        assertThat(run.output().packages()).isEmpty();
        assertThat(run.output().problems()).isEmpty();
    }

    @Test
    void executablesThatAreNotElfAreNoProblem() {
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), java.util.Map.of(
                "/usr/bin/script", "#!/bin/sh\nexec true\n".getBytes(StandardCharsets.UTF_8),
                "/usr/bin/empty", new byte[0],
                "/usr/bin/c-program", new dev.plimsoll.analyzer.lang.elf.ElfBuilder(true, ByteOrder.LITTLE_ENDIAN)
                        .loaded(".data", 0x4000, 6, "not go".getBytes(StandardCharsets.UTF_8)).build()));
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).isEmpty();
    }

    @Test
    void aTruncatedBinaryIsAProblemNamingIt() {
        byte[] go = read("hello-amd64");
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/usr/local/bin/cut",
                Arrays.copyOf(go, 0x100));
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
            assertThat(p.path()).contains("/usr/local/bin/cut");
            assertThat(p.component()).isEqualTo("lang/go-binary");
            assertThat(p.message()).startsWith("not a readable ELF file: section header table (14 entries");
        });
    }

    @Test
    void withoutSectionHeadersTheDataSegmentIsSearched() {
        byte[] go = read("hello-amd64");
        // e_shoff, e_shnum and e_shstrndx cleared, as sstrip leaves a binary.
        ByteBuffer.wrap(go).order(ByteOrder.LITTLE_ENDIAN).putLong(40, 0).putShort(60, (short) 0)
                .putShort(62, (short) 0);
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/app/hello", go);
        assertThat(out.problems()).isEmpty();
        assertThat(rows(out.packages())).containsExactlyInAnyOrderElementsOf(HELLO);
    }

    @ParameterizedTest
    @CsvSource({"true, LITTLE_ENDIAN", "false, BIG_ENDIAN", "false, LITTLE_ENDIAN", "true, BIG_ENDIAN"})
    void theOlderPointerLayout(boolean wide, String order) throws Exception {
        String modinfo = "path\tgithub.com/acme/tool/cmd/tool\nmod\tgithub.com/acme/tool\tv1.4.0\th1:main=\n"
                + "dep\tgithub.com/pkg/errors\tv0.9.1\th1:errors=\n"
                + "dep\tgolang.org/x/net\tv0.0.0-20200202094626-16171245cfb2\n"
                + "=>\tgithub.com/fork/net\tv0.0.0-20210101000000-abcdefabcdef\th1:fork=\n";
        byte[] binary = GoBlobs.pointerBinary(wide, order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN, "go1.16.5", GoBlobs.framed(modinfo));
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/usr/bin/tool", binary);

        assertThat(out.problems()).isEmpty();
        assertThat(rows(out.packages())).containsExactlyInAnyOrder(
                tuple("stdlib", "v1.16.5", GoBuild.Role.STDLIB, "", ""),
                tuple("github.com/acme/tool", "v1.4.0", GoBuild.Role.MAIN, "", "h1:main="),
                tuple("github.com/pkg/errors", "v0.9.1", GoBuild.Role.DEPENDENCY, "", "h1:errors="),
                tuple("github.com/fork/net", "v0.0.0-20210101000000-abcdefabcdef", GoBuild.Role.DEPENDENCY,
                        "golang.org/x/net v0.0.0-20200202094626-16171245cfb2 => github.com/fork/net "
                                + "v0.0.0-20210101000000-abcdefabcdef", "h1:fork="));
        assertThat(out.packages()).allSatisfy(p -> assertThat(go(p).binaryPath())
                .isEqualTo("github.com/acme/tool/cmd/tool"));
    }

    @Test
    void aBinaryBuiltWithoutModulesGivesTheStandardLibraryOnly() {
        // GOPATH mode: the module information is empty, without its framing.
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/old",
                GoBlobs.inlineBinary("go1.20", new byte[0]));
        assertThat(out.problems()).isEmpty();
        assertThat(rows(out.packages())).containsExactly(tuple("stdlib", "v1.20.0", GoBuild.Role.STDLIB, "", ""));
        assertThat(go(out.packages().get(0)).binaryPath()).isEmpty();
    }

    @Test
    void developmentToolchainsGiveNoStandardLibrary() {
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/devel", GoBlobs.inlineBinary(
                "devel go1.23-4f8a1b2 Tue Jan 2 03:04:05 2024 +0000",
                GoBlobs.framed("path\tx.test/a\nmod\tx.test/a\tv1.0.0\t\ndep\tx.test/b\tv0.1.0\th1:b=\n")));
        assertThat(rows(out.packages())).containsExactly(
                tuple("x.test/a", "v1.0.0", GoBuild.Role.MAIN, "", ""),
                tuple("x.test/b", "v0.1.0", GoBuild.Role.DEPENDENCY, "", "h1:b="));
    }

    @Test
    void aGoBinaryWithoutBuildInformationIsUnsupported() {
        byte[] binary = new dev.plimsoll.analyzer.lang.elf.ElfBuilder(true, ByteOrder.LITTLE_ENDIAN)
                .section(".note.go.buildid", 7, new byte[32])
                .loaded(".data", 0x500000, 6, new byte[128]).build();
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/usr/bin/ancient", binary);
        assertThat(out.packages()).isEmpty();
        assertThat(out.problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(tuple(
                ProblemKind.UNSUPPORTED, "a Go binary without build information (built before Go 1.13 or by gccgo): "
                        + "its modules and Go version are not known"));
    }

    @Test
    void damagedBuildInformationIsAProblem() {
        byte[] blob = GoBlobs.inline("go1.21.0", GoBlobs.framed("dep\tx.test/b\tv1.0.0\n"));
        byte[] cut = Arrays.copyOf(blob, blob.length - 20);
        byte[] binary = new dev.plimsoll.analyzer.lang.elf.ElfBuilder(true, ByteOrder.LITTLE_ENDIAN)
                .loaded(".go.buildinfo", 0x4bb000, 6, cut).build();
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/cut", binary);
        assertThat(out.problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(tuple(
                ProblemKind.MALFORMED_FILE, "Go build information: the module information of 52 bytes runs past the "
                        + "32 bytes of build information left"));

        AnalyzerOutput orphan = Executables.scan(new GoBinaryAnalyzer(), "/bin/orphan", GoBlobs.inlineBinary(
                "go1.21.0", GoBlobs.framed("path\tx.test/a\n=>\tx.test/c\tv1.0.0\t\n")));
        assertThat(orphan.problems()).extracting(ScanProblem::message)
                .containsExactly("Go build information, line 2: a replacement not following a module");
        assertThat(orphan.packages()).isEmpty();
    }

    @Test
    void aModuleWithoutAUsableVersionIsAProblemTheRestIsReported() {
        AnalyzerOutput out = Executables.scan(new GoBinaryAnalyzer(), "/bin/odd", GoBlobs.inlineBinary("go1.22.1",
                GoBlobs.framed("dep\tx.test/ok\tv1.0.0\t\ndep\tx.test/workspace\t(devel)\t\n"
                        + "dep\tx.test/sp ace\tv1\t\ndep\tx.test/empty\t\t\n")));
        assertThat(rows(out.packages())).as("a workspace module built from source has no version to match")
                .extracting(t -> t.toList().get(0)).containsExactly("stdlib", "x.test/ok");
        assertThat(out.problems()).extracting(ScanProblem::message).containsExactly(
                "Go build information names a module without a usable path and version: \"x.test/sp ace\" \"v1\"",
                "Go build information names a module without a usable path and version: \"x.test/empty\" \"\"");
    }

    static byte[] read(String binary) {
        try {
            return Files.readAllBytes(BIN.resolve(binary));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.plimsoll.analyzer.lang.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.analyzer.lang.elf.ElfBuilder;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.Executables;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class CargoAuditableAnalyzerTest {
    static final Path BIN = Path.of("src/test/resources/rust/bin");

    static Declared declared(Package p) {
        return (Declared) p.metadata();
    }

    static byte[] zlib(String json) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] binary(byte[] section) {
        return new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN)
                .loaded(".text", 0x1000, 5, new byte[32])
                .section(AuditableDeps.SECTION, ElfBuilder.PROGBITS, section).build();
    }

    @Test
    void theSectionHoldsTheJson() throws Exception {
        ElfFile elf = ElfFile.read(SeekableBytes.of(Files.readAllBytes(BIN.resolve("app-auditable")))).orElseThrow();
        byte[] section = elf.contents(elf.section(".dep-v0").orElseThrow(), 1 << 20);
        assertThat(AuditableDeps.inflate(section)).isEqualTo(Files.readAllBytes(BIN.resolve("app-auditable.json")));
    }

    @Test
    void aRustBinaryGivesItsCrates() {
        AnalyzerHarness.Run run = LangHarness.of(new CargoAuditableAnalyzer()).layer(AnalyzerHarness.layer()
                .fixture("rust/bin", "/usr/local/bin").fixture("golang/bin", "/opt/go")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.deliveredPaths()).containsExactly("/opt/go/hello-amd64", "/opt/go/hello-mips",
                "/usr/local/bin/app-auditable");
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).relation(),
                        p -> declared(p).dev(), p -> declared(p).resolved().orElse(""))
                .containsExactly(
                        tuple("fixture-build", "0.1.0", Relation.DIRECT, true, "crates.io"),
                        tuple("fixture-greet", "1.2.3", Relation.DIRECT, false, "crates.io"),
                        tuple("fixture-util", "0.3.0", Relation.TRANSITIVE, false, "crates.io"),
                        tuple("fixture-util", "0.4.1", Relation.DIRECT, false, "crates.io"));
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo(Ecosystem.CARGO);
            assertThat(declared(p).format()).isEqualTo("cargo-auditable");
            assertThat(declared(p).checksum()).isEmpty();
            assertThat(p.locations().get(0).path()).isEqualTo("/usr/local/bin/app-auditable");
        });
    }

    @Test
    void otherSourcesAndNoRoot() {
        AnalyzerOutput out = Executables.scan(new CargoAuditableAnalyzer(), "/bin/x", binary(zlib("""
                {"packages":[{"name":"a","version":"1.0.0","source":"git"},
                 {"name":"b","version":"2.0.0","source":{"Other":"sparse+https://r.example/"},"future":[1,{}]},
                 {"name":"own","version":"0.1.0","source":"local"}],"format":8,"extra":{"x":[]}}""")));
        assertThat(out.problems()).isEmpty();
        assertThat(out.packages()).extracting(Package::name, p -> declared(p).relation(),
                p -> declared(p).resolved().orElse("")).containsExactly(
                tuple("a", Relation.UNKNOWN, "git"), tuple("b", Relation.UNKNOWN, "sparse+https://r.example/"));
    }

    @Test
    void damagedDataIsAProblemNamingTheBinary() {
        byte[] good = zlib("{\"packages\":[{\"name\":\"a\",\"version\":\"1.0.0\",\"source\":\"crates.io\"}]}");
        String[][] cases = {
                {"not zlib", "cargo-auditable data is not a zlib stream: incorrect header check"},
                {"cut", "cargo-auditable data: the zlib stream ends early"},
                {"{\"packages\":[{\"name\":\"a\",\"version\":\"1\"}]}", "package 0 without a source"},
                {"{\"packages\":[{\"name\":\"a\",\"version\":\"1\",\"source\":\"x\",\"dependencies\":[4]}]}",
                        "package a depends on package 4 of 1"},
                {"{\"packages\":[{\"name\":\"a\",\"version\":\"1\",\"source\":\"x\",\"dependencies\":[-1]}]}",
                        "package 0: a dependency that is not an index"},
                {"{\"format\":1}", "cargo-auditable data without a packages array"},
                {"[1]", "cargo-auditable data is not a JSON object"},
                {"{\"packages\":[", "cargo-auditable data is not valid JSON: Unexpected end-of-input"}};
        for (String[] c : cases) {
            byte[] section = switch (c[0]) {
                case "not zlib" -> "not zlib".getBytes(StandardCharsets.US_ASCII);
                case "cut" -> Arrays.copyOf(good, good.length - 6);
                default -> zlib(c[0]);
            };
            AnalyzerOutput out = Executables.scan(new CargoAuditableAnalyzer(), "/bin/broken", binary(section));
            assertThat(out.packages()).isEmpty();
            assertThat(out.problems()).as(c[0]).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
                assertThat(p.path()).contains("/bin/broken");
                assertThat(p.message()).startsWith(c[1]); // Jackson's own words follow its errors
            });
        }
    }

    @Test
    void inflatingIsBounded() {
        byte[] bomb = zlib("{\"packages\":[]," + "\"x\":\"" + " ".repeat(AuditableDeps.MAX_JSON_BYTES) + "\"}");
        AnalyzerOutput out = Executables.scan(new CargoAuditableAnalyzer(), "/bin/bomb", binary(bomb));
        assertThat(out.problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(tuple(
                ProblemKind.LIMIT_EXCEEDED, "cargo-auditable data inflates to more than 33554432 bytes"));
    }
}

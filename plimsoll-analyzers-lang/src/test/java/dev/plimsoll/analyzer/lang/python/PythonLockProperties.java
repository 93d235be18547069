package dev.plimsoll.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Damaged real lockfiles and requirements files: each parser gives packages or its own parse error, never another
 * exception, and the analyzer turns whatever it meets into packages and problems naming the file.
 */
class PythonLockProperties {
    private static final Path LOCKFILES = Path.of("src/test/resources/python/lockfiles");
    private static final List<byte[]> POETRY = read("poetry-1.3/poetry.lock", "poetry-1.1/poetry.lock",
            "poetry-2.1/poetry.lock", "poetry-1.3-sources/poetry.lock");
    private static final List<byte[]> UV = read("uv/uv.lock", "uv-sources/uv.lock");
    private static final List<byte[]> PIPFILE = read("pipenv/Pipfile.lock");
    private static final List<byte[]> REQUIREMENTS = read("requirements-features/requirements.txt",
            "requirements-features/requirements/base.txt", "pipenv/requirements.txt");

    private static List<byte[]> read(String... paths) {
        try {
            List<byte[]> out = new ArrayList<>();
            for (String p : paths) {
                out.add(Files.readAllBytes(LOCKFILES.resolve(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrite one byte, delete a run, or insert a byte, at a position taken modulo the file's length. */
    record Mutation(int kind, int position, int length, byte value) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return new byte[] {value};
            }
            int at = Math.floorMod(position, in.length);
            return switch (kind) {
                case 0 -> {
                    byte[] out = in.clone();
                    out[at] = value;
                    yield out;
                }
                case 1 -> {
                    int n = Math.min(length, in.length - at);
                    byte[] out = new byte[in.length - n];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + n, out, at, in.length - at - n);
                    yield out;
                }
                default -> {
                    byte[] out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, at);
                    out[at] = value;
                    System.arraycopy(in, at, out, at + 1, in.length - at);
                    yield out;
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.of((byte) '[', (byte) ']', (byte) '{', (byte) '}',
                (byte) '"', (byte) '\'', (byte) '=', (byte) ',', (byte) '.', (byte) '\n', (byte) '\\', (byte) '#',
                (byte) '-', (byte) ':', (byte) ' ', (byte) '@', (byte) ';', (byte) '*', (byte) '1', (byte) 'x',
                (byte) 0, (byte) 0xC3, (byte) 0xFF), Arbitraries.bytes());
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(),
                Arbitraries.integers().between(1, 60), bytes).as(Mutation::new).list().ofMinSize(1).ofMaxSize(10);
    }

    private static byte[] mutate(List<byte[]> seeds, int seed, List<Mutation> mutations) {
        byte[] bytes = seeds.get(Math.floorMod(seed, seeds.size()));
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        return bytes;
    }

    @Property(tries = 400)
    void poetryLock(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(max = 3) int seed) {
        byte[] lock = mutate(POETRY, seed, mutations);
        try {
            checkPackages(PoetryLock.read(UntrustedText.decode(lock)));
        } catch (LockParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        analyze("/p/poetry.lock", lock);
    }

    @Property(tries = 400)
    void uvLock(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(max = 1) int seed) {
        byte[] lock = mutate(UV, seed, mutations);
        try {
            checkPackages(UvLock.read(UntrustedText.decode(lock)));
        } catch (LockParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        analyze("/p/uv.lock", lock);
    }

    @Property(tries = 400)
    void pipfileLock(@ForAll("mutations") List<Mutation> mutations) {
        byte[] lock = mutate(PIPFILE, 0, mutations);
        try {
            checkPackages(PipfileLock.read(UntrustedText.decode(lock)));
        } catch (LockParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        analyze("/p/Pipfile.lock", lock);
    }

    @Property(tries = 400)
    void requirementsFile(@ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(max = 2) int seed) {
        byte[] file = mutate(REQUIREMENTS, seed, mutations);
        RequirementsFile parsed = RequirementsFile.parse(UntrustedText.decode(file));
        for (RequirementsFile.Entry e : parsed.entries()) {
            assertThat(e.line()).isPositive();
            if (e instanceof RequirementsFile.Pinned p) {
                assertThat(PythonNames.isName(p.name())).isTrue();
                assertThat(Texts.isToken(p.version())).as(p.version()).isTrue();
            }
        }
        assertThat(parsed.faults()).allSatisfy(f -> assertThat(f.line()).isPositive());
        analyze("/p/requirements.txt", file);
    }

    @Property(tries = 200)
    void noise(@ForAll @Size(max = 400) byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/poetry.lock", bytes).file("/p/uv.lock", bytes).file("/p/Pipfile.lock", bytes)
                .file("/p/requirements.txt", bytes)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
    }

    /**
     * Any web of includes among a few files (cycles, a path climbing out of the tree) ends, and an unpinned
     * requirement is reported only with the version the constraints file gives it.
     */
    @Property(tries = 200)
    void includeWebs(@ForAll @Size(min = 1, max = 30) List<@IntRange(max = 5) Integer> targets,
                     @ForAll @Size(min = 1, max = 30) List<Boolean> constraint) {
        String[] names = {"/a/requirements.txt", "/a/requirements-dev.txt", "/a/requirements/base.txt",
                "/a/constraints.txt", "/b/requirements.txt", "/a/requirements/../../../x/requirements.txt"};
        StringBuilder[] files = new StringBuilder[5];
        for (int i = 0; i < files.length; i++) {
            files[i] = new StringBuilder();
            for (int j = 0; j < files.length; j++) {
                // Requirements files name pkgJ unpinned; the constraints file pins every pkgJ to 2.J.
                files[i].append("pkg").append(j).append(i == 3 ? "==2." + j : "").append('\n');
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            files[i % files.length].append(constraint.get(i % constraint.size()) ? "-c " : "-r ")
                    .append(names[targets.get(i)]).append('\n');
        }
        AnalyzerHarness.Layer layer = AnalyzerHarness.layer();
        for (int i = 0; i < files.length; i++) {
            layer.file(names[i], files[i].toString());
        }
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer()).layer(layer).runInEveryOrder();
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations()).extracting(l -> l.path()).containsExactly(p.locations().get(0).path(),
                    "/a/constraints.txt");
            assertThat(p.locations().get(0).path()).isNotEqualTo("/a/constraints.txt");
            assertThat(p.version()).isEqualTo("2." + p.name().substring(3));
        });
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
    }

    private static void analyze(String path, byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new PythonLockAnalyzer())
                .layer(AnalyzerHarness.layer().file(path, bytes)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).contains(path));
        assertThat(run.output().packages()).allSatisfy(p -> {
            assertThat(p.locations().get(0).path()).isEqualTo(path);
            assertThat(Texts.isToken(p.version())).isTrue();
        });
    }

    private static void checkPackages(LockContents contents) {
        assertThat(contents.packages()).allSatisfy(p -> {
            assertThat(PythonNames.isName(p.name())).isTrue();
            assertThat(Texts.isToken(p.version())).isTrue();
        });
    }
}

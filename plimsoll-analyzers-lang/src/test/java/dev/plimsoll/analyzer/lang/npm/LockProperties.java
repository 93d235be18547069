package dev.plimsoll.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Real yarn.lock (Yarn 1 and Berry) and pnpm-lock.yaml files, damaged byte by byte and line by line: each reader
 * gives packages or its own parse error (a {@link LockfileException}, or a YAML parse error), never another
 * exception, and the analyzer turns every failure into a problem naming the file.
 */
class LockProperties {
    private static final List<byte[]> YARN_ONE = List.of(LockFixtures.bytes("yarn-v1/yarn.lock"),
            LockFixtures.bytes("workspaces/yarn-v1/yarn.lock"));
    private static final List<byte[]> BERRY = List.of(LockFixtures.bytes("yarn-berry/yarn.lock"),
            LockFixtures.bytes("workspaces/yarn-berry/yarn.lock"));
    private static final List<byte[]> PNPM = List.of(LockFixtures.bytes("pnpm-v5/pnpm-lock.yaml"),
            LockFixtures.bytes("pnpm-v6/pnpm-lock.yaml"), LockFixtures.bytes("pnpm-v9/pnpm-lock.yaml"),
            LockFixtures.bytes("workspaces/pnpm-v5/pnpm-lock.yaml"),
            LockFixtures.bytes("workspaces/pnpm-v6/pnpm-lock.yaml"),
            LockFixtures.bytes("workspaces/pnpm-v9/pnpm-lock.yaml"));
    private static final byte[] MANIFEST = LockFixtures.bytes("yarn-v1/package.json");

    @FunctionalInterface
    interface Reader {
        LockGraph read(InputStream in) throws IOException;
    }

    enum Kind { SET_BYTE, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INDENT_LINE, DEDENT_LINE }

    record Mutation(Kind kind, int position, int other, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> bytes = Arbitraries.of((byte) ':', (byte) ' ', (byte) '"', (byte) '\'', (byte) '\n',
                (byte) '-', (byte) '{', (byte) '[', (byte) ',', (byte) '@', (byte) '(', (byte) '/', (byte) '#',
                (byte) '&', (byte) '*', (byte) '!', (byte) '|', (byte) '\t', (byte) 'x', (byte) '1', (byte) 0,
                (byte) 0xC3);
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.integers().between(0, 1 << 16), bytes).as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    static byte[] mutate(byte[] original, List<Mutation> mutations) {
        byte[] bytes = original;
        for (Mutation m : mutations) {
            if (m.kind() == Kind.SET_BYTE) {
                bytes = bytes.clone();
                bytes[m.position() % bytes.length] = m.value();
                continue;
            }
            List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.ISO_8859_1)
                    .split("\n", -1)));
            int i = m.position() % lines.size();
            int j = m.other() % lines.size();
            switch (m.kind()) {
                case DELETE_LINE -> lines.remove(i);
                case DUPLICATE_LINE -> lines.add(j, lines.get(i));
                case SWAP_LINES -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case INDENT_LINE -> lines.set(i, "  " + lines.get(i));
                case DEDENT_LINE -> lines.set(i, lines.get(i).stripLeading());
                default -> throw new IllegalStateException();
            }
            bytes = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    /** Packages or the reader's own parse error; the graph's classification never fails either. */
    static void readsOrRefuses(Reader reader, byte[] bytes) {
        try {
            LockGraph graph = reader.read(new ByteArrayInputStream(bytes));
            List<LockGraph.Locked> packages = graph.packages(List.of(), (path, name) -> LockGraph.Scope.DEV);
            assertThat(packages).allSatisfy(p -> {
                assertThat(p.name()).isNotBlank();
                assertThat(p.line()).isPositive();
            });
            assertThat(graph.faults()).allSatisfy(f -> assertThat(f.line()).isPositive());
        } catch (LockfileException | JsonProcessingException e) {
            // a reported parse error
        } catch (IOException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    private static void analyzerReportsProblemsWithPaths(String lockName, byte[] bytes) {
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/" + lockName, bytes).file("/p/package.json", MANIFEST)).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).hasValue("/p/" + lockName));
    }

    @Property(tries = 300)
    void mutatedYarnOne(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean workspaces) {
        byte[] lock = mutate(YARN_ONE.get(workspaces ? 1 : 0), mutations);
        readsOrRefuses(YarnLock::read, lock);
        analyzerReportsProblemsWithPaths("yarn.lock", lock);
    }

    @Property(tries = 300)
    void mutatedBerry(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean workspaces) {
        byte[] lock = mutate(BERRY.get(workspaces ? 1 : 0), mutations);
        readsOrRefuses(YarnLock::read, lock);
        readsOrRefuses(YarnBerryLock::read, lock);
        analyzerReportsProblemsWithPaths("yarn.lock", lock);
    }

    @Property(tries = 300)
    void mutatedPnpm(@ForAll("mutations") List<Mutation> mutations, @ForAll("pnpmFile") int file) {
        byte[] lock = mutate(PNPM.get(file), mutations);
        readsOrRefuses(PnpmLock::read, lock);
        analyzerReportsProblemsWithPaths("pnpm-lock.yaml", lock);
    }

    @Provide
    Arbitrary<Integer> pnpmFile() {
        return Arbitraries.integers().between(0, PNPM.size() - 1);
    }

    @Property(tries = 200)
    void noise(@ForAll @Size(max = 600) byte[] bytes) {
        readsOrRefuses(YarnLock::read, bytes);
        readsOrRefuses(YarnBerryLock::read, bytes);
        readsOrRefuses(PnpmLock::read, bytes);
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/yarn.lock", bytes).file("/q/pnpm-lock.yaml", bytes).file("/r/package.json", bytes)
                .file("/r/yarn.lock", "a@1:\n  version \"1.0.0\"\n")).run();
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
    }

    @Property(tries = 200)
    void mutatedManifestsBesideAYarnLock(@ForAll("mutations") List<Mutation> mutations) {
        byte[] manifest = mutate(MANIFEST, mutations);
        AnalyzerHarness.Run run = LangHarness.of(new NpmAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/p/yarn.lock", YARN_ONE.get(0)).file("/p/package.json", manifest)).run();
        assertThat(run.output().packages()).hasSize(69);
        assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).hasValue("/p/package.json"));
    }
}

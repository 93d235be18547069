package dev.plimsoll.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Lockfiles written by npm 11 in each lockfile version (see src/test/resources/npm/README.md). */
class PackageLockTest {
    private static final Path LOCKFILES = Path.of("src/test/resources/npm/lockfiles");

    static PackageLock read(String name) throws IOException {
        try (InputStream in = Files.newInputStream(LOCKFILES.resolve(name))) {
            return PackageLock.read(in);
        }
    }

    static PackageLock read(byte[] json) throws IOException {
        return PackageLock.read(new ByteArrayInputStream(json));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyVersionListsTheSameTreeWithDevAndOptionalFlags(int version) throws IOException {
        PackageLock lock = read("v" + version + ".json");

        assertThat(lock.lockfileVersion()).isEqualTo(version);
        assertThat(lock.faults()).isEmpty();
        assertThat(lock.entries()).extracting(PackageLock.Entry::installPath, PackageLock.Entry::name,
                PackageLock.Entry::version, PackageLock.Entry::dev, PackageLock.Entry::optional)
                .containsExactlyInAnyOrder(
                        tuple("node_modules/@babel/helper-validator-identifier", "@babel/helper-validator-identifier",
                                "7.22.20", true, false),
                        tuple("node_modules/debug", "debug", "2.6.9", false, false),
                        tuple("node_modules/debug/node_modules/ms", "ms", "2.0.0", false, false),
                        tuple("node_modules/is-number", "is-number", "7.0.0", false, true),
                        tuple("node_modules/lodash", "lodash", "4.17.15", false, false),
                        tuple("node_modules/minimist", "minimist", "1.2.0", false, false),
                        tuple("node_modules/ms", "ms", "2.1.3", false, false));
        assertThat(lock.entries()).allSatisfy(e -> assertThat(e.integrity()).hasValueSatisfying(
                i -> assertThat(i).startsWith("sha512-")));
    }

    @Test
    void lineNumbersPointAtTheEntry() throws IOException {
        PackageLock lock = read("v3.json");
        List<String> lines = Files.readAllLines(LOCKFILES.resolve("v3.json"));

        for (PackageLock.Entry e : lock.entries()) {
            assertThat(lines.get(e.line() - 1)).contains("\"" + e.installPath() + "\"");
        }
        assertThat(lock.entries()).filteredOn(e -> e.name().equals("lodash")).singleElement()
                .satisfies(e -> assertThat(e.licenses()).containsExactly("MIT"));
    }

    @Test
    void workspacesLinksAndAliases() throws IOException {
        for (String name : List.of("workspace-v1.json", "workspace-v3.json")) {
            PackageLock lock = read(name);
            // The workspace (a link, a "file:" version in v1) is the project's own code; the alias names the real
            // package.
            assertThat(lock.entries()).as(name).extracting(PackageLock.Entry::installPath, PackageLock.Entry::name,
                    PackageLock.Entry::version).containsExactlyInAnyOrder(
                    tuple("node_modules/left-pad", "left-pad", "1.3.0"),
                    tuple("node_modules/lodash-old", "lodash", "4.17.11"));
            assertThat(lock.faults()).isEmpty();
        }
        assertThat(read("workspace-v3.json").links()).containsExactly("node_modules/@fixture/tool");
        assertThat(read("workspace-v1.json").links()).as("version 1 has no link entries").isEmpty();
    }

    @Test
    void brokenEntriesAreFaultsAndTheRestIsRead() throws IOException {
        PackageLock lock = read("""
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "root"},
                  "node_modules/a": {"version": "1.0.0", "dev": "yes"},
                  "node_modules/b": {},
                  "node_modules/c": [1, 2],
                  "node_modules/@s/d": {"version": "2.0.0", "dev": true, "license": {"type": "ISC"}},
                  "lib/node_modules/e": {"version": "3.0.0"},
                  "other_node_modules/f": {"version": "4.0.0"}
                }}""".getBytes(StandardCharsets.UTF_8));

        assertThat(lock.entries()).extracting(PackageLock.Entry::installPath, PackageLock.Entry::name,
                PackageLock.Entry::dev, PackageLock.Entry::licenses).containsExactly(
                tuple("node_modules/a", "a", false, List.of()),
                tuple("node_modules/@s/d", "@s/d", true, List.of("ISC")),
                tuple("lib/node_modules/e", "e", false, List.of()));
        assertThat(lock.faults()).extracting(PackageLock.Fault::line, PackageLock.Fault::message).containsExactly(
                tuple(4, "package \"node_modules/b\" has no version"),
                tuple(5, "package \"node_modules/c\" is not an object"));
    }

    @Test
    void notJsonOrNotAnObject() {
        assertThatThrownBy(() -> read("{\"packages\": {".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> read("{\"packages\": 3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("\"packages\"");
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "{\"dependencies\": " + "{\"a\": {\"version\": \"1\", \"dependencies\": ".repeat(5000);
        assertThatThrownBy(() -> read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }
}

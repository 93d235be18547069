package dev.plimsoll.analyzer.lang.npm;

import static dev.plimsoll.analyzer.lang.npm.LockFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** pnpm-lock.yaml from pnpm 7 (5.4), 8 (6.0) and 9 (9.0) (see npm/README.md), and crafted corner cases. */
class PnpmLockTest {
    static LockGraph read(byte[] bytes) throws IOException {
        return PnpmLock.read(new ByteArrayInputStream(bytes));
    }

    static LockGraph read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<LockGraph.Locked> packages(LockGraph graph) {
        return graph.packages(List.of(), (path, name) -> LockGraph.Scope.PROD);
    }

    @ParameterizedTest
    @CsvSource({"pnpm-v5, 279, /lodash/4.17.11", "pnpm-v6, 288, /lodash@4.17.11", "pnpm-v9, 169, lodash@4.17.11"})
    void everyVersionOfTheMainProject(String dir, int aliasLine, String aliasKey) throws IOException {
        LockGraph graph = read(bytes(dir + "/pnpm-lock.yaml"));

        assertThat(graph.faults()).isEmpty();
        assertThat(graph.unsupported()).isEmpty();
        assertThat(graph.importers()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo(".");
            assertThat(i.roots()).extracting(LockGraph.Root::name, LockGraph.Root::scope).containsExactlyInAnyOrder(
                    tuple("@babel/code-frame", LockGraph.Scope.PROD), tuple("express", LockGraph.Scope.PROD),
                    tuple("lodash", LockGraph.Scope.PROD), tuple("lodash-old", LockGraph.Scope.PROD),
                    tuple("minimist", LockGraph.Scope.PROD), tuple("chalk", LockGraph.Scope.DEV),
                    tuple("mkdirp", LockGraph.Scope.DEV));
        });
        // The alias root names the real package's entry.
        int alias = graph.node(aliasKey).orElseThrow();
        assertThat(graph.importers().get(0).roots()).filteredOn(r -> r.name().equals("lodash-old"))
                .singleElement().extracting(LockGraph.Root::node).isEqualTo(alias);
        assertThat(graph.nodes().get(alias)).satisfies(n -> {
            assertThat(n.name()).isEqualTo("lodash");
            assertThat(n.version()).isEqualTo("4.17.11");
            assertThat(n.line()).isEqualTo(aliasLine);
            assertThat(n.integrity()).hasValueSatisfying(i -> assertThat(i).startsWith("sha512-"));
        });
        assertThat(packages(graph)).extracting(LockGraph.Locked::name, LockGraph.Locked::version,
                LockGraph.Locked::dev).containsExactlyInAnyOrder(LockFixtures.mainPackages());
    }

    @Test
    void fiveAndSixRecordDevThemselves() throws IOException {
        for (String dir : List.of("pnpm-v5", "pnpm-v6")) {
            LockGraph graph = read(bytes(dir + "/pnpm-lock.yaml"));
            assertThat(graph.nodes()).as(dir).filteredOn(n -> n.devFlag().orElse(false))
                    .extracting(LockGraph.Node::name).containsExactlyInAnyOrder("minimist", "mkdirp");
            // chalk is a dev dependency needed in production too: pnpm writes no dev flag (both).
            assertThat(graph.nodes()).filteredOn(n -> n.name().equals("chalk")).singleElement()
                    .extracting(LockGraph.Node::devFlag).isEqualTo(Optional.empty());
        }
        assertThat(read(bytes("pnpm-v9/pnpm-lock.yaml")).nodes())
                .allSatisfy(n -> assertThat(n.devFlag()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pnpm-v5", "pnpm-v6", "pnpm-v9"})
    void workspacesAndPeerSuffixes(String tool) throws IOException {
        LockGraph graph = read(bytes("workspaces/" + tool + "/pnpm-lock.yaml"));

        assertThat(graph.faults()).isEmpty();
        assertThat(graph.importers()).extracting(LockGraph.Importer::path).containsExactly(".", "packages/tool");
        // local-lib is a link: neither a node nor a root; ajv-keywords is keyed with its peer, named without it.
        assertThat(graph.importers().get(0).roots()).extracting(LockGraph.Root::name)
                .containsExactlyInAnyOrder("is-number", "resolve", "left-pad");
        assertThat(graph.nodes()).filteredOn(n -> n.name().equals("ajv-keywords")).singleElement()
                .extracting(LockGraph.Node::version).isEqualTo("3.5.2");
        assertThat(graph.importers().get(1).roots()).filteredOn(r -> r.name().equals("ajv-keywords"))
                .singleElement().satisfies(r -> assertThat(graph.nodes().get(r.node()).name())
                        .isEqualTo("ajv-keywords"));
        List<LockGraph.Locked> packages = packages(graph);
        assertThat(packages).extracting(p -> p.name() + " " + p.version())
                .containsExactlyInAnyOrderElementsOf(LockFixtures.WORKSPACES);
        assertThat(packages).allSatisfy(p -> assertThat(p.dev()).isFalse());
        // ajv is a root of packages/tool and ajv-keywords' peer: direct.
        assertThat(packages).filteredOn(p -> p.relation() == Relation.TRANSITIVE).extracting(LockGraph.Locked::name)
                .containsExactlyInAnyOrder("fast-deep-equal", "fast-json-stable-stringify", "function-bind",
                        "hasown", "is-core-module", "json-schema-traverse", "path-parse", "punycode",
                        "supports-preserve-symlinks-flag", "uri-js");
    }

    @Test
    void nineDerivesDevThroughTheSnapshots() throws IOException {
        LockGraph graph = read("""
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      app-lib: {specifier: ^1.0.0, version: 1.0.0(react@18.2.0)}
                    devDependencies:
                      test-tool: {specifier: ^2.0.0, version: 2.0.0}
                      react: {specifier: ^18.0.0, version: 18.2.0}
                packages:
                  app-lib@1.0.0:
                    resolution: {integrity: sha512-app}
                    peerDependencies: {react: '*'}
                  test-tool@2.0.0:
                    resolution: {integrity: sha512-tool}
                  shared@3.0.0:
                    resolution: {integrity: sha512-shared}
                  only-dev@4.0.0:
                    resolution: {integrity: sha512-only}
                  react@18.2.0:
                    resolution: {integrity: sha512-react}
                  orphan@5.0.0:
                    resolution: {integrity: sha512-orphan}
                snapshots:
                  app-lib@1.0.0(react@18.2.0):
                    dependencies:
                      react: 18.2.0
                      shared: 3.0.0
                  test-tool@2.0.0:
                    dependencies:
                      shared: 3.0.0
                      only-dev: 4.0.0
                  shared@3.0.0: {}
                  only-dev@4.0.0: {}
                  react@18.2.0: {}
                """);

        assertThat(packages(graph)).extracting(LockGraph.Locked::name, LockGraph.Locked::dev,
                LockGraph.Locked::relation, LockGraph.Locked::line).containsExactly(
                tuple("app-lib", false, Relation.DIRECT, 10),
                tuple("test-tool", true, Relation.DIRECT, 13),
                tuple("shared", false, Relation.TRANSITIVE, 15),
                tuple("only-dev", true, Relation.TRANSITIVE, 17),
                // a dev dependency the production app-lib needs as its peer
                tuple("react", false, Relation.DIRECT, 19),
                tuple("orphan", false, Relation.UNKNOWN, 21));
    }

    @Test
    void nonRegistryAndLocalPackages() throws IOException {
        LockGraph v9 = read("""
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      gitdep: {specifier: github:u/gitdep#abc, version: https://codeload.github.com/u/gitdep/tar.gz/abc}
                      vendored: {specifier: file:vendor/vendored-1.0.0.tgz, version: file:vendor/vendored-1.0.0.tgz}
                      folder: {specifier: file:folder, version: file:folder}
                      tool: {specifier: workspace:*, version: link:packages/tool}
                packages:
                  gitdep@https://codeload.github.com/u/gitdep/tar.gz/abc:
                    resolution: {tarball: https://codeload.github.com/u/gitdep/tar.gz/abc}
                    version: 1.2.3
                  vendored@file:vendor/vendored-1.0.0.tgz:
                    resolution: {integrity: sha512-v, tarball: file:vendor/vendored-1.0.0.tgz}
                    version: 1.0.0
                  folder@file:folder:
                    resolution: {directory: folder, type: directory}
                    version: 0.0.1
                snapshots:
                  gitdep@https://codeload.github.com/u/gitdep/tar.gz/abc: {}
                  vendored@file:vendor/vendored-1.0.0.tgz: {}
                  folder@file:folder:
                    dependencies:
                      inner: 1.0.0
                  inner@1.0.0: {}
                """);
        LockGraph v6 = read("""
                lockfileVersion: '6.0'
                dependencies:
                  gitdep:
                    specifier: github:u/gitdep#abc
                    version: github.com/u/gitdep/abc
                  '@types/react-dom':
                    specifier: ^17
                    version: 17.0.0(@types/react@17.0.0)
                packages:
                  github.com/u/gitdep/abc:
                    resolution: {tarball: https://codeload.github.com/u/gitdep/tar.gz/abc}
                    name: gitdep
                    version: 1.2.3
                    dev: false
                  /@types/react-dom@17.0.0(@types/react@17.0.0):
                    resolution: {integrity: sha512-d}
                    dev: true
                """);
        LockGraph v5 = read("""
                lockfileVersion: 5.4
                dependencies:
                  '@types/react-dom': 17.0.0_@types+react@17.0.0
                packages:
                  /@types/react-dom/17.0.0_@types+react@17.0.0:
                    resolution: {integrity: sha512-d}
                  file:folder:
                    resolution: {directory: folder, type: directory}
                    name: folder
                    version: 0.0.1
                """);

        assertThat(v9.faults()).isEmpty();
        assertThat(packages(v9)).extracting(LockGraph.Locked::name, LockGraph.Locked::version,
                LockGraph.Locked::relation, LockGraph.Locked::resolved).containsExactly(
                tuple("gitdep", "1.2.3", Relation.DIRECT,
                        Optional.of("https://codeload.github.com/u/gitdep/tar.gz/abc")),
                tuple("vendored", "1.0.0", Relation.DIRECT, Optional.of("file:vendor/vendored-1.0.0.tgz")),
                // reached through the local folder, a production dependency
                tuple("inner", "1.0.0", Relation.TRANSITIVE, Optional.empty()));
        assertThat(v9.ownNames()).containsExactly("folder");
        assertThat(packages(v6)).extracting(LockGraph.Locked::name, LockGraph.Locked::version,
                LockGraph.Locked::dev, LockGraph.Locked::relation).containsExactly(
                tuple("gitdep", "1.2.3", false, Relation.DIRECT),
                tuple("@types/react-dom", "17.0.0", true, Relation.DIRECT));
        assertThat(packages(v5)).extracting(LockGraph.Locked::name, LockGraph.Locked::version,
                LockGraph.Locked::relation).containsExactly(tuple("@types/react-dom", "17.0.0", Relation.DIRECT));
        assertThat(v5.ownNames()).containsExactly("folder");
    }

    @Test
    void unknownVersionsAndBrokenFiles() throws IOException {
        assertThat(read("lockfileVersion: '10.0'\npackages:\n  a@1.0.0: {}\n")).satisfies(g -> {
            assertThat(g.unsupported()).containsExactly("lockfileVersion 10.0, not one of 5.x, 6.x, 9.x");
            assertThat(g.nodes()).extracting(LockGraph.Node::name).containsExactly("a");
        });
        assertThat(read("packages:\n  /a/1.0.0: {}\n").unsupported())
                .containsExactly("lockfileVersion missing, not one of 5.x, 6.x, 9.x");
        assertThat(read("lockfileVersion: '9.0'\npackages: [1]\nimporters: 3\n").nodes()).isEmpty();
        assertThat(read("lockfileVersion: '9.0'\npackages:\n  x@1.0.0: 3\n").nodes())
                .extracting(LockGraph.Node::name).containsExactly("x");
        assertThatThrownBy(() -> read("")).isInstanceOf(LockfileException.class).hasMessage("no YAML document");
        assertThatThrownBy(() -> read("- a\n- b\n")).isInstanceOf(LockfileException.class);
        assertThatThrownBy(() -> read("---\na: 1\n".repeat(9))).isInstanceOf(LockfileException.class)
                .hasMessageContaining("more than 8");
        assertThatThrownBy(() -> read("a: {b: [\n")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("a:\n" + "  ".repeat(1) + "b: " + "[".repeat(200) + "\n"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aliasesExpandNothing() throws IOException {
        // YAML anchors and aliases are read as the alias's name: no expansion, no billion laughs.
        String bomb = "lockfileVersion: '9.0'\na: &a [x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "packages:\n  p@1.0.0: *c\n";
        assertThat(read(bomb).nodes()).extracting(LockGraph.Node::name).containsExactly("p");
    }
}

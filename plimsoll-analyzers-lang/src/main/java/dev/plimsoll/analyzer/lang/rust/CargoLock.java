package dev.plimsoll.analyzer.lang.rust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Cargo.lock, any version: version 1 (no version key; checksums in [metadata] as
 * {@code "checksum NAME VERSION (SOURCE)" = "HASH"}, dependencies as "NAME VERSION (SOURCE)"), version 2 (no version
 * key; checksums in the packages, dependencies as "NAME" or "NAME VERSION" when ambiguous), versions 3 and 4
 * ({@code version = 3} or {@code 4}; 4 only changes how git sources are escaped). The [root] table of the oldest
 * lockfiles counts as a package without a source. A package table without a name or version is a {@link Fault}.
 *
 * @param version the version key, absent for versions 1 and 2
 */
record CargoLock(OptionalLong version, List<Entry> packages, List<Fault> faults) {
    CargoLock {
        packages = List.copyOf(packages);
        faults = List.copyOf(faults);
    }

    /**
     * One [[package]].
     *
     * @param source       where it came from ("registry+https://github.com/rust-lang/crates.io-index",
     *                     "git+https://...#COMMIT"); absent for the workspace's own crates and path dependencies
     * @param dependencies as written: "NAME", "NAME VERSION" or "NAME VERSION (SOURCE)"
     * @param line         the line of its [[package]] header
     */
    record Entry(String name, String version, Optional<String> source, Optional<String> checksum,
                 List<String> dependencies, int line) {
        Entry {
            dependencies = List.copyOf(dependencies);
        }
    }

    record Fault(int line, String message) {
    }

    static CargoLock parse(String text) throws TomlException {
        Toml.Table root = Toml.parse(text);
        List<Fault> faults = new ArrayList<>();
        OptionalLong version = OptionalLong.empty();
        Optional<Toml.Value> v = root.get("version");
        if (v.isPresent()) {
            if (v.get() instanceof Toml.Int i) {
                version = OptionalLong.of(i.value());
            } else {
                faults.add(new Fault(v.get().line(), "a version that is not an integer"));
            }
        }
        Map<String, String> metadataChecksums = metadataChecksums(root);
        List<Toml.Table> tables = new ArrayList<>();
        root.get("root").filter(r -> r instanceof Toml.Table).ifPresent(r -> tables.add((Toml.Table) r));
        Optional<Toml.Value> packages = root.get("package");
        if (packages.isPresent()) {
            if (packages.get() instanceof Toml.TableArray array) {
                tables.addAll(array.tables());
            } else {
                faults.add(new Fault(packages.get().line(), "package is not an array of tables ([[package]])"));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Toml.Table t : tables) {
            Optional<String> name = t.string("name");
            Optional<String> ver = t.string("version");
            if (name.isEmpty() || ver.isEmpty()) {
                faults.add(new Fault(t.line(), "a package without a " + (name.isEmpty() ? "name" : "version")));
                continue;
            }
            Optional<String> source = t.string("source");
            Optional<String> checksum = t.string("checksum").or(() -> Optional.ofNullable(metadataChecksums.get(
                    name.get() + " " + ver.get() + source.map(s -> " (" + s + ")").orElse(""))));
            List<String> dependencies = new ArrayList<>();
            Optional<Toml.Value> deps = t.get("dependencies");
            if (deps.isPresent()) {
                if (deps.get() instanceof Toml.Array array) {
                    for (Toml.Value d : array.values()) {
                        if (d instanceof Toml.Str s) {
                            dependencies.add(s.value());
                        } else {
                            faults.add(new Fault(d.line(), "a dependency that is not a string"));
                        }
                    }
                } else {
                    faults.add(new Fault(deps.get().line(), "dependencies that are not an array"));
                }
            }
            entries.add(new Entry(name.get(), ver.get(), source, checksum, dependencies, t.line()));
        }
        return new CargoLock(version, entries, faults);
    }

    /** Version 1's checksums, by "NAME VERSION (SOURCE)"; "&lt;none&gt;" (git sources) means none. */
    private static Map<String, String> metadataChecksums(Toml.Table root) {
        Map<String, String> checksums = new HashMap<>();
        if (root.get("metadata").orElse(null) instanceof Toml.Table metadata) {
            metadata.entries().forEach((key, value) -> {
                if (key.startsWith("checksum ") && value instanceof Toml.Str s && !s.value().equals("<none>")) {
                    checksums.put(key.substring("checksum ".length()), s.value());
                }
            });
        }
        return checksums;
    }
}

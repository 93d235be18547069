package dev.plimsoll.analyzer.lang.npm;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The npm packages of one scan, merged from what is installed and what lockfiles say (the rule is told in
 * {@link NpmAnalyzer}). Call {@link #installed}, then {@link #npmLock} for each package-lock, then
 * {@link #declaredLock} for each yarn.lock and pnpm-lock.yaml, then {@link #packages}.
 */
final class NpmInventory {
    /** A package being put together; the first source to name it made it, the others add to it. */
    private static final class Entry {
        final String project;
        final String name;
        final String version;
        final Optional<LayerRef> introducedIn;
        final List<Location> locations = new ArrayList<>();
        List<String> licenses;
        /** Set for installed and package-lock packages: they keep the npm record. */
        final String installPath;
        Optional<String> author = Optional.empty();
        Optional<String> resolved = Optional.empty();
        Optional<String> integrity = Optional.empty();
        boolean optional;
        /** Set for yarn.lock and pnpm-lock.yaml packages nothing installed. */
        final String format;
        Relation relation = Relation.UNKNOWN;
        Optional<String> checksum = Optional.empty();
        /** Null while no lockfile has said; dev only if every lockfile naming it says so. */
        Boolean dev;

        Entry(String project, String name, String version, LayerRef layer, List<String> licenses, String installPath,
              String format) {
            this.project = project;
            this.name = name;
            this.version = version;
            this.introducedIn = Optional.of(layer);
            this.licenses = licenses;
            this.installPath = installPath;
            this.format = format;
        }

        void dev(boolean d) {
            dev = dev == null ? d : dev && d;
        }

        Package build() {
            PackageMetadata metadata = installPath != null
                    ? new PackageMetadata.Npm(installPath, author, resolved, integrity, Boolean.TRUE.equals(dev),
                    optional)
                    : new PackageMetadata.Declared(format, Boolean.TRUE.equals(dev), relation, resolved, checksum);
            return new Package(name, version, Ecosystem.NPM, Optional.empty(), licenses, locations, introducedIn,
                    NpmAnalyzer.ID, metadata);
        }
    }

    /** By absolute package directory ("/app/node_modules/send/node_modules/ms"): installed and package-lock ones. */
    private final Map<String, Entry> byDir = new HashMap<>();
    private final List<Entry> declared = new ArrayList<>();
    private final Set<String> projectsWithTree = new HashSet<>();
    /** Directories under node_modules that hold the project's own code (workspaces, linked folders). */
    private final Set<String> ownDirs = new HashSet<>();

    void installed(FileMeta file, String project, String installPath, PackageJson json) {
        Entry e = new Entry(project, json.name().orElseThrow(), json.version().orElseThrow(), file.layer(),
                json.licenses(), installPath, null);
        e.locations.add(Location.of(file.path(), file.layer()));
        e.author = json.author();
        e.resolved = json.resolved();
        e.integrity = json.integrity();
        byDir.put(project + "/" + installPath, e);
        projectsWithTree.add(project);
    }

    /**
     * A package-lock.json or npm-shrinkwrap.json: its entries are matched by install path; those of a project without
     * a node_modules tree are its packages. A link entry names a workspace folder: a copy installed there is the
     * project's own code.
     */
    void npmLock(FileMeta file, String project, PackageLock lock) {
        boolean hasTree = projectsWithTree.contains(project);
        lock.links().forEach(link -> ownDirs.add(project + "/" + link));
        for (PackageLock.Entry e : lock.entries()) {
            String dir = project + "/" + e.installPath();
            Entry present = byDir.get(dir);
            Location at = Location.of(file.path(), file.layer()).atLine(e.line());
            if (present != null) {
                if (present.name.equals(e.name()) && present.version.equals(e.version())) {
                    present.locations.add(at);
                    present.resolved = present.resolved.or(e::resolved);
                    present.integrity = present.integrity.or(e::integrity);
                    present.optional = e.optional();
                    present.dev(e.dev());
                    if (present.licenses.isEmpty()) {
                        present.licenses = e.licenses();
                    }
                }
            } else if (!hasTree) {
                Entry locked = new Entry(project, e.name(), e.version(), file.layer(), e.licenses(), e.installPath(),
                        null);
                locked.locations.add(at);
                locked.resolved = e.resolved();
                locked.integrity = e.integrity();
                locked.optional = e.optional();
                locked.dev(e.dev());
                byDir.put(dir, locked);
            }
        }
    }

    /**
     * A yarn.lock or pnpm-lock.yaml: its packages carry no install path, so each is matched by name and version to
     * every copy installed in the project (or named by its package-lock) and adds its facts there; one nothing
     * matches is a package of its own when the project has no node_modules tree. Installed copies of the project's
     * own packages (its workspaces, its linked folders) at node_modules/NAME are left out.
     */
    void declaredLock(FileMeta file, String project, String format, List<LockGraph.Locked> packages,
                      Set<String> ownNames) {
        ownNames.forEach(n -> ownDirs.add(project + "/node_modules/" + n));
        Map<String, List<Entry>> known = new HashMap<>();
        for (Entry e : byDir.values()) {
            if (e.project.equals(project)) {
                known.computeIfAbsent(e.name + "@" + e.version, k -> new ArrayList<>()).add(e);
            }
        }
        for (Entry e : declared) {
            if (e.project.equals(project)) {
                known.computeIfAbsent(e.name + "@" + e.version, k -> new ArrayList<>()).add(e);
            }
        }
        boolean hasTree = projectsWithTree.contains(project);
        for (LockGraph.Locked p : packages) {
            Location at = Location.of(file.path(), file.layer()).atLine(p.line());
            List<Entry> matches = known.getOrDefault(p.name() + "@" + p.version(), List.of());
            for (Entry e : matches) {
                e.locations.add(at);
                e.dev(p.dev());
                if (e.installPath != null) {
                    // The npm record's "resolved" is a tarball URL; Yarn Berry records a locator instead.
                    e.resolved = e.resolved.or(() -> p.resolved().filter(r -> r.contains("://")));
                    e.integrity = e.integrity.or(p::integrity);
                } else {
                    e.resolved = e.resolved.or(p::resolved);
                    e.checksum = e.checksum.or(p::checksum);
                    e.relation = stronger(e.relation, p.relation());
                }
            }
            if (matches.isEmpty() && !hasTree) {
                Entry e = new Entry(project, p.name(), p.version(), file.layer(), List.of(), null, format);
                e.locations.add(at);
                e.dev(p.dev());
                e.relation = p.relation();
                e.resolved = p.resolved();
                e.checksum = p.checksum();
                declared.add(e);
                known.computeIfAbsent(p.name() + "@" + p.version(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    private static Relation stronger(Relation a, Relation b) {
        return a == Relation.DIRECT || b == Relation.DIRECT ? Relation.DIRECT
                : a == Relation.TRANSITIVE || b == Relation.TRANSITIVE ? Relation.TRANSITIVE : Relation.UNKNOWN;
    }

    /** Sorted by name, version, then where each was found first. */
    List<Package> packages() {
        List<Package> all = new ArrayList<>();
        byDir.forEach((dir, e) -> {
            if (!ownDirs.contains(dir)) {
                all.add(e.build());
            }
        });
        declared.forEach(e -> all.add(e.build()));
        all.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                .thenComparing(p -> p.locations().get(0).path()));
        return all;
    }
}

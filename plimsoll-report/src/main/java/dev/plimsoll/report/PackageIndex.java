package dev.plimsoll.report;

import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory's packages in report order, each with its package URL and a reference that is unique within the
 * report. Every format takes its order and its ids from here, so a package is listed in the same place and can be
 * cross-referenced (CycloneDX bom-ref, SPDXID, a vulnerability's affected package) the same way in each.
 *
 * <p>The reference is the purl. Two packages can share one (the same package recorded by two databases, or twice in
 * one), so a shared purl gets a {@code package-id} qualifier: a hash of what tells the packages apart. References
 * therefore stay readable and stable across runs while never colliding.
 */
final class PackageIndex {

    /** One package with its purl, its unique reference and a content hash of its identity. */
    record Entry(Package pkg, String purl, String ref, String identityHash) {
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byPurl;

    private PackageIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> index = new HashMap<>();
        for (Entry e : entries) {
            index.computeIfAbsent(e.purl(), k -> new ArrayList<>()).add(e);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byPurl = Map.copyOf(index);
    }

    static PackageIndex of(Inventory inventory) {
        record Keyed(Package pkg, String purl, String hash) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Package p : inventory.packages()) {
            keyed.add(new Keyed(p, inventory.purl(p), identityHash(p)));
        }
        // A total order that does not depend on the order the analyzers produced packages in.
        keyed.sort(Comparator.comparing((Keyed k) -> k.pkg().ecosystem().ordinal())
                .thenComparing(k -> k.pkg().name())
                .thenComparing(k -> k.pkg().version())
                .thenComparing(Keyed::purl)
                .thenComparing(Keyed::hash));

        Map<String, Integer> purlCounts = new HashMap<>();
        keyed.forEach(k -> purlCounts.merge(k.purl(), 1, Integer::sum));
        Map<String, Integer> refCounts = new HashMap<>();
        List<Entry> entries = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            String ref = k.purl();
            if (purlCounts.get(k.purl()) > 1) {
                ref = k.purl() + (k.purl().contains("?") ? "&" : "?") + "package-id=" + k.hash().substring(0, 16);
            }
            // Identical records hash alike; a counter keeps even those apart.
            int seen = refCounts.merge(ref, 1, Integer::sum);
            if (seen > 1) {
                ref = ref + "-" + seen;
            }
            entries.add(new Entry(k.pkg(), k.purl(), ref, k.hash()));
        }
        return new PackageIndex(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The packages with this purl, in report order; empty when the inventory has none. */
    List<Entry> withPurl(String purl) {
        return byPurl.getOrDefault(purl, List.of());
    }

    /** A hash of everything that distinguishes one recorded package from another. */
    private static String identityHash(Package p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.ecosystem().name());
        parts.add(p.name());
        parts.add(p.version());
        parts.add(p.foundBy().value());
        p.source().ifPresent(s -> {
            parts.add(s.name());
            parts.add(s.version());
        });
        for (Location l : p.locations()) {
            parts.add(l.path());
            parts.add(l.layer().map(layer -> layer.id()).orElse(""));
        }
        parts.add(p.introducedIn().map(layer -> layer.id()).orElse(""));
        return Fingerprint.of(parts.toArray(String[]::new)).value();
    }
}

package dev.plimsoll.report;

import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** One package with its purl and its unique reference. */
    record Entry(Package pkg, String purl, String ref) {
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byPurl;

    private PackageIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> index = new HashMap<>();
        for (Entry e : entries) {
            List<Entry> same = index.get(e.purl());
            if (same == null) {
                same = new ArrayList<>(1);
                index.put(e.purl(), same);
            }
            same.add(e);
        }
        for (Map.Entry<String, List<Entry>> e : index.entrySet()) {
            e.setValue(List.copyOf(e.getValue()));
        }
        this.byPurl = Map.copyOf(index);
    }

    /** The index of {@code inventory}: every package with its purl and unique reference, in a total order. */
    static PackageIndex of(Inventory inventory) {
        return build(inventory);
    }

    /**
     * A package with what it is sorted by; the order is total and ignores the order analyzers produced. {@code hash}
     * is the identity hash where the purl is shared and empty elsewhere: it is compared only between packages with
     * one purl, and it is a SHA-256 per package that a report with unique purls need not pay for.
     */
    private record Keyed(Package pkg, String purl, String hash) implements Comparable<Keyed> {
        @Override
        public int compareTo(Keyed o) {
            int c = Integer.compare(pkg.ecosystem().ordinal(), o.pkg.ecosystem().ordinal());
            if (c == 0) {
                c = pkg.name().compareTo(o.pkg.name());
            }
            if (c == 0) {
                c = pkg.version().compareTo(o.pkg.version());
            }
            if (c == 0) {
                c = purl.compareTo(o.purl);
            }
            return c != 0 ? c : hash.compareTo(o.hash);
        }
    }

    private static PackageIndex build(Inventory inventory) {
        List<String> purls = new ArrayList<>(inventory.packages().size());
        Map<String, Integer> purlCounts = new HashMap<>();
        for (Package p : inventory.packages()) {
            String purl = inventory.purl(p);
            purls.add(purl);
            increment(purlCounts, purl);
        }
        List<Keyed> keyed = new ArrayList<>(purls.size());
        for (int i = 0; i < purls.size(); i++) {
            Package p = inventory.packages().get(i);
            String purl = purls.get(i);
            keyed.add(new Keyed(p, purl, purlCounts.get(purl) > 1 ? identityHash(p) : ""));
        }
        Collections.sort(keyed);

        Map<String, Integer> refCounts = new HashMap<>();
        List<Entry> entries = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            String ref = k.purl();
            if (purlCounts.get(k.purl()) > 1) {
                ref = k.purl() + (k.purl().contains("?") ? "&" : "?") + "package-id=" + k.hash().substring(0, 16);
            }
            // Identical records hash alike; a counter keeps even those apart.
            int seen = increment(refCounts, ref);
            if (seen > 1) {
                ref = ref + "-" + seen;
            }
            entries.add(new Entry(k.pkg(), k.purl(), ref));
        }
        return new PackageIndex(entries);
    }

    private static int increment(Map<String, Integer> counts, String key) {
        Integer n = counts.get(key);
        int next = n == null ? 1 : n + 1;
        counts.put(key, next);
        return next;
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
        if (p.source().isPresent()) {
            parts.add(p.source().get().name());
            parts.add(p.source().get().version());
        }
        for (Location l : p.locations()) {
            parts.add(l.path());
            parts.add(layerId(l.layer()));
        }
        parts.add(layerId(p.introducedIn()));
        return Fingerprint.of(parts.toArray(new String[0])).value();
    }

    private static String layerId(Optional<LayerRef> layer) {
        return layer.isPresent() ? layer.get().id() : "";
    }
}

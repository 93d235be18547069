package dev.plimsoll.analyzer.os;

import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the layer that introduced a package from the older copies of its database file (one per layer that wrote
 * the file, delivered because the analyzer asks for deleted files). Walking down from the visible copy, a package
 * was introduced by the lowest layer whose copy still lists it with the same identity, as long as no copy in
 * between lacks it: a package removed and installed again was introduced by the reinstall. Layers without a copy
 * did not touch the database and so do not break the chain; a copy deleted by a whiteout does, because the
 * database was removed above it.
 *
 * @param <K> the identity of a package (name, version, architecture)
 */
public final class LayerAttribution<K> {
    private record Copy<K>(LayerRef layer, Visibility visibility, Set<K> installed) {
    }

    private final List<Copy<K>> copies = new ArrayList<>();

    /** An older copy of the database file and the identities it lists as installed. */
    public void addOlderCopy(LayerRef layer, Visibility visibility, Set<K> installed) {
        copies.add(new Copy<>(layer, visibility, Set.copyOf(installed)));
        // Kept newest first, the order of the walk.
        copies.sort(Comparator.comparingInt((Copy<K> c) -> c.layer().index()).reversed());
    }

    /** The layer that introduced {@code key}, which the visible copy written by {@code visibleLayer} lists. */
    public LayerRef introducedIn(K key, LayerRef visibleLayer) {
        LayerRef introduced = visibleLayer;
        for (Copy<K> copy : copies) {
            if (copy.layer().index() >= visibleLayer.index()) {
                continue;
            }
            if (copy.visibility() == Visibility.WHITED_OUT || !copy.installed().contains(key)) {
                break;
            }
            introduced = copy.layer();
        }
        return introduced;
    }
}

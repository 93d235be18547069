package dev.plimsoll.core.inventory;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.image.LayerRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An installed package.
 *
 * @param name         package name as its ecosystem spells it
 * @param version      the complete version as the ecosystem prints it: dpkg "1:1.2.13.dfsg-1", apk "1.36.1-r2",
 *                     rpm "1:3.0.7-24.el9" (EPOCH:VERSION-RELEASE, the epoch only when the header has one)
 * @param ecosystem    the ecosystem
 * @param source       the source package, where the ecosystem has one
 * @param licenses     declared licenses, as written
 * @param locations    the files that declare the package (its database, manifest or archive)
 * @param introducedIn the layer that first installed this version, for images
 * @param foundBy      the analyzer that reported it
 * @param metadata     format-specific facts
 */
public record Package(String name, String version, Ecosystem ecosystem, Optional<SourcePackage> source,
                      List<String> licenses, List<Location> locations, Optional<LayerRef> introducedIn,
                      AnalyzerId foundBy, PackageMetadata metadata) {
    public Package {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(ecosystem);
        Objects.requireNonNull(source);
        licenses = List.copyOf(licenses);
        locations = List.copyOf(locations);
        Objects.requireNonNull(introducedIn);
        Objects.requireNonNull(foundBy);
        Objects.requireNonNull(metadata);
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank package name");
        }
    }

    public Package withIntroducedIn(Optional<LayerRef> layer) {
        return new Package(name, version, ecosystem, source, licenses, locations, layer, foundBy, metadata);
    }
}

package dev.plimsoll.report;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The facts about a package that SBOM formats have no field for, as name/value pairs: CycloneDX writes them as
 * properties, SPDX as annotations, both with the {@value #NAMESPACE} prefix (after Trivy's
 * "aquasecurity:trivy:SrcName", in Plimsoll's own namespace). Names are stable: tools may key on them.
 *
 * <pre>
 * plimsoll:package:type              deb, apk, rpm (the purl type)
 * plimsoll:source:name / :version    the source package (also in the purl's "upstream" qualifier)
 * plimsoll:layer:digest / :diffID    the layer that introduced this version
 * plimsoll:location:N:path           a file that declares the package (its database)
 * plimsoll:location:N:layer:digest / :diffID   the layer that wrote that file
 * plimsoll:foundBy                   the analyzer id
 * plimsoll:dpkg:architecture, :multiArch, :installedSizeKib
 * plimsoll:apk:architecture, :origin, :commit, :installedSize
 * plimsoll:rpm:epoch, :architecture, :sourceRpm, :modularityLabel, :installedSize
 * </pre>
 */
final class PackageProperties {
    static final String NAMESPACE = "plimsoll:";

    record Entry(String name, String value) {
    }

    private PackageProperties() {
    }

    static List<Entry> of(Package p) {
        List<Entry> props = new ArrayList<>();
        add(props, "package:type", p.ecosystem().purlType());
        p.source().ifPresent(s -> {
            add(props, "source:name", s.name());
            add(props, "source:version", s.version());
        });
        p.introducedIn().ifPresent(l -> layer(props, "layer:", l));
        for (int i = 0; i < p.locations().size(); i++) {
            Location l = p.locations().get(i);
            add(props, "location:" + i + ":path", l.path());
            String prefix = "location:" + i + ":layer:";
            l.layer().ifPresent(layer -> layer(props, prefix, layer));
        }
        add(props, "foundBy", p.foundBy().value());
        switch (p.metadata()) {
            case PackageMetadata.Dpkg d -> {
                add(props, "dpkg:architecture", d.architecture());
                d.multiArch().ifPresent(m -> add(props, "dpkg:multiArch", m));
                size(props, "dpkg:installedSizeKib", d.installedSizeKib());
            }
            case PackageMetadata.Apk a -> {
                add(props, "apk:architecture", a.architecture());
                a.origin().ifPresent(o -> add(props, "apk:origin", o));
                a.commit().ifPresent(c -> add(props, "apk:commit", c));
                size(props, "apk:installedSize", a.installedSize());
            }
            case PackageMetadata.Rpm r -> {
                r.epoch().ifPresent(e -> add(props, "rpm:epoch", Integer.toString(e)));
                add(props, "rpm:architecture", r.architecture());
                r.sourceRpm().ifPresent(s -> add(props, "rpm:sourceRpm", s));
                r.modularityLabel().ifPresent(m -> add(props, "rpm:modularityLabel", m));
                size(props, "rpm:installedSize", r.installedSize());
            }
        }
        return List.copyOf(props);
    }

    private static void layer(List<Entry> props, String prefix, LayerRef layer) {
        layer.digest().map(Digest::toString).ifPresent(d -> add(props, prefix + "digest", d));
        layer.diffId().map(Digest::toString).ifPresent(d -> add(props, prefix + "diffID", d));
    }

    private static void size(List<Entry> props, String name, OptionalLong value) {
        value.ifPresent(v -> add(props, name, Long.toString(v)));
    }

    private static void add(List<Entry> props, String name, String value) {
        props.add(new Entry(NAMESPACE + name, value));
    }
}

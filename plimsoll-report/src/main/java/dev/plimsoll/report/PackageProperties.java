package dev.plimsoll.report;

import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * plimsoll:python:layout             dist-info or egg-info
 * plimsoll:npm:installPath, :dev, :optional   (dev and optional only when true)
 * plimsoll:java:identifiedBy, :pomProperties, :sha1
 * </pre>
 */
final class PackageProperties {
    static final String NAMESPACE = "plimsoll:";

    record Entry(String name, String value) {
    }

    private PackageProperties() {
    }

    static List<Entry> of(Package p) {
        // Plain conditionals, not Optional lambdas: each lambda costs a fresh JVM a class to spin and link.
        List<Entry> props = new ArrayList<>();
        add(props, "package:type", p.ecosystem().purlType());
        if (p.source().isPresent()) {
            add(props, "source:name", p.source().get().name());
            add(props, "source:version", p.source().get().version());
        }
        if (p.introducedIn().isPresent()) {
            layer(props, "layer:", p.introducedIn().get());
        }
        for (int i = 0; i < p.locations().size(); i++) {
            Location l = p.locations().get(i);
            add(props, "location:" + i + ":path", l.path());
            if (l.layer().isPresent()) {
                layer(props, "location:" + i + ":layer:", l.layer().get());
            }
        }
        add(props, "foundBy", p.foundBy().value());
        switch (p.metadata()) {
            case PackageMetadata.Dpkg d -> {
                add(props, "dpkg:architecture", d.architecture());
                add(props, "dpkg:multiArch", d.multiArch());
                size(props, "dpkg:installedSizeKib", d.installedSizeKib());
            }
            case PackageMetadata.Apk a -> {
                add(props, "apk:architecture", a.architecture());
                add(props, "apk:origin", a.origin());
                add(props, "apk:commit", a.commit());
                size(props, "apk:installedSize", a.installedSize());
            }
            case PackageMetadata.Rpm r -> {
                if (r.epoch().isPresent()) {
                    add(props, "rpm:epoch", Integer.toString(r.epoch().get()));
                }
                add(props, "rpm:architecture", r.architecture());
                add(props, "rpm:sourceRpm", r.sourceRpm());
                add(props, "rpm:modularityLabel", r.modularityLabel());
                size(props, "rpm:installedSize", r.installedSize());
            }
            case PackageMetadata.Listed l -> add(props, "sbom:bomRef", l.bomRef());
            case PackageMetadata.Python py -> add(props, "python:layout", py.layout());
            case PackageMetadata.Npm n -> {
                add(props, "npm:installPath", n.installPath());
                if (n.dev()) {
                    add(props, "npm:dev", "true");
                }
                if (n.optional()) {
                    add(props, "npm:optional", "true");
                }
            }
            case PackageMetadata.Java j -> {
                add(props, "java:identifiedBy", j.identifiedBy().name());
                add(props, "java:pomProperties", j.pomProperties());
                add(props, "java:sha1", j.sha1());
            }
            case PackageMetadata.Declared d -> {
                add(props, "declared:format", d.format());
                if (d.dev()) {
                    add(props, "declared:dev", "true");
                }
                if (d.relation() != PackageMetadata.Declared.Relation.UNKNOWN) {
                    add(props, "declared:relation", d.relation().name());
                }
            }
            case PackageMetadata.GoBuild g -> {
                add(props, "go:role", g.role().name());
                add(props, "go:binaryPath", g.binaryPath());
                add(props, "go:toolchain", g.toolchain());
                add(props, "go:replacement", g.replacement());
            }
        }
        return List.copyOf(props);
    }

    private static void layer(List<Entry> props, String prefix, LayerRef layer) {
        if (layer.digest().isPresent()) {
            add(props, prefix + "digest", layer.digest().get().toString());
        }
        if (layer.diffId().isPresent()) {
            add(props, prefix + "diffID", layer.diffId().get().toString());
        }
    }

    private static void size(List<Entry> props, String name, OptionalLong value) {
        if (value.isPresent()) {
            add(props, name, Long.toString(value.getAsLong()));
        }
    }

    private static void add(List<Entry> props, String name, Optional<String> value) {
        if (value.isPresent()) {
            add(props, name, value.get());
        }
    }

    private static void add(List<Entry> props, String name, String value) {
        props.add(new Entry(NAMESPACE + name, value));
    }
}

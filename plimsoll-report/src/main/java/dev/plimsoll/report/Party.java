package dev.plimsoll.report;

import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import java.util.Optional;

/**
 * Who supplies a package, split the way SBOMs want it: dpkg and apk write "Name &lt;email&gt;", rpm's VENDOR is a
 * plain organisation name.
 */
record Party(String name, Optional<String> email) {

    /**
     * The maintainer (dpkg, apk), vendor (rpm, Java manifests) or author (Python, npm) of a package, when its
     * database or manifest records one.
     */
    static Optional<Party> supplierOf(Package p) {
        Optional<String> raw = switch (p.metadata()) {
            case PackageMetadata.Dpkg d -> d.maintainer();
            case PackageMetadata.Apk a -> a.maintainer();
            case PackageMetadata.Rpm r -> r.vendor();
            case PackageMetadata.Listed l -> Optional.<String>empty();
            case PackageMetadata.Python py -> py.author();
            case PackageMetadata.Npm n -> n.author();
            case PackageMetadata.Java j -> j.vendor();
            case PackageMetadata.Declared d -> Optional.<String>empty();
            case PackageMetadata.GoBuild g -> Optional.<String>empty();
        };
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(raw.get().strip()));
    }

    static Party parse(String text) {
        int lt = text.lastIndexOf('<');
        int gt = text.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = text.substring(0, lt).strip();
            String email = text.substring(lt + 1, gt).strip();
            if (email.isEmpty()) {
                return new Party(name.isEmpty() ? text : name, Optional.empty());
            }
            return new Party(name.isEmpty() ? email : name, Optional.of(email));
        }
        return new Party(text, Optional.empty());
    }
}

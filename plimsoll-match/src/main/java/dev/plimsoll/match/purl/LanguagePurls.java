package dev.plimsoll.match.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.plimsoll.core.inventory.Ecosystem;

/**
 * Package URLs of language packages, splitting the name as each purl type wants: Maven "group:artifact" into
 * namespace and name, npm "@scope/name", Go and Swift module paths at their last "/", Composer "vendor/name".
 */
public final class LanguagePurls {
    private LanguagePurls() {
    }

    public static String of(Ecosystem ecosystem, String name, String version) {
        String namespace = null;
        String simple = name;
        int split = switch (ecosystem) {
            case MAVEN -> name.indexOf(':') >= 0 ? name.indexOf(':') : name.indexOf('/');
            case NPM -> name.startsWith("@") ? name.indexOf('/') : -1;
            case GOLANG, SWIFT, COMPOSER -> name.lastIndexOf('/');
            default -> -1;
        };
        if (split > 0 && split < name.length() - 1) {
            namespace = name.substring(0, split);
            simple = name.substring(split + 1);
        }
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(ecosystem.purlType())
                    .withNamespace(namespace).withName(simple);
            if (!version.isBlank()) {
                b.withVersion(version);
            }
            return b.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            return "pkg:" + ecosystem.purlType() + "/" + name + (version.isBlank() ? "" : "@" + version);
        }
    }

    /** The ecosystem's own package name for a purl: the inverse of {@link #of}. */
    public static String name(Ecosystem ecosystem, PackageURL purl) {
        String ns = purl.getNamespace();
        if (ns == null || ns.isBlank()) {
            return purl.getName();
        }
        return switch (ecosystem) {
            case MAVEN -> ns + ":" + purl.getName();
            case NPM, GOLANG, SWIFT, COMPOSER -> ns + "/" + purl.getName();
            default -> purl.getName();
        };
    }
}

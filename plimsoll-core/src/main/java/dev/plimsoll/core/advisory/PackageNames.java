package dev.plimsoll.core.advisory;

import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Locale;

/** Package-name normalisation, shared by the feeds (when storing) and the matcher (when looking up). */
public final class PackageNames {
    private PackageNames() {
    }

    /**
     * PyPI: PEP 503 (lower case, runs of {@code -_.} become one {@code -}); npm, Maven, Go, Cargo, NuGet, Composer,
     * Hex, Pub, apk, deb: case-insensitive registries or lower-case names by rule, so lower case, except Go module
     * paths, Maven coordinates and rpm names, which are case-sensitive. Maven is {@code group:artifact}.
     */
    public static String normalize(Ecosystem ecosystem, String name) {
        String trimmed = name.trim();
        return switch (ecosystem) {
            case PYPI -> trimmed.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case NPM, NUGET, COMPOSER, CARGO, HEX, PUB, GEM, DEB, APK -> trimmed.toLowerCase(Locale.ROOT);
            case MAVEN -> trimmed.replace('/', ':');
            default -> trimmed;
        };
    }
}

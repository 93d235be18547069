package dev.plimsoll.version.dpkg;

import dev.plimsoll.version.VersionFamilyProperties;

/** The total-order laws of {@link DpkgVersion}, on families of nearby versions from {@link DpkgVersionGenerator}. */
class DpkgVersionProperties extends VersionFamilyProperties {
    DpkgVersionProperties() {
        super(DpkgScheme.INSTANCE, DpkgVersionGenerator::new);
    }
}

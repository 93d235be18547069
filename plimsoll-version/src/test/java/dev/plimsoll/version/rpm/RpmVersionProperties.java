package dev.plimsoll.version.rpm;

import dev.plimsoll.version.VersionFamilyProperties;

/** The total-order laws of {@link RpmVersion}, on families of nearby versions from {@link RpmVersionGenerator}. */
class RpmVersionProperties extends VersionFamilyProperties {
    RpmVersionProperties() {
        super(RpmScheme.INSTANCE, RpmVersionGenerator::new);
    }
}

package dev.plimsoll.version.apk;

import dev.plimsoll.version.VersionFamilyProperties;

/** The total-order laws of {@link ApkVersion}, on families of nearby versions from {@link ApkVersionGenerator}. */
class ApkVersionProperties extends VersionFamilyProperties {
    ApkVersionProperties() {
        super(ApkScheme.INSTANCE, ApkVersionGenerator::new);
    }
}

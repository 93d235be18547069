package dev.plimsoll.core.finding;

import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Objects;

/** The package a finding is about: enough to name it in reports and to match it in policies. */
public record PackageRef(String name, String version, Ecosystem ecosystem, String purl) {
    public PackageRef {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(ecosystem);
        Objects.requireNonNull(purl);
    }
}

package dev.plimsoll.core.inventory;

import java.util.Objects;

/** The source package a binary package was built from; vulnerability data of distributions is keyed by it. */
public record SourcePackage(String name, String version) {
    public SourcePackage {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank source package name");
        }
    }
}

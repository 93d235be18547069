package dev.plimsoll.core.advisory;

import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Objects;
import java.util.Optional;

/**
 * What vulnerability data is looked up by: an ecosystem, the distribution release for OS packages, and the package
 * name normalised for its ecosystem ({@link PackageNames#normalize}). For Debian and Ubuntu the name is the
 * <em>source</em> package's, since their data is keyed by source package.
 *
 * @param distro a {@link Distro} key such as "debian:12", "ubuntu:22.04", "alpine:3.18", "rocky:9"; empty for
 *               language ecosystems
 */
public record PackageKey(Ecosystem ecosystem, Optional<String> distro, String name) {
    public PackageKey {
        Objects.requireNonNull(ecosystem);
        Objects.requireNonNull(distro);
        Objects.requireNonNull(name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank package name");
        }
        if (ecosystem.isOs() != distro.isPresent()) {
            throw new IllegalArgumentException(ecosystem.isOs()
                    ? "an OS package key needs a distribution release: " + name
                    : "a language package key has no distribution release: " + name);
        }
    }

    public static PackageKey language(Ecosystem ecosystem, String name) {
        return new PackageKey(ecosystem, Optional.empty(), PackageNames.normalize(ecosystem, name));
    }

    public static PackageKey os(Ecosystem ecosystem, String distro, String name) {
        return new PackageKey(ecosystem, Optional.of(distro), PackageNames.normalize(ecosystem, name));
    }

    /** "deb debian:12 openssl", "npm lodash": stable text form, used as the storage key. */
    public String asText() {
        return ecosystem.purlType() + " " + distro.map(d -> d + " ").orElse("") + name;
    }
}

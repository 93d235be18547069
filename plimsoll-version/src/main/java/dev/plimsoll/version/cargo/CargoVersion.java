package dev.plimsoll.version.cargo;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import dev.plimsoll.version.semver.Identifier;
import dev.plimsoll.version.semver.SemverVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A crates.io version as the semver crate reads it ({@code semver::Version::parse}): strict SemVer 2.0.0 with no
 * prefix and no surrounding whitespace, major, minor and patch at most 2^64-1. Ordered by SemVer precedence.
 *
 * <p>The semver crate's own {@code Ord} breaks ties between equal-precedence versions by their build metadata;
 * Cargo's requirement matching ignores build metadata, and so does this order: "1.0.0+a" equals "1.0.0+b".
 */
public final class CargoVersion implements Version {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final SemverVersion semver;

    private CargoVersion(SemverVersion semver) {
        this.semver = semver;
    }

    public static CargoVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        SemverVersion parsed;
        try {
            parsed = SemverVersion.parseUnprefixed(raw);
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("malformed Cargo version \"" + raw + "\": " + e.getMessage());
        }
        for (BigInteger part : List.of(parsed.major(), parsed.minor(), parsed.patch())) {
            if (part.compareTo(U64_MAX) > 0) {
                throw new InvalidVersionException("Cargo version \"" + raw + "\": " + part
                    + " does not fit in 64 bits");
            }
        }
        return new CargoVersion(parsed);
    }

    static boolean fitsU64(BigInteger value) {
        return value.compareTo(U64_MAX) <= 0;
    }

    @Override
    public String raw() {
        return semver.raw();
    }

    @Override
    public VersionScheme scheme() {
        return CargoScheme.INSTANCE;
    }

    public BigInteger major() {
        return semver.major();
    }

    public BigInteger minor() {
        return semver.minor();
    }

    public BigInteger patch() {
        return semver.patch();
    }

    public List<Identifier> prerelease() {
        return semver.prerelease();
    }

    public List<String> build() {
        return semver.build();
    }

    public boolean isPrerelease() {
        return semver.isPrerelease();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof CargoVersion that)) {
            throw new IllegalArgumentException("cannot order a Cargo version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        return semver.precedence(that.semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CargoVersion that && semver.precedence(that.semver) == 0;
    }

    @Override
    public int hashCode() {
        return semver.hashCode();
    }

    @Override
    public String toString() {
        return semver.toString();
    }
}

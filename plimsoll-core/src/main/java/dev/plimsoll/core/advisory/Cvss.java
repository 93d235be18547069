package dev.plimsoll.core.advisory;

import java.util.Objects;
import java.util.Optional;

/**
 * A CVSS vector as a source published it.
 *
 * @param version "2.0", "3.0", "3.1" or "4.0"
 * @param vector  the vector string, with its "CVSS:3.1/" prefix where the version has one
 * @param score   the base score the source published, if it did (otherwise computed from the vector)
 * @param source  who scored it: "nvd", "ghsa", "osv", a vendor
 */
public record Cvss(String version, String vector, Optional<Double> score, String source) {
    public Cvss {
        Objects.requireNonNull(version);
        Objects.requireNonNull(vector);
        Objects.requireNonNull(score);
        Objects.requireNonNull(source);
    }
}

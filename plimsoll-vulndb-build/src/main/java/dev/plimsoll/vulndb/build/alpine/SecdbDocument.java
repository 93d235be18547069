package dev.plimsoll.vulndb.build.alpine;

import java.util.List;
import java.util.Objects;

/**
 * One Alpine secdb file ({@code vX.Y/main.json}, or the older YAML form of the same tree) as written.
 *
 * @param branch     "3.11" or "edge" (from {@code distroversion}, "v" dropped)
 * @param repository "main", "community"
 */
record SecdbDocument(String branch, String repository, List<Package> packages) {
    SecdbDocument {
        Objects.requireNonNull(branch);
        Objects.requireNonNull(repository);
        packages = List.copyOf(packages);
    }

    /** {@code packages[].pkg}: an origin (source) package and its secfixes entries in file order. */
    record Package(String name, List<Secfix> secfixes) {
        Package {
            Objects.requireNonNull(name);
            secfixes = List.copyOf(secfixes);
        }
    }

    /**
     * One string under {@code secfixes.<version>}: usually one CVE id, sometimes several ids or an id with a
     * comment ("CVE-2018-3620 CVE-2018-3646 XSA-273", "CVE-2019-14866 (BGP)").
     */
    record Secfix(String version, String text) {
        Secfix {
            Objects.requireNonNull(version);
            Objects.requireNonNull(text);
        }
    }
}

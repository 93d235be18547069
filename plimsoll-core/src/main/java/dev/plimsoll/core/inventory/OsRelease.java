package dev.plimsoll.core.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operating system of an image, as os-release and its older friends tell it.
 *
 * @param id              os-release ID, lower case: "debian", "alpine", "rocky", "rhel", "ubuntu"
 * @param versionId       os-release VERSION_ID ("12", "3.18.4", "9.2"); for Debian the debian_version point
 *                        release is kept in {@code detail}
 * @param versionCodename VERSION_CODENAME ("bookworm"), when given
 * @param prettyName      PRETTY_NAME, or a name built from the other fields
 * @param idLike          ID_LIKE, split
 * @param detail          a finer version where the distribution has one (Debian's /etc/debian_version "12.8")
 * @param source          the file it was read from
 */
public record OsRelease(String id, String versionId, Optional<String> versionCodename, String prettyName,
                        List<String> idLike, Optional<String> detail, String source) {
    public OsRelease {
        Objects.requireNonNull(id);
        Objects.requireNonNull(versionId);
        Objects.requireNonNull(versionCodename);
        Objects.requireNonNull(prettyName);
        idLike = List.copyOf(idLike);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(source);
    }

    /** Major version: "12" of "12.8", "9" of "9.2", "3" of "3.18.4". */
    public String majorVersion() {
        int dot = versionId.indexOf('.');
        return dot < 0 ? versionId : versionId.substring(0, dot);
    }

    /** Whether this is, or is like, the given distribution id. */
    public boolean isOrLike(String distro) {
        return id.equals(distro) || idLike.contains(distro);
    }
}

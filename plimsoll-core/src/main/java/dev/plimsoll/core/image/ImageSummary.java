package dev.plimsoll.core.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What identifies an opened image in reports.
 *
 * @param name           the user's name for it (argument or reference)
 * @param sourceKind     docker-archive, oci, oci-archive or rootfs
 * @param repoTags       tags the archive or layout records for the image
 * @param manifestDigest digest of the manifest, where there is one
 * @param configDigest   digest of the config blob (the "image id"), where there is one
 * @param platform       the platform of the selected manifest
 */
public record ImageSummary(String name, String sourceKind, List<String> repoTags, Optional<Digest> manifestDigest,
                           Optional<Digest> configDigest, Platform platform) {
    public ImageSummary {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sourceKind);
        repoTags = List.copyOf(repoTags);
        Objects.requireNonNull(manifestDigest);
        Objects.requireNonNull(configDigest);
        Objects.requireNonNull(platform);
    }
}

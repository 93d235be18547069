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
 * @param baseImage      the image it was built on, where the image says ({@code org.opencontainers.image.base.name})
 */
public record ImageSummary(String name, String sourceKind, List<String> repoTags, Optional<Digest> manifestDigest,
                           Optional<Digest> configDigest, Platform platform, Optional<String> baseImage) {
    /** The OCI annotation (also used as a label) naming the base image. */
    public static final String BASE_NAME = "org.opencontainers.image.base.name";

    public ImageSummary {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sourceKind);
        repoTags = List.copyOf(repoTags);
        Objects.requireNonNull(manifestDigest);
        Objects.requireNonNull(configDigest);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(baseImage);
    }

    public ImageSummary(String name, String sourceKind, List<String> repoTags, Optional<Digest> manifestDigest,
                        Optional<Digest> configDigest, Platform platform) {
        this(name, sourceKind, repoTags, manifestDigest, configDigest, platform, Optional.empty());
    }

    /** This summary with the base image filled in when it has none. */
    public ImageSummary withBaseImageIfAbsent(Optional<String> base) {
        return baseImage.isPresent() || base.isEmpty() ? this
                : new ImageSummary(name, sourceKind, repoTags, manifestDigest, configDigest, platform, base);
    }
}

package dev.plimsoll.image.oci;

import java.util.Set;

/** The media types an image layout uses, and what each means here. */
public final class MediaTypes {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
    private static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    private static final Set<String> SCHEMA1 = Set.of(DOCKER_SCHEMA1, DOCKER_SCHEMA1_SIGNED);
    private static final Set<String> CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG);

    /** What a document is, as far as choosing an image goes. */
    public enum Kind { INDEX, MANIFEST, SCHEMA1, OTHER }

    private MediaTypes() {
    }

    public static Kind kind(String mediaType) {
        if (INDEXES.contains(mediaType)) {
            return Kind.INDEX;
        }
        if (MANIFESTS.contains(mediaType)) {
            return Kind.MANIFEST;
        }
        return SCHEMA1.contains(mediaType) ? Kind.SCHEMA1 : Kind.OTHER;
    }

    public static boolean isImageConfig(String mediaType) {
        return CONFIGS.contains(mediaType);
    }

    /**
     * Whether a layer media type is a (possibly compressed) tar we can read: OCI, OCI non-distributable and Docker
     * rootfs diffs. Encrypted layers are not.
     */
    public static boolean isReadableLayer(String mediaType) {
        return mediaType.contains(".tar") && !mediaType.contains("encrypted");
    }
}

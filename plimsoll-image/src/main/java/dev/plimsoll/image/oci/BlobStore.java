package dev.plimsoll.image.oci;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.BlobSource;
import java.util.Optional;

/** The files of an OCI image layout, wherever it lives (a directory or an archive). */
public interface BlobStore {
    /** How messages name the layout. */
    String describe();

    /** A top-level file of the layout: {@code oci-layout} or {@code index.json}. */
    Optional<BlobSource> file(String name);

    /** The blob a digest names; the path comes from the parsed digest only, never from a document. */
    Optional<BlobSource> blob(Digest digest);

    /**
     * The blob a descriptor names, fetched as what it is: a registry serves manifests and indexes from their own
     * endpoint and knows a blob's size only from its descriptor.
     */
    default Optional<BlobSource> blob(Descriptor descriptor, boolean manifest) {
        return blob(descriptor.digest());
    }

    static String blobPath(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }
}

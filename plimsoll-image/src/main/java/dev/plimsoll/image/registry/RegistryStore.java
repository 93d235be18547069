package dev.plimsoll.image.registry;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.BytesBlob;
import dev.plimsoll.image.oci.BlobStore;
import dev.plimsoll.image.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A registry repository seen as a blob store, so that the OCI resolver (index → platform → manifest → config,
 * schema 1 refused, every document verified) serves registries too. Manifests are fetched when asked for; other
 * blobs (config, layers) only when opened or prefetched, through the bounded downloads.
 */
final class RegistryStore implements BlobStore {
    private final RegistryClient client;
    private final BlobDownloads downloads;
    private final RegistryClient.Fetched root;

    RegistryStore(RegistryClient client, BlobDownloads downloads, RegistryClient.Fetched root) {
        this.client = client;
        this.downloads = downloads;
        this.root = root;
    }

    @Override
    public String describe() {
        return client.describe();
    }

    @Override
    public Optional<BlobSource> file(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<BlobSource> blob(Digest digest) {
        return blob(new Descriptor(Optional.empty(), digest, -1, Optional.empty(), Map.of()), false);
    }

    @Override
    public Optional<BlobSource> blob(Descriptor d, boolean manifest) {
        if (manifest) {
            RegistryClient.Fetched f = d.digest().equals(root.digest()) ? root
                    : client.manifest(d.digest().toString(), Optional.of(d.digest()));
            return Optional.of(new BytesBlob("manifest " + d.digest(), f.bytes()));
        }
        return Optional.of(new RemoteBlob(d.digest(), d.size()));
    }

    /** A blob fetched on first use; its size is the descriptor's (the download checks it). */
    private final class RemoteBlob implements BlobSource {
        private final Digest digest;
        private final long size;

        RemoteBlob(Digest digest, long size) {
            this.digest = digest;
            this.size = size;
        }

        @Override
        public String name() {
            return "blob " + digest;
        }

        @Override
        public long size() {
            return Math.max(size, 0);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(downloads.await(digest, size));
        }

        @Override
        public void prefetch() {
            downloads.start(digest, size);
        }
    }
}

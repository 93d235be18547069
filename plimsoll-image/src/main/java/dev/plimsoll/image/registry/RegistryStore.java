package dev.plimsoll.image.registry;

import dev.plimsoll.core.error.RegistryException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.BytesBlob;
import dev.plimsoll.image.oci.BlobStore;
import dev.plimsoll.image.oci.Descriptor;
import dev.plimsoll.image.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A registry repository seen as a blob store, so that the OCI resolver (index → platform → manifest → config,
 * schema 1 refused, every document verified) serves registries too. Manifests are fetched when asked for, and a
 * config when read; with a {@link DocumentCache} both come from it when kept there (the top manifest, named by tag,
 * is always fetched). Layers are fetched only when opened or prefetched, through the bounded downloads.
 */
final class RegistryStore implements BlobStore {
    private final RegistryClient client;
    private final BlobDownloads downloads;
    private final RegistryClient.Fetched root;
    private final Optional<DocumentCache> documents;
    private final int maxAttempts;

    RegistryStore(RegistryClient client, BlobDownloads downloads, RegistryClient.Fetched root,
                  Optional<DocumentCache> documents, int maxAttempts) {
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.downloads = downloads;
        this.root = root;
        this.documents = documents;
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
            byte[] bytes = d.digest().equals(root.digest()) ? root.bytes() : documents.flatMap(c -> c.get(d.digest()))
                    .orElseGet(() -> kept(d.digest(), client.manifest(d.digest().toString(), Optional.of(d.digest()))
                            .bytes()));
            return Optional.of(new BytesBlob("manifest " + d.digest(), bytes));
        }
        boolean config = d.mediaType().filter(MediaTypes::isImageConfig).isPresent();
        return Optional.of(new RemoteBlob(d.digest(), d.size(), config));
    }

    private byte[] kept(Digest digest, byte[] verified) {
        documents.ifPresent(c -> c.put(digest, verified));
        return verified;
    }

    /**
     * An image config: from the document cache, else fetched into memory (a config is a few KiB, not worth the
     * download pool's temporary file) and kept there. A connection cut mid-body is retried, as for layers.
     */
    private byte[] config(Digest digest, long size) throws IOException {
        Optional<byte[]> cached = documents.flatMap(c -> c.get(digest));
        if (cached.isPresent()) {
            return cached.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return kept(digest, client.document(digest, size));
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new RegistryException(client.registry(), null, "config " + digest + ": download failed"
                            + " after " + attempt + " attempts: " + client.scrub(String.valueOf(e.getMessage())),
                            null);
                }
                try {
                    Thread.sleep(250L << (attempt - 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while downloading " + digest);
                }
            }
        }
    }

    /**
     * A blob fetched on first use, a layer through the bounded downloads and a config into memory; its size is the
     * descriptor's (the fetch checks it, and the resolver the config's digest again as it parses it).
     */
    private final class RemoteBlob implements BlobSource {
        private final Digest digest;
        private final long size;
        private final boolean config;

        RemoteBlob(Digest digest, long size, boolean config) {
            this.digest = digest;
            this.size = size;
            this.config = config;
        }

        @Override
        public String name() {
            return (config ? "config " : "blob ") + digest;
        }

        @Override
        public long size() {
            return Math.max(size, 0);
        }

        @Override
        public InputStream open() throws IOException {
            return config ? new ByteArrayInputStream(config(digest, size))
                    : Files.newInputStream(downloads.await(digest, size));
        }

        @Override
        public void prefetch() {
            if (!config) {
                downloads.start(digest, size);
            }
        }
    }
}

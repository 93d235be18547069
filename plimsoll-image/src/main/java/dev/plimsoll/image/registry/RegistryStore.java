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
        if (documents.isPresent() && d.mediaType().filter(MediaTypes::isImageConfig).isPresent()) {
            return Optional.of(new ConfigBlob(d.digest(), d.size()));
        }
        return Optional.of(new RemoteBlob(d.digest(), d.size()));
    }

    private byte[] kept(Digest digest, byte[] verified) {
        documents.ifPresent(c -> c.put(digest, verified));
        return verified;
    }

    /**
     * An image config: from the document cache, else fetched into memory (a config is a few KiB) and kept there.
     * Its size is the descriptor's; the resolver checks the bytes against the digest again as it parses them.
     */
    private final class ConfigBlob implements BlobSource {
        private final Digest digest;
        private final long size;

        ConfigBlob(Digest digest, long size) {
            this.digest = digest;
            this.size = size;
        }

        @Override
        public String name() {
            return "config " + digest;
        }

        @Override
        public long size() {
            return Math.max(size, 0);
        }

        @Override
        public InputStream open() throws IOException {
            byte[] bytes = documents.flatMap(c -> c.get(digest)).orElse(null);
            for (int attempt = 1; bytes == null; attempt++) {
                try {
                    bytes = kept(digest, client.document(digest, size));
                } catch (IOException e) {
                    // a connection cut mid-body, as the layer downloads retry it
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
            return new ByteArrayInputStream(bytes);
        }
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

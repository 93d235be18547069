package dev.plimsoll.image.registry;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.RegistryException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.image.blob.DigestingInputStream;
import dev.plimsoll.image.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Docker Registry HTTP API V2 / OCI distribution calls a scan needs, for one repository on one endpoint (the
 * registry itself or a mirror that answered): manifests by tag or digest, blobs by digest.
 */
final class RegistryClient {
    static final String DOCKER_HUB_API = "registry-1.docker.io";
    /** What we can read, best first; schema 1 last, so that a registry that has only that says so. */
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_SCHEMA1_SIGNED,
            MediaTypes.DOCKER_SCHEMA1);

    private final RegistryTransport transport;
    private final RegistryTransport.Target target;
    private final long maxDocumentBytes;

    private RegistryClient(RegistryTransport transport, RegistryTransport.Target target, long maxDocumentBytes) {
        this.transport = transport;
        this.target = target;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** A manifest or index as served: bytes verified against their digest, and the media type the server gave. */
    record Fetched(byte[] bytes, Optional<String> mediaType, Digest digest) {
    }

    /**
     * Fetches the reference's manifest from the first endpoint that has it: the configured mirrors of its
     * registry in order, then the registry. Returns the client pinned to that endpoint, and the manifest.
     */
    static Opened open(RegistryTransport transport, RegistrySettings settings, ImageReference ref,
                       long maxDocumentBytes) {
        List<String> hosts = new ArrayList<>();
        for (String mirror : settings.mirrors().getOrDefault(ref.registry(), List.of())) {
            hosts.add(stripScheme(mirror));
        }
        hosts.add(ref.registry().equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_API : ref.registry());
        for (int i = 0; i < hosts.size(); i++) {
            boolean mirror = i < hosts.size() - 1;
            RegistryClient client = new RegistryClient(transport, new RegistryTransport.Target(
                    mirror ? hosts.get(i) : ref.registry(), hosts.get(i), ref.repository()), maxDocumentBytes);
            try {
                return new Opened(client, client.manifest(ref.referenceToPull(), ref.digest().map(Digest::parse)));
            } catch (RegistryException e) {
                if (!mirror) {
                    throw e;
                }
                // a mirror that fails or lacks the image: fall back to the next endpoint, as Docker does
            }
        }
        throw new IllegalStateException("no endpoint");
    }

    record Opened(RegistryClient client, Fetched manifest) {
    }

    private static String stripScheme(String host) {
        int scheme = host.indexOf("://");
        String h = scheme >= 0 ? host.substring(scheme + 3) : host;
        return h.endsWith("/") ? h.substring(0, h.length() - 1) : h;
    }

    /** A manifest or index by tag or digest; pinned digests are checked, and the digest is always computed. */
    Fetched manifest(String reference, Optional<Digest> expected) {
        String what = "manifest " + target.repository() + (reference.contains(":") ? "@" : ":") + reference;
        RegistryTransport.Response r = transport.get(target, "manifests/" + reference, ACCEPT, what);
        // by tag nothing names the digest beforehand: compute it with SHA-256, the registries' canonical algorithm
        Digest named = expected.orElse(new Digest("sha256", "0".repeat(64)));
        byte[] bytes;
        Digest actual;
        try (InputStream body = r.body(); DigestingInputStream in = new DigestingInputStream(body, named)) {
            bytes = in.readNBytes((int) Math.min(maxDocumentBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxDocumentBytes) {
                throw new ImageException(describe(), what + " is more than " + maxDocumentBytes + " bytes");
            }
            actual = in.result();
        } catch (IOException e) {
            throw new RegistryException(target.registry(), null, what + ": reading failed: "
                    + transport.scrub(String.valueOf(e.getMessage())), null);
        }
        if (expected.isPresent() && !actual.equals(expected.get())) {
            throw new ImageException(describe(), what + " does not match its digest: got " + actual);
        }
        Optional<String> mediaType = r.header("Content-Type").map(t -> t.split(";")[0].strip())
                .filter(t -> !t.isEmpty() && !t.equals("application/json") && !t.equals("text/plain"));
        return new Fetched(bytes, mediaType, actual);
    }

    /** A small blob (a config) read into memory, checked against its size (when known), the bound and its digest. */
    byte[] document(Digest digest, long size) throws IOException {
        String what = "blob " + digest;
        long bound = size >= 0 ? Math.min(size, maxDocumentBytes) : maxDocumentBytes;
        byte[] bytes;
        Digest actual;
        try (InputStream body = blob(digest); DigestingInputStream in = new DigestingInputStream(body, digest)) {
            bytes = in.readNBytes((int) Math.min(bound + 1, Integer.MAX_VALUE - 8));
            actual = in.result();
        }
        if (bytes.length > bound) {
            throw new ImageException(describe(), what + " is more than " + (size >= 0 ? "its descriptor's " + size
                    : "the limit of " + maxDocumentBytes) + " bytes");
        }
        if (!actual.equals(digest)) {
            throw new ImageException(describe(), what + " does not match its digest: got " + actual);
        }
        return bytes;
    }

    /** A blob's bytes as they stream; the caller verifies them. */
    InputStream blob(Digest digest) {
        return transport.get(target, "blobs/" + digest, null, "blob " + digest).body();
    }

    String registry() {
        return target.registry();
    }

    String describe() {
        return target.apiHost() + "/" + target.repository();
    }

    String scrub(String message) {
        return transport.scrub(message);
    }
}

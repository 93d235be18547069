package dev.plimsoll.image.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How registries are reached.
 *
 * @param credentials        who we are, per registry
 * @param insecureHosts      hosts ({@code host} or {@code host:port}) reached over plain HTTP or unverified TLS;
 *                           every other host gets verified TLS
 * @param caFile             extra CA certificates (PEM) trusted besides the JVM's
 * @param mirrors            per registry host, mirror hosts tried before it, in order
 * @param maxConcurrentDownloads layer blobs fetched at once
 * @param maxAttempts        tries per request on 429, 5xx and broken connections
 * @param maxRetryWait       the longest wait between tries, whatever Retry-After asks
 * @param blobParent         where downloaded blobs wait to be read (null: the JVM's temporary directory)
 * @param listener           download progress
 * @param documents          where image configs and manifests named by digest are kept between scans, if anywhere
 */
public record RegistrySettings(CredentialSource credentials, Set<String> insecureHosts, Optional<Path> caFile,
                               Map<String, List<String>> mirrors, int maxConcurrentDownloads, int maxAttempts,
                               Duration maxRetryWait, Path blobParent, DownloadListener listener,
                               Optional<DocumentCache> documents) {
    public static final int DEFAULT_CONCURRENT_DOWNLOADS = 3;
    public static final int DEFAULT_ATTEMPTS = 4;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);

    public RegistrySettings {
        Objects.requireNonNull(credentials);
        insecureHosts = Set.copyOf(insecureHosts);
        Objects.requireNonNull(caFile);
        mirrors = Map.copyOf(mirrors);
        if (maxConcurrentDownloads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("downloads and attempts must be at least 1");
        }
        Objects.requireNonNull(maxRetryWait);
        Objects.requireNonNull(listener);
        Objects.requireNonNull(documents);
    }

    /** Anonymous access, verified TLS, no mirrors. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(CredentialSource.none(), Set.of(), Optional.empty(), Map.of(),
                DEFAULT_CONCURRENT_DOWNLOADS, DEFAULT_ATTEMPTS, DEFAULT_MAX_RETRY_WAIT, null, DownloadListener.NONE,
                Optional.empty());
    }

    public RegistrySettings withCredentials(CredentialSource c) {
        return new RegistrySettings(c, insecureHosts, caFile, mirrors, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, listener, documents);
    }

    public RegistrySettings withInsecureHosts(Set<String> hosts) {
        return new RegistrySettings(credentials, hosts, caFile, mirrors, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, listener, documents);
    }

    public RegistrySettings withCaFile(Optional<Path> file) {
        return new RegistrySettings(credentials, insecureHosts, file, mirrors, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, listener, documents);
    }

    public RegistrySettings withMirrors(Map<String, List<String>> m) {
        return new RegistrySettings(credentials, insecureHosts, caFile, m, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, listener, documents);
    }

    public RegistrySettings withRetries(int attempts, Duration maxWait) {
        return new RegistrySettings(credentials, insecureHosts, caFile, mirrors, maxConcurrentDownloads, attempts,
                maxWait, blobParent, listener, documents);
    }

    public RegistrySettings withListener(DownloadListener l) {
        return new RegistrySettings(credentials, insecureHosts, caFile, mirrors, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, l, documents);
    }

    public RegistrySettings withConcurrentDownloads(int n) {
        return new RegistrySettings(credentials, insecureHosts, caFile, mirrors, n, maxAttempts, maxRetryWait,
                blobParent, listener, documents);
    }

    public RegistrySettings withDocuments(Optional<DocumentCache> cache) {
        return new RegistrySettings(credentials, insecureHosts, caFile, mirrors, maxConcurrentDownloads, maxAttempts,
                maxRetryWait, blobParent, listener, cache);
    }

    /** Whether a host may be reached without verified TLS: named with its port, or without one. */
    public boolean insecure(String host) {
        if (insecureHosts.contains(host)) {
            return true;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") && insecureHosts.contains(host.substring(0, colon));
    }
}

package dev.plimsoll.image.registry;

import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Image configs and manifests named by digest, kept between scans: content-addressed, so never stale, and what a
 * scan of an image whose analysis is cached would otherwise still fetch (a config is one more request, on Docker Hub
 * a redirect to a CDN and a second TLS connection). Every entry is checked against its digest when read; one that
 * does not match, or is not a plain file, is ignored and replaced. Entries live in the layer cache's directory, whose
 * size bound and {@code plimsoll cache clean} cover them. Writing is best effort: a read-only cache only costs the
 * request.
 */
public final class DocumentCache {
    /** The file name suffix of entries, for the directory's owner (its bound and its cleaning). */
    public static final String SUFFIX = ".document";

    private final Path directory;
    private final long maxBytes;

    /** @param maxBytes the largest document kept or read back (the image limits' bound on JSON documents) */
    public DocumentCache(Path directory, long maxBytes) {
        this.directory = Objects.requireNonNull(directory);
        this.maxBytes = maxBytes;
    }

    /** The document's bytes when an intact copy is kept. */
    public Optional<byte[]> get(Digest digest) {
        Path file = file(digest);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > maxBytes) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
            }
            if (!matches(digest, bytes)) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            // the directory's bound evicts the least recently used entries first
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps a document that was checked against {@code digest}; does nothing when it cannot. */
    public void put(Digest digest, byte[] bytes) {
        if (bytes.length > maxBytes || !matches(digest, bytes)) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, digest.algorithm() + "-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            // best effort: the next scan fetches the document again
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray .tmp file, removed by the cache's cleaning
                }
            }
        }
    }

    private Path file(Digest digest) {
        // a Digest holds only [a-z0-9._+-] in its algorithm and hex digits in its value: never a path separator
        return directory.resolve(digest.algorithm() + "-" + digest.hex() + SUFFIX);
    }

    private static boolean matches(Digest digest, byte[] bytes) {
        try {
            byte[] actual = MessageDigest.getInstance(digest.jcaName()).digest(bytes);
            return HexFormat.of().formatHex(actual).equals(digest.hex());
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return false;
        }
    }
}

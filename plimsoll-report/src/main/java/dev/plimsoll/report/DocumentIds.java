package dev.plimsoll.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Chooses the unique id of an SBOM document: the CycloneDX serialNumber and the UUID in the SPDX documentNamespace.
 * Injected so that tests, and anyone who wants reproducible SBOMs, get stable ids.
 */
@FunctionalInterface
public interface DocumentIds {

    UUID idOf(Report report);

    /**
     * A UUID derived from a SHA-256 of everything the report says, its creation time and tool included (the
     * Plimsoll JSON report's content): the same report gives the same id, and any change, including a later
     * {@code createdAt}, gives another, which keeps CycloneDX's "unique per BOM" while staying reproducible. The
     * hash is shaped as a version-4 UUID because the CycloneDX and SPDX tools expect RFC 4122 variants.
     */
    static DocumentIds fromContent() {
        return report -> {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                // Compact JSON: ids already issued were hashed from these exact bytes, so the layout must not change.
                try (OutputStream content = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                    ReportJson.writeCompact(content, g -> JsonReportWriter.write(g, report));
                }
                return uuidFromHash(sha256.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serialise the report to derive its id", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        };
    }

    /** A random id per document, for callers that prefer them to reproducibility. */
    static DocumentIds random() {
        return report -> UUID.randomUUID();
    }

    private static UUID uuidFromHash(byte[] hash) {
        byte[] b = Arrays.copyOf(hash, 16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }
}

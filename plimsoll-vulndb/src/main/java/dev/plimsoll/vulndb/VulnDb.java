package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read side of the vulnerability database: one embedded file, opened in milliseconds, looked up by package key.
 * Thread-safe for concurrent lookups.
 */
public interface VulnDb extends AutoCloseable {

    /**
     * Opens the database file; throws {@link VulnDbException} naming the file when it is missing, of another schema
     * version, truncated or corrupt.
     */
    static VulnDb open(Path file) {
        return VulnDbReader.open(file);
    }

    /** Every advisory stored under this key (all feeds), ordered by source, then id. */
    List<Advisory> find(PackageKey key);

    /** Batch lookup; keys with no advisory are absent from the map. */
    default Map<PackageKey, List<Advisory>> findAll(Collection<PackageKey> keys) {
        Map<PackageKey, List<Advisory>> out = new java.util.LinkedHashMap<>();
        for (PackageKey k : keys) {
            List<Advisory> found = find(k);
            if (!found.isEmpty()) {
                out.put(k, found);
            }
        }
        return out;
    }

    /** KEV, EPSS and NVD facts about a CVE, merged. */
    Optional<CveFacts> cveFacts(String cveId);

    DbMetadata metadata();

    @Override
    void close();
}

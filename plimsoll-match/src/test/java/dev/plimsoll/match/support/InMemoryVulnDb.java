package dev.plimsoll.match.support;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.vulndb.DbMetadata;
import dev.plimsoll.vulndb.VulnDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A VulnDb held in maps, counting calls so tests can check that lookups are batched. */
public final class InMemoryVulnDb implements VulnDb {
    private final Map<PackageKey, List<Advisory>> byKey = new LinkedHashMap<>();
    private final Map<String, CveFacts> facts = new HashMap<>();
    public int findCalls;
    public int findAllCalls;
    public final List<String> factLookups = new ArrayList<>();

    public InMemoryVulnDb add(Advisory... advisories) {
        for (Advisory a : advisories) {
            byKey.computeIfAbsent(a.pkg(), k -> new ArrayList<>()).add(a);
        }
        return this;
    }

    public InMemoryVulnDb add(Collection<Advisory> advisories) {
        return add(advisories.toArray(Advisory[]::new));
    }

    public InMemoryVulnDb facts(CveFacts f) {
        facts.put(f.cve(), f);
        return this;
    }

    @Override
    public List<Advisory> find(PackageKey key) {
        findCalls++;
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }

    @Override
    public Map<PackageKey, List<Advisory>> findAll(Collection<PackageKey> keys) {
        findAllCalls++;
        Map<PackageKey, List<Advisory>> out = new LinkedHashMap<>();
        for (PackageKey k : keys) {
            List<Advisory> found = byKey.get(k);
            if (found != null) {
                out.put(k, List.copyOf(found));
            }
        }
        return out;
    }

    @Override
    public Optional<CveFacts> cveFacts(String cveId) {
        factLookups.add(cveId);
        return Optional.ofNullable(facts.get(cveId));
    }

    @Override
    public DbMetadata metadata() {
        return new DbMetadata(1, Instant.EPOCH, List.of());
    }

    @Override
    public void close() {
    }
}

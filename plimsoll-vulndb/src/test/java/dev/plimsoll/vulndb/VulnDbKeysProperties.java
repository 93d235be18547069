package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** Whatever the names (any Unicode, shared prefixes, page boundaries), a stored key is found and no other is. */
class VulnDbKeysProperties {

    @Property(tries = 40)
    void everyStoredNameIsFoundAndEveryOtherIsNot(
            @ForAll @Size(min = 0, max = 300) @UniqueElements List<@StringLength(min = 1, max = 12) String> stored,
            @ForAll @Size(max = 50) List<@StringLength(min = 1, max = 12) String> probes) throws IOException {
        Path dir = Files.createTempDirectory("vulndb-prop");
        Path db = dir.resolve("v.db");
        try {
            List<String> names = stored.stream().filter(n -> !n.trim().isBlank())
                    .map(n -> PackageKey.language(Ecosystem.GOLANG, n).name()).distinct().toList();
            try (VulnDbWriter w = VulnDbWriter.create(db)) {
                for (String n : names) {
                    w.add(advisory(n));
                }
                w.finish(TestRecords.metadata());
            }
            try (VulnDb r = VulnDb.open(db)) {
                for (String n : names) {
                    assertThat(r.find(PackageKey.language(Ecosystem.GOLANG, n))).containsExactly(advisory(n));
                }
                for (String p : probes) {
                    if (p.trim().isBlank()) {
                        continue;
                    }
                    PackageKey k = PackageKey.language(Ecosystem.GOLANG, p);
                    assertThat(r.find(k)).hasSize(names.contains(k.name()) ? 1 : 0);
                }
            }
        } finally {
            Files.deleteIfExists(db);
            Files.delete(dir);
        }
    }

    private static Advisory advisory(String name) {
        return new Advisory("GO-" + name, Set.of(), "osv", PackageKey.language(Ecosystem.GOLANG, name), List.of(),
                List.of(), new FixState.NotFixed(), Optional.empty(), List.of(), name, List.of(), Optional.empty(),
                Optional.empty(), false);
    }
}

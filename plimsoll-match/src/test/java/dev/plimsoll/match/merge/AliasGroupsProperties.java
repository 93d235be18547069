package dev.plimsoll.match.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.match.merge.AliasGroups.Group;
import dev.plimsoll.match.merge.AliasGroups.Ids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Records generated from known vulnerabilities (each with a CVE; each record naming its own feed id plus the CVE
 * or the id of an earlier record of the same vulnerability; some bulletins naming several CVEs): grouping recovers
 * exactly the vulnerabilities, in any input order.
 */
class AliasGroupsProperties {

    private record Generated(List<Ids> records, List<Set<String>> truth) {
    }

    private static Generated generate(int vulns, int perVuln, int bulletins, long seed) {
        Random random = new Random(seed);
        List<Ids> records = new ArrayList<>();
        List<Set<String>> truth = new ArrayList<>(); // per record, the CVEs it belongs to
        for (int v = 0; v < vulns; v++) {
            String cve = "CVE-2024-" + (1000 + v);
            List<String> ids = new ArrayList<>(List.of(cve));
            for (int k = 0; k < perVuln; k++) {
                String id = List.of("GHSA", "PYSEC", "GO", "RUSTSEC").get(random.nextInt(4)) + "-" + v + "-" + k;
                String link = ids.get(random.nextInt(ids.size()));
                records.add(new Ids(id, link.equals(id) ? Set.of() : Set.of(link)));
                truth.add(Set.of(cve));
                ids.add(id);
            }
        }
        for (int b = 0; b < bulletins && vulns >= 2; b++) {
            Set<String> cves = new TreeSet<>();
            while (cves.size() < 2) {
                cves.add("CVE-2024-" + (1000 + random.nextInt(vulns)));
            }
            records.add(new Ids("DSA-" + b + "-1", cves));
            truth.add(cves);
        }
        return new Generated(records, truth);
    }

    /** For each CVE, the record ids in its group. */
    private static Map<String, Set<String>> partition(List<Ids> records, List<Group> groups) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Group g : groups) {
            Set<String> members = new TreeSet<>();
            g.members().forEach(i -> members.add(records.get(i).id()));
            assertThat(out.put(g.cve().orElseThrow(), members)).isNull(); // one group per CVE
        }
        return out;
    }

    @Property
    void groupsAreTheVulnerabilitiesWhateverTheOrder(@ForAll @IntRange(min = 1, max = 8) int vulns,
                                                     @ForAll @IntRange(min = 1, max = 4) int perVuln,
                                                     @ForAll @IntRange(max = 3) int bulletins, @ForAll long seed) {
        Generated g = generate(vulns, perVuln, bulletins, seed);
        Map<String, Set<String>> expected = new TreeMap<>();
        for (int i = 0; i < g.records().size(); i++) {
            for (String cve : g.truth().get(i)) {
                expected.computeIfAbsent(cve, c -> new TreeSet<>()).add(g.records().get(i).id());
            }
        }
        assertThat(partition(g.records(), AliasGroups.of(g.records()))).isEqualTo(expected);

        List<Ids> shuffled = new ArrayList<>(g.records());
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        assertThat(partition(shuffled, AliasGroups.of(shuffled))).isEqualTo(expected);
    }

    @Property
    void everyRecordIsInAGroupAndNoGroupHasTwoCves(@ForAll @IntRange(min = 1, max = 8) int vulns,
                                                  @ForAll @IntRange(min = 1, max = 4) int perVuln,
                                                  @ForAll @IntRange(max = 3) int bulletins, @ForAll long seed) {
        Generated g = generate(vulns, perVuln, bulletins, seed);
        List<Group> groups = AliasGroups.of(g.records());
        Set<Integer> seen = new HashSet<>();
        groups.forEach(gr -> seen.addAll(gr.members()));
        assertThat(seen).hasSize(g.records().size());
        for (Group gr : groups) {
            assertThat(gr.ids().stream().filter(AliasGroups::isCve).toList()).hasSize(1);
        }
    }
}

package dev.plimsoll.match.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups records that describe one vulnerability: union-find over each record's id and aliases, so GHSA ↔ CVE ↔
 * PYSEC ↔ GO ↔ RUSTSEC ↔ DSA/USN records about one flaw become one group.
 *
 * <p>Two guards keep distinct vulnerabilities apart. A bulletin naming several CVEs (DSA-5343-1 fixes five
 * OpenSSL CVEs at once, a USN may fix a dozen) is an umbrella, not an alias: it joins each of its CVEs' groups
 * and links none of them together. And a union that would put two different CVE ids in one group is refused.
 */
public final class AliasGroups {
    private AliasGroups() {
    }

    /** One record's identity. */
    public record Ids(String id, Set<String> aliases) {
        public Ids {
            Objects.requireNonNull(id);
            aliases = Set.copyOf(aliases);
        }

        Set<String> all() {
            Set<String> all = new TreeSet<>(aliases);
            all.add(id);
            return all;
        }
    }

    /**
     * One vulnerability.
     *
     * @param members the indices of the records in it; an umbrella record may be in several groups
     * @param cve     the group's CVE id, when it has one
     * @param ids     every id that names the group: members' ids and aliases (an umbrella contributes its own id
     *                only, not its other CVEs)
     */
    public record Group(List<Integer> members, Optional<String> cve, Set<String> ids) {
        public Group {
            members = List.copyOf(members);
            Objects.requireNonNull(cve);
            ids = Set.copyOf(ids);
        }
    }

    /** Groups in the order of their first member; deterministic for a given input order. */
    public static List<Group> of(List<Ids> records) {
        UnionFind uf = new UnionFind();
        List<List<String>> cvesOf = new ArrayList<>();
        for (Ids r : records) {
            List<String> cves = r.all().stream().filter(AliasGroups::isCve).toList();
            cvesOf.add(cves);
            if (cves.size() >= 2) {
                cves.forEach(uf::add);
            } else {
                String first = r.id();
                uf.add(first);
                for (String other : r.all()) {
                    uf.add(other);
                    uf.union(first, other);
                }
            }
        }
        Map<String, Building> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Ids r = records.get(i);
            List<String> cves = cvesOf.get(i);
            if (cves.size() >= 2) {
                for (String cve : cves) {
                    Building b = byRoot.computeIfAbsent(uf.find(cve), root -> new Building(uf.cveOf(root)));
                    b.add(i, Set.of(r.id(), cve));
                }
            } else {
                String root = uf.find(r.id());
                byRoot.computeIfAbsent(root, x -> new Building(uf.cveOf(x))).add(i, r.all());
            }
        }
        return byRoot.values().stream().map(Building::build).toList();
    }

    public static boolean isCve(String id) {
        return id.regionMatches(true, 0, "CVE-", 0, 4);
    }

    private static final class Building {
        private final Optional<String> cve;
        private final Set<Integer> members = new LinkedHashSet<>();
        private final Set<String> ids = new TreeSet<>();

        Building(Optional<String> cve) {
            this.cve = cve;
        }

        void add(int member, Set<String> memberIds) {
            members.add(member);
            ids.addAll(memberIds);
        }

        Group build() {
            return new Group(new ArrayList<>(members), cve, ids);
        }
    }

    /** Union-find over ids, each root knowing its group's CVE so that two CVEs are never joined. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, String> cve = new HashMap<>();

        void add(String id) {
            if (parent.putIfAbsent(id, id) == null && isCve(id)) {
                cve.put(id, id);
            }
        }

        String find(String id) {
            String root = id;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            String cur = id;
            while (!cur.equals(root)) { // path compression
                String next = parent.get(cur);
                parent.put(cur, root);
                cur = next;
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (ra.equals(rb)) {
                return;
            }
            String ca = cve.get(ra);
            String cb = cve.get(rb);
            if (ca != null && cb != null && !ca.equals(cb)) {
                return; // two different CVEs are two vulnerabilities, whatever links them
            }
            parent.put(rb, ra);
            if (ca == null && cb != null) {
                cve.put(ra, cb);
            }
        }

        Optional<String> cveOf(String root) {
            return Optional.ofNullable(cve.get(root));
        }
    }
}

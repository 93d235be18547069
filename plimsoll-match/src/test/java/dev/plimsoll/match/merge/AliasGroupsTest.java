package dev.plimsoll.match.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.match.merge.AliasGroups.Group;
import dev.plimsoll.match.merge.AliasGroups.Ids;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AliasGroupsTest {

    @Test
    void idsAndAliasesLinkTransitively() {
        List<Group> groups = AliasGroups.of(List.of(
                new Ids("PYSEC-2018-28", Set.of("CVE-2018-18074", "GHSA-x84v-xcm2-53pg")),
                new Ids("GHSA-x84v-xcm2-53pg", Set.of("CVE-2018-18074")),
                new Ids("GO-2022-1059", Set.of("GHSA-69ch-w2m2-3vjp")),
                new Ids("GHSA-69ch-w2m2-3vjp", Set.of("CVE-2022-32149")),
                new Ids("RUSTSEC-2020-0001", Set.of())));
        assertThat(groups).extracting(Group::members).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
        assertThat(groups).extracting(Group::cve).containsExactly(Optional.of("CVE-2018-18074"),
                Optional.of("CVE-2022-32149"), Optional.empty());
        assertThat(groups.get(1).ids()).containsExactlyInAnyOrder("GO-2022-1059", "GHSA-69ch-w2m2-3vjp",
                "CVE-2022-32149");
    }

    @Test
    void aBulletinOfSeveralCvesJoinsEachCvesGroupAndLinksNone() {
        List<Group> groups = AliasGroups.of(List.of(
                new Ids("DSA-5343-1", Set.of("CVE-2022-4304", "CVE-2023-0286")),
                new Ids("CVE-2023-0286", Set.of()),
                new Ids("GHSA-aaaa", Set.of("CVE-2022-4304"))));
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(Group::cve).containsExactlyInAnyOrder(Optional.of("CVE-2022-4304"),
                Optional.of("CVE-2023-0286"));
        Group a = groups.stream().filter(g -> g.cve().orElseThrow().equals("CVE-2022-4304")).findFirst().orElseThrow();
        assertThat(a.members()).containsExactlyInAnyOrder(0, 2);
        assertThat(a.ids()).containsExactlyInAnyOrder("DSA-5343-1", "CVE-2022-4304", "GHSA-aaaa");
    }

    @Test
    void twoCvesAreNeverJoinedThroughASharedId() {
        List<Group> groups = AliasGroups.of(List.of(
                new Ids("CVE-2021-1", Set.of("GHSA-shared")),
                new Ids("CVE-2021-2", Set.of("GHSA-shared"))));
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(Group::cve).containsExactly(Optional.of("CVE-2021-1"),
                Optional.of("CVE-2021-2"));
    }
}

package dev.plimsoll.vulndb.build.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisoryListParserTest {
    private final List<ListAdvisory> advisories = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private void parse(String text) throws IOException {
        new AdvisoryListParser().parse(new BufferedReader(new StringReader(text)), new AdvisoryListParser.Listener() {
            @Override
            public void advisory(ListAdvisory advisory) {
                advisories.add(advisory);
            }

            @Override
            public void problem(int line, String reason) {
                problems.add(line + ": " + reason);
            }
        });
    }

    @Test
    void readsHeaderCvesAndFixLines() throws IOException {
        parse("""
                [07 Jul 2011] DSA-2275-1 openoffice.org - buffer overflow
                	{CVE-2011-2685}
                	[squeeze] - openoffice.org 1:3.2.1-11+squeeze3
                	[lenny] - openoffice.org <not-affected> (Vulnerable code not present)
                """);

        assertThat(problems).isEmpty();
        ListAdvisory dsa = advisories.getFirst();
        assertThat(dsa.id()).isEqualTo("DSA-2275-1");
        assertThat(dsa.date()).contains(LocalDate.of(2011, 7, 7));
        assertThat(dsa.title()).isEqualTo("openoffice.org - buffer overflow");
        assertThat(dsa.cves()).containsExactly("CVE-2011-2685");
        assertThat(dsa.fixes()).extracting(ListFix::release, ListFix::sourcePackage, ListFix::fix).containsExactly(
                tuple("squeeze", "openoffice.org",
                        new FixState.Fixed(List.of("1:3.2.1-11+squeeze3"))),
                tuple("lenny", "openoffice.org",
                        new FixState.NotAffected("Vulnerable code not present")));
    }

    @Test
    void everyMarkerBecomesItsState() throws IOException {
        // <unfixed>, <end-of-life> and the urgency note are real (DSA-746-1, DSA-3699-1); <no-dsa>, <ignored> and
        // <postponed> belong to the CVE list's syntax and do not occur in the DSA list, so they are written here.
        parse("""
                [14 Jul 2005] DSA-746-1 phpgroupware - remote command execution
                	{CVE-2005-1921}
                	[woody] - phpgroupware <unfixed> (high)
                	[sarge] - phpgroupware 0.9.16.005-3.sarge0 (high)
                	NOTE: fixed in testing at time of DSA
                [25 Oct 2016] DSA-3699-1 virtualbox - end of life
                	[jessie] - virtualbox <end-of-life>
                [01 Jan 2020] DSA-9999-1 example - synthetic markers
                	[buster] - example <no-dsa> (Minor issue)
                	[stretch] - example <ignored>
                	[bullseye] - example <postponed>
                """);

        assertThat(problems).isEmpty();
        assertThat(advisories).hasSize(3);
        assertThat(advisories.get(0).fixes()).extracting(ListFix::fix, ListFix::urgency).containsExactly(
                tuple(new FixState.NotFixed(), Optional.of(Severity.HIGH)),
                tuple(new FixState.Fixed(List.of("0.9.16.005-3.sarge0")),
                        Optional.of(Severity.HIGH)));
        assertThat(advisories.get(1).fixes()).extracting(ListFix::fix)
                .containsExactly(new FixState.WontFix("end-of-life"));
        assertThat(advisories.get(1).cves()).isEmpty();
        assertThat(advisories.get(2).fixes()).extracting(ListFix::fix).containsExactly(
                new FixState.WontFix("no-dsa"), new FixState.WontFix("ignored"), new FixState.WontFix("postponed"));
    }

    @Test
    void spaceIndentationOldIdsAndNotesThatQuoteFixLines() throws IOException {
        // DSA-1304 (no revision, space-indented) and DSA-1906-1 (fix lines only inside NOTE comments), as written.
        parse("""
                [16 Jun 2007] DSA-1304 kernel-source-2.6.8 - several
                        {CVE-2005-4811 CVE-2006-4814}
                        [sarge] - kernel-source-2.6.8 2.6.8-16sarge7
                [11 Oct 2009] DSA-1906-1 clamav - end-of-life announcement
                        NOTE: [etch] - clamav <end-of-life> (upstream has discontinued providing virus signatures)
                """);

        assertThat(problems).isEmpty();
        assertThat(advisories).extracting(ListAdvisory::id).containsExactly("DSA-1304", "DSA-1906-1");
        assertThat(advisories.get(0).cves()).containsExactly("CVE-2005-4811", "CVE-2006-4814");
        assertThat(advisories.get(0).fixes()).hasSize(1);
        assertThat(advisories.get(1).fixes()).isEmpty();
    }

    @Test
    void malformedLinesAreReportedAndTheRestIsKept() throws IOException {
        parse("""
                	[bullseye] - orphan 1.0-1
                [29 Mar 2023] DSA-5380-1 xorg-server - security update
                	{CVE-2023-1393 BUG-1}
                	[bullseye] - xorg-server
                	[bullseye] - xorg-server <unknown-marker>
                	something else
                	[bullseye] - xorg-server 2:1.20.11-1+deb11u6
                not a header
                	[bullseye] - belongs-to-the-bad-header 1.0
                [31 Foo 2023] DSA-5381-1 bad-date - security update
                	{CVE-2023-0001
                """);

        assertThat(advisories).extracting(ListAdvisory::id).containsExactly("DSA-5380-1", "DSA-5381-1");
        assertThat(advisories.get(0).cves()).containsExactly("CVE-2023-1393");
        assertThat(advisories.get(0).fixes()).extracting(ListFix::fix)
                .containsExactly(new FixState.Fixed(List.of("2:1.20.11-1+deb11u6")));
        assertThat(advisories.get(1).date()).isEmpty();
        assertThat(problems).containsExactly(
                "1: annotation before the first advisory: [bullseye] - orphan 1.0-1",
                "3: DSA-5380-1: 'BUG-1' in the CVE list is not a CVE id",
                "4: DSA-5380-1: fix line without a version or marker: [bullseye] - xorg-server",
                "5: DSA-5380-1: '<unknown-marker>' is neither a version nor a known marker",
                "6: DSA-5380-1: unrecognised line: something else",
                "8: not an advisory header: not a header",
                "10: DSA-5381-1: date '31 Foo 2023' does not parse",
                "11: DSA-5381-1: CVE list without closing brace: {CVE-2023-0001");
    }
}

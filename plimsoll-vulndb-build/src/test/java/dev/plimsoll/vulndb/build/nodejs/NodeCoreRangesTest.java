package dev.plimsoll.vulndb.build.nodejs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Vulnerable/patched pairs from core/*.json in ../shared/vulndata. */
class NodeCoreRangesTest {

    @Test
    void eachLineIsClosedAtItsPatchedRelease() {
        // core/1.json
        assertThat(NodeCoreRanges.affected("8.x || 7.x || 4.x || 6.x || 5.x", "^8.1.4 || ^7.10.1 || ^4.8.4 || ^6.11.1"))
                .containsExactly("8.x >=8.0.0 <8.1.4", "7.x >=7.0.0 <7.10.1", "4.x <4.8.4",
                        "6.x >=5.0.0 <6.11.1", "5.x >=5.0.0 <6.11.1");
    }

    @Test
    void aRangeOverSeveralLinesLeavesOutEveryPatchedRegion() {
        // core/54.json: 6.14.4+ on 6.x, 8.11.4+ on 8.x and 10.9.0+ are patched; 7.x and 9.x never were.
        assertThat(NodeCoreRanges.affected("<= 10", "^6.14.4 || ^8.11.4 || >= 10.9.0")).containsExactly(
                "<=10 <6.14.4", "<=10 >=7.0.0 <8.11.4", "<=10 >=9.0.0 <10.9.0");
    }

    @Test
    void anAlternativeOutsideEveryPatchedLineIsKeptWhole() {
        // core/24.json: 6.x was fixed by 6.2.0 (the bound in the vulnerable range itself).
        assertThat(NodeCoreRanges.affected(">=6.0.0 <6.2.0 || 5.x || 4.x", "^4.4.6 || ^5.12.0")).containsExactly(
                ">=6.0.0 <6.2.0 >=6.0.0", "5.x >=5.0.0 <5.12.0", "4.x <4.4.6");
    }

    @Test
    void nothingPatchedKeepsTheVulnerableRangeAndAnUnreadablePatchKeepsItToo() {
        assertThat(NodeCoreRanges.affected("8.x || 9.x", "")).containsExactly("8.x", "9.x");
        assertThat(NodeCoreRanges.affected("8.x", "> 8.1.4")).containsExactly("8.x");
    }

    @Test
    void zeroLinesUseMinorVersions() {
        assertThat(NodeCoreRanges.affected("0.10.x || 0.12.x", "^0.10.48 || ^0.12.17")).containsExactly(
                "0.10.x <0.10.48", "0.10.x >=0.11.0 <0.12.17", "0.10.x >=0.13.0",
                "0.12.x <0.10.48", "0.12.x >=0.11.0 <0.12.17", "0.12.x >=0.13.0");
    }

    @Test
    void aFullyPatchedRangeLeavesNothing() {
        assertThat(NodeCoreRanges.affected("8.x", ">=8.0.0")).isEmpty();
    }
}

package dev.plimsoll.vulndb.build.rubysec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GemRequirementsTest {

    @Test
    void eachRequirementGivesTheVersionItsLowerBoundStartsAt() {
        // actiontext CVE-2024-47888, as written.
        assertThat(GemRequirements.fixVersions(List.of("~> 6.1.7.9", "~> 7.0.8, >= 7.0.8.5", "~> 7.1.4, >= 7.1.4.1",
                ">= 7.2.1.1"))).containsExactly("6.1.7.9", "7.0.8.5", "7.1.4.1", "7.2.1.1");
        assertThat(GemRequirements.fixVersions(List.of("= 2.2.10", "2.3.0"))).containsExactly("2.2.10", "2.3.0");
    }

    @Test
    void aRequirementWithoutAnInclusiveLowerBoundIsKeptAsWritten() {
        // activerecord CVE-2011-0448: "> 3.0.4" names the last unfixed version, not a fix.
        assertThat(GemRequirements.fixVersions(List.of("~> 2.3.11", "> 3.0.4")))
                .containsExactly("2.3.11", "> 3.0.4");
    }
}

package dev.plimsoll.match.severity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Base scores of well-known vectors (FIRST's calculators give the same), and the rating bands. */
class CvssScoresTest {

    @ParameterizedTest(name = "{0} → {2} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                         | 3.1 | 9.8
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                         | 3.0 | 9.8
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N                         | 3.1 | 7.5
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H                         | 3.1 | 10.0
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H                         | 3.1 | 7.5
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N      | 4.0 | 9.3
            AV:N/AC:L/Au:N/C:P/I:P/A:P                                           | 2.0 | 7.5
            (AV:N/AC:L/Au:N/C:C/I:C/A:C)                                         | 2.0 | 10.0
            """)
    void scoresComputedFromTheVector(String vector, String version, double score) {
        Cvss cvss = new Cvss("?", vector, Optional.empty(), "test");
        assertThat(CvssScores.versionOf(cvss)).isEqualTo(version);
        assertThat(CvssScores.score(cvss)).contains(new CvssScores.Scored(score, version));
    }

    @Test
    void theVectorWinsOverAPublishedScoreWhichIsOnlyAFallback() {
        Cvss wrongScore = new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Optional.of(5.0), "x");
        assertThat(CvssScores.score(wrongScore)).contains(new CvssScores.Scored(9.8, "3.1"));
        Cvss badVector = new Cvss("3.1", "CVSS:3.1/AV:N/AC:L", Optional.of(6.1), "x");
        assertThat(CvssScores.score(badVector)).contains(new CvssScores.Scored(6.1, "3.1"));
        assertThat(CvssScores.score(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L", Optional.empty(), "x"))).isEmpty();
        assertThat(CvssScores.score(new Cvss("3.1", "garbage", Optional.of(11.0), "x"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} under {1} → {2}")
    @CsvSource({
            "0.0, 3.1, UNKNOWN", "0.1, 3.1, LOW", "3.9, 3.1, LOW", "4.0, 3.1, MEDIUM", "6.9, 3.1, MEDIUM",
            "7.0, 3.1, HIGH", "8.9, 3.1, HIGH", "9.0, 3.1, CRITICAL", "10.0, 4.0, CRITICAL",
            "9.8, 2.0, HIGH", "3.9, 2.0, LOW", "4.0, 2.0, MEDIUM"})
    void ratingBands(double score, String version, Severity expected) {
        assertThat(CvssScores.rating(score, version)).isEqualTo(expected);
    }
}

package dev.plimsoll.version.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.plimsoll.version.InvalidVersionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs built to make backtracking patterns slow, at the largest size each parser accepts: they must be refused
 * or read quickly, in every mode.
 */
class NpmHostileInputTest {

    static List<String> hostileRanges() {
        int n = NpmRange.MAX_LENGTH;
        return List.of(
            "v ".repeat(n / 2),
            "= ".repeat(n / 2 - 2) + "1",
            "v=".repeat(n / 2 - 3) + "1.2",
            "1 - ".repeat(n / 4),
            "1.2.3-" + "a.".repeat(n / 2 - 5),
            "1.2.3-" + "0".repeat(n - 10) + "a",
            "1".repeat(n),
            "||".repeat(n / 2),
            "~ ".repeat(n / 2),
            "^".repeat(n),
            "<".repeat(n / 2) + "=".repeat(n / 2),
            "1.2.3+" + "a-".repeat(n / 2 - 4),
            "x.".repeat(n / 2 - 1) + "x",
            ">=1.2.3 ".repeat(n / 8),
            "1.2.3 - " + "v".repeat(n - 20) + "1.2.3",
            "*".repeat(n));
    }

    @ParameterizedTest
    @MethodSource("hostileRanges")
    void hostileRangesAreHandledQuickly(String range) {
        assertThat(range.length()).isLessThanOrEqualTo(NpmRange.MAX_LENGTH);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (boolean loose : new boolean[] {false, true}) {
                for (boolean included : new boolean[] {false, true}) {
                    try {
                        NpmRange.parse(range, new NpmRangeOptions(loose, included))
                            .test(NpmVersion.parse("1.2.3"));
                    } catch (InvalidVersionException e) {
                        assertThat(e.getMessage()).contains("npm range");
                    }
                }
            }
        });
    }

    static List<String> hostileVersions() {
        int n = NpmVersion.MAX_LENGTH;
        return List.of("v".repeat(n), "=".repeat(n - 5) + "1.2.3", " ".repeat(n - 6) + "1.2.3x",
            "1.2.3-" + "a.".repeat(n / 2 - 4) + "a", "1.2.3" + "-".repeat(n - 5), "1".repeat(n),
            "1.2.3-" + "1".repeat(n - 7) + ".", "v=\u00a0".repeat(n / 3) + "1");
    }

    @ParameterizedTest
    @MethodSource("hostileVersions")
    void hostileVersionsAreHandledQuickly(String version) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (boolean loose : new boolean[] {false, true}) {
                try {
                    NpmVersion.parse(version, loose);
                } catch (InvalidVersionException e) {
                    assertThat(e.getMessage()).contains("npm version");
                }
            }
        });
    }
}

package dev.plimsoll.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NuGet's interval notation, row by row from the "Version ranges" table of the documentation, each checked at
 * and around its bounds.
 */
class NuGetVersionRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // 1.0: x >= 1.0 (minimum version, inclusive)
        "1.0; 1.0; true", "1.0; 0.9.9; false", "1.0; 99.0; true", "1.0; 1.0.0-rc; false",
        // [1.0,): x >= 1.0
        "[1.0,); 1.0.0.0; true", "[1.0,); 0.9; false",
        // (1.0,): x > 1.0
        "(1.0,); 1.0; false", "(1.0,); 1.0.0.1; true", "(1.0,); 1.0.1-alpha; true",
        // [1.0]: x == 1.0
        "[1.0]; 1.0.0; true", "[1.0]; 1.0.0+meta; true", "[1.0]; 1.0.1; false", "[1.0]; 1.0.0-rc; false",
        // (,1.0]: x <= 1.0
        "(,1.0]; 1.0; true", "(,1.0]; 1.0.0.1; false", "(,1.0]; 0.0.0; true",
        // (,1.0): x < 1.0; pre-releases of 1.0 are below it
        "(,1.0); 1.0; false", "(,1.0); 0.9.9; true", "(,1.0); 1.0.0-rc.1; true",
        // [1.0,2.0]: 1.0 <= x <= 2.0
        "[1.0,2.0]; 1.0; true", "[1.0,2.0]; 2.0; true", "[1.0,2.0]; 2.0.0.1; false",
        // (1.0,2.0): 1.0 < x < 2.0
        "(1.0,2.0); 1.0; false", "(1.0,2.0); 1.5; true", "(1.0,2.0); 2.0; false", "(1.0,2.0); 2.0-beta; true",
        // [1.0,2.0): 1.0 <= x < 2.0
        "[1.0,2.0); 1.0; true", "[1.0,2.0); 1.99.99.99; true", "[1.0,2.0); 2.0; false",
        // whitespace, four parts, labels in any case, a blank bound
        "[ 1.0 , 2.0 ); 1.5; true", "[1.0.0.1, 1.0.0.3]; 1.0.0.2; true", "[1.0-RC.1, 1.0]; 1.0.0-rc.2; true",
        "(1.0,1.0); 1.0; false", "[ , ]; 5.0; true", "[1.0, ]; 0.5; false",
    })
    void matchesTheDocumentedIntervals(String range, String version, boolean expected)
            throws InvalidVersionException {
        assertThat(NuGetScheme.INSTANCE.constraint(range).contains(NuGetScheme.INSTANCE.parse(version)))
            .as(range + " contains " + version).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "(1.0)", "[1.0)", "(1.0]", "(,)", "[,]", "[]", "()", "[1.0,2.0,3.0]",
        "[2.0,1.0]", "[1.0,1.0)", "(1.0,1.0]", "[1.0", "1.0]", "(", "[", "1.*", "*", "[1.*,2.0)", "[1.0;2.0]",
        "[a,2.0]", ">=1.0", "1.0 - 2.0", "[1.0,2.0)x"})
    void refusesMalformedRanges(String range) {
        assertThatThrownBy(() -> NuGetVersionRange.parse(range)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("NuGet version");
    }

    @Test
    void boundsHostileInput() {
        assertThatThrownBy(() -> NuGetVersionRange.parse("[" + "1.".repeat(600) + "0]"))
            .hasMessageContaining("longer than");
        assertThatThrownBy(() -> NuGetVersion.parse("1.0-" + "a".repeat(300))).hasMessageContaining("longer than");
    }
}

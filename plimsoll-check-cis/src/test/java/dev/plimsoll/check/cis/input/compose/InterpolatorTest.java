package dev.plimsoll.check.cis.input.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {
    private static final Map<String, String> VARS = Map.of("SET", "value", "EMPTY", "", "TAG", "1.2");
    private static final Interpolator STRICT = new Interpolator(name -> Optional.ofNullable(VARS.get(name)), true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "$SET|value",
            "${SET}|value",
            "a-${SET}-b|a-value-b",
            "${UNSET:-dflt}|dflt",
            "${EMPTY:-dflt}|dflt",
            "${EMPTY-dflt}|''",
            "${UNSET-dflt}|dflt",
            "${SET:-dflt}|value",
            "${SET:+alt}|alt",
            "${EMPTY:+alt}|''",
            "${EMPTY+alt}|alt",
            "${UNSET:-${TAG}}|1.2",
            "${UNSET:-x${UNSET2:-y}z}|xyz",
            "$$SET|$SET",
            "cost: $$5|cost: $5",
            "img:${TAG}|img:1.2",
    })
    void substitutesAsComposeDoes(String text, String expected) throws Exception {
        assertThat(STRICT.interpolate(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${UNSET}|variable UNSET is not set and has no default",
            "$UNSET|variable UNSET is not set and has no default",
            "${UNSET:?say why}|required variable UNSET is missing a value: say why",
            "${EMPTY:?}|required variable EMPTY is missing a value",
            "${UNSET?gone}|required variable UNSET is missing a value: gone",
            "${SET|invalid interpolation format: unclosed ${",
            "${1X}|invalid interpolation format: ${ must be followed by a variable name",
            "${SET*secret}|invalid interpolation format: \"${SET*…}\" (expected :-, -, :?, ?, :+ or +)",
            "pa$5word|invalid interpolation format: \"$5\" (write $$ for a literal $)",
            "pass$|invalid interpolation format: a lone '$' at the end of the value (write $$ for a literal $)",
    })
    void refusesWhatComposeRefuses(String text, String message) {
        assertThatThrownBy(() -> STRICT.interpolate(text)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${EMPTY?x}|''"})
    void questionMarkWithoutColonAcceptsAnEmptyValue(String text, String expected) throws Exception {
        assertThat(STRICT.interpolate(text)).isEqualTo(expected);
    }
}

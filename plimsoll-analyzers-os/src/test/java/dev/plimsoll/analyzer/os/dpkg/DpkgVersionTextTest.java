package dev.plimsoll.analyzer.os.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgVersionTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0",
        "1.2-3+b1|1.2-3+b1",
        "0:1.0|1.0",
        "00:1.0-1|1.0-1",
        "2:1.2-3|2:1.2-3",
        "007:1.0|7:1.0",
        "'  3.0-1  '|3.0-1",
        "1.0-1-2|1.0-1-2",
        "1:2:3|1:2:3",
        "3.0.19-1~deb12u2|3.0.19-1~deb12u2",
        "abc|abc",
    })
    void printsAsDpkgDoes(String raw, String printed) {
        assertThat(DpkgVersionText.canonical(raw)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|version string is empty",
        "1.0 2|version string has embedded spaces",
        ":1.0|epoch in version is empty",
        "a:1.0|epoch in version is not a number",
        "99999999999:1.0|epoch in version is too big",
        "1:|nothing after colon in version number",
        "1.0-|revision number is empty",
        "-1|version number is empty",
    })
    void rejectsWhatDpkgRejects(String raw, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> DpkgVersionText.canonical(raw))
                .withMessage(message);
    }
}

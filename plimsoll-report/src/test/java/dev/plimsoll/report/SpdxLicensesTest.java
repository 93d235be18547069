package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxLicensesTest {
    private final SpdxLicenses spdx = SpdxLicenses.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MIT                                              | MIT                                              | true
            apache-2.0                                       | Apache-2.0                                       | true
            GPL-2.0+                                         | GPL-2.0+                                         | false
            MIT OR Apache-2.0                                | MIT OR Apache-2.0                                | false
            (MIT OR Apache-2.0) AND Zlib                     | (MIT OR Apache-2.0) AND Zlib                     | false
            ( MIT  OR Apache-2.0 )AND Zlib                   | (MIT OR Apache-2.0) AND Zlib                     | false
            GPL-2.0-only WITH linux-syscall-note             | GPL-2.0-only WITH Linux-syscall-note             | false
            MIT AND BSD-2-Clause AND GPL-2.0-or-later        | MIT AND BSD-2-Clause AND GPL-2.0-or-later        | false
            """)
    void normalisesValidExpressions(String declared, String expected, boolean singleId) {
        SpdxLicenses.Expression x = spdx.parse(declared).orElseThrow();

        assertThat(x.text()).isEqualTo(expected);
        assertThat(x.singleId()).isEqualTo(singleId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GPL-2+", "GPLv3+", "ASL 2.0", "MIT and BSD", "MIT or Apache-2.0", "public-domain",
            "Classpath-exception-2.0", "MIT WITH Apache-2.0", "(MIT", "MIT)", "MIT OR", "AND", "LicenseRef-foo",
            "MIT WITH", "", "  "})
    void rejectsWhatIsNotAnExpressionOfListedIds(String declared) {
        assertThat(spdx.parse(declared)).isEmpty();
    }

    @Test
    void knowsItsListVersion() {
        assertThat(spdx.listVersion()).matches("\\d+\\.\\d+");
        assertThat(spdx.isLicenseId("apache-2.0")).isTrue();
        assertThat(spdx.isLicenseId("Classpath-exception-2.0")).isFalse();
    }
}

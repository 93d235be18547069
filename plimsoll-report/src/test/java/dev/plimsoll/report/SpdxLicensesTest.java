package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    /** The list is read with plain string searches; a full parse of the same files must find the same ids. */
    @Test
    void readsWhatAFullParseOfTheLibrarysFilesReads() throws IOException {
        JsonNode list = resource("licenses/licenses.json");
        Map<String, String> licenses = new HashMap<>();
        for (JsonNode l : list.path("licenses")) {
            licenses.put(l.path("licenseId").asText().toLowerCase(Locale.ROOT), l.path("licenseId").asText());
        }
        Map<String, String> exceptions = new HashMap<>();
        for (JsonNode id : resource("spdx.schema.json").path("enum")) {
            String key = id.asText().toLowerCase(Locale.ROOT);
            if (!licenses.containsKey(key)) {
                exceptions.put(key, id.asText());
            }
        }

        assertThat(spdx.licenseIds()).isEqualTo(licenses);
        assertThat(spdx.exceptionIds()).isEqualTo(exceptions);
        String[] version = list.path("licenseListVersion").asText().split("\\.");
        assertThat(spdx.listVersion()).isEqualTo(version[0] + "." + version[1]);
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = SpdxLicenses.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return ReportJson.newMapper().readTree(in);
        }
    }
}

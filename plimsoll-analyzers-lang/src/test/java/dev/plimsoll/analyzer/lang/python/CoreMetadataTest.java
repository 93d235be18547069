package dev.plimsoll.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreMetadataTest {

    @Test
    void continuationLinesRepeatedFieldsAndCaseInsensitiveNames() {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 2.1\r\nNAME: pkg\r\nversion:  1.2 \r\n"
                + "License: line one\r\n        line two\r\nClassifier: A\r\nClassifier: B\r\n\r\nName: body\r\n");

        assertThat(m.first("Name")).contains("pkg");
        assertThat(m.first("Version")).contains("1.2");
        assertThat(m.first("License")).contains("line one\nline two");
        assertThat(m.all("classifier")).containsExactly("A", "B");
        assertThat(m.badLine()).isZero();
    }

    @Test
    void theHeaderEndsAtALineThatIsNotAField() {
        CoreMetadata m = CoreMetadata.parse("\uFEFFName: pkg\nthis is not a field\nVersion: 1\n");

        assertThat(m.first("Name")).contains("pkg");
        assertThat(m.first("Version")).isEmpty();
        assertThat(m.badLine()).isEqualTo(2);
    }

    @Test
    void emptyValuesAreAbsent() {
        CoreMetadata m = CoreMetadata.parse("Name:\nVersion: 1.0");

        assertThat(m.first("Name")).isEmpty();
        assertThat(m.first("Version")).contains("1.0");
        assertThat(m.all("Name")).isEqualTo(List.of(""));
    }
}

package dev.plimsoll.check.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The label-schema value formats (DL3052 to DL3058), value by value. */
class LabelSchemaFormatsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://example.com:8080/a/b?c=d#e", "mailto:team@example.com",
            "urn:isbn:0451450523", "https://[2001:db8::1]/x", "git+ssh://git@example.com/repo.git", "file:///etc/x"})
    void urls(String value) {
        assertThat(LabelSchemaFormats.isUrl(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "/docs", "https://exa mple.com", "https://example.com/%g0", "1http://x",
            "https://example.com/a#b#c", "https://exämple.com", "https://example.com/\"q\"", ""})
    void notUrls(String value) {
        assertThat(LabelSchemaFormats.isUrl(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31T12:00:00Z", "2024-01-31T12:00:00+01:00", "2024-01-31T12:00:00.5-00:00",
            "2024-02-29T23:59:59.123456789z", "2024-01-31t00:00:00Z"})
    void timestamps(String value) {
        assertThat(LabelSchemaFormats.isRfc3339(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31", "2024-01-31 12:00:00Z", "2023-02-29T12:00:00Z", "2024-01-31T24:00:00Z",
            "2024-1-31T12:00:00Z", "2024-01-31T12:00:00+0100", "2024-01-31T12:00:00", "24-01-31T12:00:00Z"})
    void notTimestamps(String value) {
        assertThat(LabelSchemaFormats.isRfc3339(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT", "Apache-2.0", "GPL-3.0-or-later", "0BSD", "GPL-2.0+", "LGPL-2.1-only"})
    void spdxIds(String value) {
        assertThat(LabelSchemaFormats.isSpdxId(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mit", "MIT OR Apache-2.0", "Apache 2.0", "LicenseRef-x", "(MIT)", " MIT", ""})
    void notSpdxIds(String value) {
        assertThat(LabelSchemaFormats.isSpdxId(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "10.20.30-rc.1+build.5", "1.0.0-0A.is.legal", "1.0.0+0.build.1-rc"})
    void semvers(String value) {
        assertThat(LabelSchemaFormats.isSemver(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", "1.2", "01.2.3", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3.4", ""})
    void notSemvers(String value) {
        assertThat(LabelSchemaFormats.isSemver(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "team+docker@example.com", "first.last@sub.example.co.uk", "\"a b\"@example.com",
            "x@[192.0.2.1]", "o'brien@example.ie"})
    void emails(String value) {
        assertThat(LabelSchemaFormats.isEmail(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"team", "team@", "@example.com", "Jane <jane@example.com>", "a..b@example.com",
            ".a@example.com", "a@-example.com", "a@example..com", "a b@example.com"})
    void notEmails(String value) {
        assertThat(LabelSchemaFormats.isEmail(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef0", "0123456789abcdef0123456789abcdef01234567"})
    void hashes(String value) {
        assertThat(LabelSchemaFormats.isGitHash(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "ABCDEF0", "abcdefg", "abcdef01"})
    void notHashes(String value) {
        assertThat(LabelSchemaFormats.isGitHash(value)).as(value).isFalse();
    }
}

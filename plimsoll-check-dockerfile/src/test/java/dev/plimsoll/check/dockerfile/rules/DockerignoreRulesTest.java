package dev.plimsoll.check.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** .dockerignore matching as Docker does it (cases after moby/patternmatcher's own tests). */
class DockerignoreRulesTest {
    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "**|file|true", "**/|file|true", "**|dir/file|true", "**/**|dir/file|true",
        "dir/**|dir/file|true", "dir/**|dir/dir2/file|true", "**/dir|dir|true", "**/dir|dir/file|true",
        "**/dir2/*|dir/dir2/file|true", "**/dir2/**|dir/dir2/dir3/file|true",
        "**file|file|true", "**file|dir/file|true", "**/file|dir/dir/file|true", "**/file*|dir/dir/file.txt|true",
        "**/file*.txt*|dir/dir/file.txt|true", "**/**/*.txt|dir/dir/file.txt|true",
        "**/**/*.txt2|dir/dir/file.txt|false", "**/*.txt|file.txt|true", "a**/*.txt|a/dir/dir/file.txt|true",
        "a/*.txt|a/dir/file.txt|false", "a/*.txt|a/file.txt|true", "a/*.txt**|a/file.txt|true",
        "a[b-d]e|ae|false", "a[b-d]e|ace|true", "a[^b-d]e|aze|true", ".*|.foo|true", ".*|foo|false",
        "abc.def|abcdef|false", "abc.def|abc.def|true", "abc?def|abcZdef|true", "abc?def|abcdef|false",
        "**/foo/bar|foo/bar|true", "**/foo/bar|dir/dir2/foo/bar|true", "abc/**|abc|false", "abc/**|abc/def|true",
        "**/.foo|.foo|true", "**/.foo|bar.foo|false", "a(b)c/def|a(b)c/def|true", "a(b)c/def|a(b)c/xyz|false",
        "dist/*.whl|dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl|true",
        "a\\*b|a*b|true", "a\\*b|ab|false", "a*/b|abc/b|true", "a*/b|a/c/b|false", "a?b|a/b|false",
        "*|.git|true", ".git/|.git|true", "/.git|.git|true", "./.git|.git/HEAD|true", ".git|src/.git|false",
        "*.pem|x.pem|true", "*.pem|certs/x.pem|false", "**/*.pem|certs/x.pem|true"
    })
    void oneExcludePattern(String pattern, String path, boolean excluded) {
        assertThat(DockerignoreRules.parse(pattern).excludes(path)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "**;!util/docker/web|util/docker/web/foo|false",
        "**;!util/docker/web;util/docker/web/foo|util/docker/web/foo|true",
        "**;!dist/*.whl|dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl|false",
        "docs;!docs/README.md|docs/README.md|false", "docs/*;!docs/README.md|docs/README.md|false",
        "!fileutils.go;*.go|fileutils.go|true", "*.go;!fileutils.go|fileutils.go|false",
        "*;!src;!package.json|.git|true", "*;!src;!package.json|src/app.js|false",
        "*;!.env*|.env|false",
        "# comment;.git|.git|true", "#.git|.git|false", "  .git  |.git|true", " ! .git ;.git|.git|true",
        ".env;!.env|.env|false"
    })
    void severalLines(String lines, String path, boolean excluded) {
        assertThat(DockerignoreRules.parse(lines.replace(';', '\n')).excludes(path)).isEqualTo(excluded);
    }

    @org.junit.jupiter.api.Test
    void regexCharactersAreLiteral() {
        assertThat(DockerignoreRules.parse("a.|)$(}+{bc").excludes("a.|)$(}+{bc")).isTrue();
        assertThat(DockerignoreRules.parse("a.|)$(}+{bc").excludes("aX|)$(}+{bc")).isFalse();
    }
}

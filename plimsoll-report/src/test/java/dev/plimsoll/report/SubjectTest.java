package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            debian:12                        | index.docker.io/library/debian | debian | 12
            library/debian                   | index.docker.io/library/debian | debian |
            bitnami/redis:7.2                | index.docker.io/bitnami/redis  | redis  | 7.2
            ghcr.io/org/team/app:1.0         | ghcr.io/org/team/app           | app    | 1.0
            localhost/app:dev                | localhost/app                  | app    | dev
            registry.local:5000/app          | registry.local:5000/app        | app    |
            registry.local:5000/app:2@sha256:ab | registry.local:5000/app     | app    | 2
            """)
    void splitsRepoTagsAsTheDockerCliDoes(String repoTag, String url, String name, String tag) {
        Subject.Reference ref = Subject.Reference.parse(repoTag);

        assertThat(ref.repositoryUrl()).isEqualTo(url);
        assertThat(ref.lastSegment()).isEqualTo(name);
        assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
    }

    @org.junit.jupiter.api.Test
    void anImageWithoutManifestDigestHasNoPurlButItsTagAsVersion() {
        Subject rocky = Subject.of(SampleScans.rockyImage().scan());

        assertThat(rocky.image()).isTrue();
        assertThat(rocky.purl()).isEmpty();
        assertThat(rocky.version()).contains("9");
    }

    @org.junit.jupiter.api.Test
    void aRootFilesystemIsAFilesystemSubject() {
        Subject rootfs = Subject.of(SampleScans.rootfs().scan());

        assertThat(rootfs.image()).isFalse();
        assertThat(rootfs.name()).isEqualTo("/srv/rootfs");
        assertThat(rootfs.version()).isEmpty();
    }
}

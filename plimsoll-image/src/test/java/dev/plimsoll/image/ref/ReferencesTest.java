package dev.plimsoll.image.ref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "debian, docker.io/library/debian:latest",
            "debian:12, docker.io/library/debian:12",
            "docker.io/library/debian:12, docker.io/library/debian:12",
            "index.docker.io/library/debian, docker.io/library/debian:latest",
            "bitnami/redis:7, docker.io/bitnami/redis:7",
            "localhost:5000/app, localhost:5000/app:latest",
            "localhost/app:1, localhost/app:1",
            "ghcr.io/org/app:v1, ghcr.io/org/app:v1",
            "app@sha256:abc, docker.io/library/app@sha256:abc"})
    void normalizesLikeDocker(String ref, String expected) {
        assertThat(References.normalize(ref)).isEqualTo(expected);
    }

    @Test
    void tagIsNotAPort() {
        assertThat(References.tag("localhost:5000/app")).isEmpty();
        assertThat(References.tag("localhost:5000/app:1")).contains("1");
        assertThat(References.tag("app:1@sha256:abc")).contains("1");
    }

    @Test
    void repoTagMatching() {
        assertThat(References.matchesRepoTag("docker.io/library/debian:12", "debian:12")).isTrue();
        assertThat(References.matchesRepoTag("debian:latest", "debian")).isTrue();
        assertThat(References.matchesRepoTag("debian:12", "12")).isTrue();
        assertThat(References.matchesRepoTag("debian:12", "debian")).isFalse();
        assertThat(References.matchesRepoTag("debian:12", "ubuntu:12")).isFalse();
    }

    @Test
    void refNameMatching() {
        assertThat(References.matchesRefName(Optional.of("latest"), Optional.empty(), "latest")).isTrue();
        assertThat(References.matchesRefName(Optional.of("example.com/app:2"), Optional.empty(), "2")).isTrue();
        assertThat(References.matchesRefName(Optional.of("3"), Optional.of("docker.io/library/alpine:3"),
                "alpine:3")).isTrue();
        assertThat(References.matchesRefName(Optional.of("3"), Optional.empty(), "alpine:3")).isFalse();
        assertThat(References.matchesRefName(Optional.empty(), Optional.empty(), "x")).isFalse();
    }
}

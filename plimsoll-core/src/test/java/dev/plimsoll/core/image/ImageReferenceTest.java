package dev.plimsoll.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String SHA = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nginx                               | docker.io       | library/nginx          | -      | -
            nginx:1.27                          | docker.io       | library/nginx          | 1.27   | -
            library/nginx:latest                | docker.io       | library/nginx          | latest | -
            bitnami/redis                       | docker.io       | bitnami/redis          | -      | -
            docker.io/nginx                     | docker.io       | library/nginx          | -      | -
            index.docker.io/library/nginx       | docker.io       | library/nginx          | -      | -
            localhost/app                       | localhost       | app                    | -      | -
            localhost:5000/team/app:v1          | localhost:5000  | team/app               | v1     | -
            gcr.io/distroless/static-debian12   | gcr.io          | distroless/static-debian12 | -  | -
            registry.example.com:443/a/b/c:1.0  | registry.example.com:443 | a/b/c         | 1.0    | -
            [::1]:5000/app:x                    | [::1]:5000      | app                    | x      | -
            my_registry__x/a-b---c.d            | docker.io       | my_registry__x/a-b---c.d | -    | -
            """)
    void normalisesAsDockerDoes(String ref, String registry, String repository, String tag, String digest) {
        ImageReference r = ImageReference.parse(ref);
        assertThat(r.registry()).isEqualTo(registry);
        assertThat(r.repository()).isEqualTo(repository);
        assertThat(r.tag().orElse(null)).isEqualTo(tag);
        assertThat(r.digest().orElse(null)).isEqualTo(digest);
    }

    @org.junit.jupiter.api.Test
    void keepsTagAndDigestTogether() {
        ImageReference r = ImageReference.parse("alpine:3.20@" + SHA);
        assertThat(r.tag()).contains("3.20");
        assertThat(r.digest()).contains(SHA);
        assertThat(r.canonical()).isEqualTo("docker.io/library/alpine:3.20@" + SHA);
        assertThat(r.familiar()).isEqualTo("alpine:3.20@" + SHA);
        assertThat(ImageReference.parse("quay.io/prometheus/node-exporter").familiar())
                .isEqualTo("quay.io/prometheus/node-exporter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nginx", "nginx:", "nginx:-bad", "nginx@sha256:abc", "a//b", "-a/b", "a/b-",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "bad host!/x", "nginx:tag@sha256:xyz"})
    void rejectsWhatDockerRejects(String ref) {
        assertThatThrownBy(() -> ImageReference.parse(ref))
                .isInstanceOf(ImageReference.InvalidReferenceException.class)
                .hasMessageContaining("invalid image reference");
    }

    @org.junit.jupiter.api.Test
    void uppercaseFirstComponentIsARegistryAsInDocker() {
        // Docker treats an uppercase first component as a domain ("Example/x" is not a Hub repository).
        assertThat(ImageReference.parse("Example/app").registry()).isEqualTo("Example");
    }
}

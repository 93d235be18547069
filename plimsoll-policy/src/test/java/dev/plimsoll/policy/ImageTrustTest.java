package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTrustTest {
    private static final String SHA = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nginx:1.27                              | docker.io                  | true
            nginx:1.27                              | index.docker.io            | true
            docker.io/bitnami/redis                 | registry-1.docker.io       | true
            quay.io/prometheus/node-exporter        | docker.io                  | false
            registry.example.com:5000/team/app      | registry.example.com:5000  | true
            registry.example.com/team/app           | registry.example.com:5000  | false
            gcr.io/distroless/static-debian12       | gcr.io/distroless          | true
            gcr.io/other/static                     | gcr.io/distroless          | false
            gcr.io/distroless-evil/x                | gcr.io/distroless          | false
            """)
    void judgesRegistriesAsDockerNamesThem(String ref, String trusted, boolean expected) {
        ImageTrust trust = new ImageTrust(List.of(trusted), List.of());
        assertThat(trust.registryTrusted(ImageReference.parse(ref))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            debian:bookworm-slim                    | debian:bookworm*           | true
            docker.io/library/debian:bookworm       | debian:bookworm*           | true
            debian:bullseye                         | debian:bookworm*           | false
            debian                                  | debian:latest              | true
            alpine:3.20                             | alpine                     | true
            bitnami/alpine:3.20                     | alpine                     | false
            gcr.io/distroless/java21-debian12:nonroot | gcr.io/distroless/*      | true
            gcr.io/distroless/java21-debian12       | gcr.io/*/java*             | true
            ubuntu:24.04                            | *                          | true
            ubuntu:24.04                            | ubuntu@sha256:*            | false
            """)
    void matchesBaseImagePatterns(String ref, String pattern, boolean expected) {
        assertThat(ImageTrust.matches(pattern, ImageReference.parse(ref))).isEqualTo(expected);
    }

    @Test
    void aDigestPatternNeedsThatDigest() {
        assertThat(ImageTrust.matches("ubuntu@" + SHA, ImageReference.parse("ubuntu:24.04@" + SHA))).isTrue();
        assertThat(ImageTrust.matches("ubuntu@sha256:*", ImageReference.parse("ubuntu@" + SHA))).isTrue();
    }

    @Test
    void emptyListsAllowEverything() {
        ImageReference any = ImageReference.parse("evil.example/x:latest");
        assertThat(ImageTrust.ANY.registryTrusted(any)).isTrue();
        assertThat(ImageTrust.ANY.baseAllowed(any)).isTrue();
    }

    private static ImageSummary image(String sourceKind, String name, List<String> tags, Optional<String> base) {
        return new ImageSummary(name, sourceKind, tags, Optional.empty(), Optional.empty(),
                new Platform("linux", "amd64", Optional.empty()), base);
    }

    @Test
    void anImageFromAnUntrustedRegistryIsAFinding() {
        ImageTrustCheck check = new ImageTrustCheck(new ImageTrust(List.of("registry.example.com"), List.of()));
        Target target = new Target(Target.Kind.IMAGE, "app.tar");

        List<Finding> untrusted = check.check(target,
                image("docker-archive", "app.tar", List.of("docker.io/team/app:1.0"), Optional.empty()));
        List<Finding> trusted = check.check(target, image("docker-archive", "app.tar",
                List.of("docker.io/team/app:1.0", "registry.example.com/team/app:1.0"), Optional.empty()));
        List<Finding> untagged = check.check(target, image("docker-archive", "app.tar", List.of(), Optional.empty()));

        assertThat(untrusted).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ImageTrustCheck.UNTRUSTED_REGISTRY);
            assertThat(((MisconfigurationFinding) f).message()).contains("team/app:1.0").contains("docker.io")
                    .contains("registry.example.com");
        });
        assertThat(trusted).as("one trusted reference is enough").isEmpty();
        assertThat(untagged).as("a file name is not a reference").isEmpty();
    }

    @Test
    void aBaseImageOutsideTheAllowedListIsAFinding() {
        ImageTrustCheck check = new ImageTrustCheck(new ImageTrust(List.of(), List.of("gcr.io/distroless/*")));
        Target target = new Target(Target.Kind.IMAGE, "app");

        assertThat(check.check(target, image("oci", "app", List.of(), Optional.of("docker.io/library/ubuntu:22.04"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo(ImageTrustCheck.BASE_NOT_ALLOWED);
                    assertThat(f.fingerprint()).isEqualTo(check.check(target, image("oci", "app", List.of(),
                            Optional.of("docker.io/library/ubuntu:22.04"))).get(0).fingerprint());
                });
        assertThat(check.check(target, image("oci", "app", List.of(),
                Optional.of("gcr.io/distroless/base-debian12:latest")))).isEmpty();
        assertThat(check.check(target, image("oci", "app", List.of(), Optional.empty())))
                .as("no recorded base image: nothing to judge").isEmpty();
    }
}

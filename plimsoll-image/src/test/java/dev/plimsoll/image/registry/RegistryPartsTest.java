package dev.plimsoll.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPartsTest {
    @TempDir
    Path dir;

    @Test
    void challengesAreParsedWithQuotedParameters() {
        Challenge c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/nginx:pull\"").orElseThrow();
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.param("realm")).contains("https://auth.docker.io/token");
        assertThat(c.param("service")).contains("registry.docker.io");
        assertThat(c.param("scope")).contains("repository:library/nginx:pull");
        assertThat(Challenge.parse("Basic realm=\"x\"").orElseThrow().scheme()).isEqualTo("basic");
        assertThat(Challenge.parse(" ")).isEmpty();
    }

    @Test
    void retryAfterIsSecondsOrADate() {
        assertThat(RegistryTransport.retryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(RegistryTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(RegistryTransport.retryAfter("soon")).isEmpty();
        assertThat(RegistryTransport.retryAfter(null)).isEmpty();
    }

    @Test
    void insecureHostsMatchWithOrWithoutTheirPort() {
        RegistrySettings s = RegistrySettings.defaults().withInsecureHosts(Set.of("reg.local", "10.0.0.1:5000"));
        assertThat(s.insecure("reg.local:443")).isTrue();
        assertThat(s.insecure("reg.local")).isTrue();
        assertThat(s.insecure("10.0.0.1:5000")).isTrue();
        assertThat(s.insecure("10.0.0.1:5001")).isFalse();
        assertThat(s.insecure("other.local")).isFalse();
    }

    @Test
    void dockerConfigAuthsAndIdentityTokens() throws Exception {
        String auth = Base64.getEncoder().encodeToString("me:pw-1".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"},"
                + "\"https://ghcr.io\":{\"identitytoken\":\"refresh-1\"}}}");
        CredentialSource c = DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString()), dir, List.of());
        assertThat(c.find("docker.io")).contains(new Credential.Basic("me", "pw-1"));
        assertThat(c.find("ghcr.io")).contains(new Credential.IdentityToken("refresh-1"));
        assertThat(c.find("quay.io")).isEmpty();
        assertThat(c.find("docker.io").orElseThrow().toString()).doesNotContain("pw-1");
    }

    @Test
    void aCredentialHelperIsAskedWithTheServerOnStdin() throws Exception {
        Path helper = dir.resolve("docker-credential-fake");
        Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 2\nread s\n[ \"$s\" = \"reg.example:5000\" ]"
                + " || exit 1\necho '{\"ServerURL\":\"reg.example:5000\",\"Username\":\"<token>\",\"Secret\":\"tok\"}'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\":\"fake\"}");
        CredentialSource c = DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString()), dir, List.of(dir));
        assertThat(c.find("reg.example:5000")).contains(new Credential.IdentityToken("tok"));
        assertThat(c.find("other.example")).isEmpty();
    }

    @Test
    void aBrokenConfigNamesTheFileButQuotesNothingOfIt() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"x\": {\"auth\": \"c2VjcmV0LXZhbHVl\" ");
        assertThatThrownBy(() -> DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString()), dir, List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config.json")
                .hasMessageNotContaining("c2VjcmV0LXZhbHVl");
        assertThat(DockerConfig.load(Map.of(), dir.resolve("nohome"), List.of()).find("docker.io"))
                .isEqualTo(Optional.empty());
    }
}

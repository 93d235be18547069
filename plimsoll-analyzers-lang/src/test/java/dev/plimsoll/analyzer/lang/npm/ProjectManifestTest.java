package dev.plimsoll.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectManifestTest {
    static ProjectManifest read(String json) throws IOException {
        return ProjectManifest.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theMainFixturesManifest() throws IOException {
        ProjectManifest m = ProjectManifest.read(new ByteArrayInputStream(LockFixtures.bytes("yarn-v1/package.json")));

        assertThat(m.name()).contains("plimsoll-fixture");
        assertThat(m.dependencies()).containsEntry("lodash-old", "npm:lodash@4.17.11").hasSize(5);
        assertThat(m.devDependencies()).isEqualTo(Map.of("chalk", "^2.4.2", "mkdirp", "0.5.5"));
        assertThat(m.scopeOf("mkdirp")).isEqualTo(LockGraph.Scope.DEV);
        assertThat(m.scopeOf("express")).isEqualTo(LockGraph.Scope.PROD);
        assertThat(m.scopeOf("not-there")).isEqualTo(LockGraph.Scope.PROD);
        assertThat(m.workspaces()).isEmpty();
    }

    @Test
    void optionalAndBothKindsAreProduction() throws IOException {
        ProjectManifest m = read("""
                {"optionalDependencies": {"o": "1"}, "dependencies": {"both": "1", "bad": 3},
                 "devDependencies": {"both": "1", "d": "2", "o": "1"}, "workspaces": {"packages": ["a/*", 4]}}""");

        assertThat(m.scopeOf("o")).isEqualTo(LockGraph.Scope.PROD);
        assertThat(m.scopeOf("both")).isEqualTo(LockGraph.Scope.PROD);
        assertThat(m.scopeOf("d")).isEqualTo(LockGraph.Scope.DEV);
        assertThat(m.dependencies()).doesNotContainKey("bad");
        assertThat(m.workspaces()).containsExactly("a/*");
        assertThat(m.name()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
        "packages/*, packages/tool, true",
        "packages/*, packages/tool/sub, false",
        "packages/*, packages, false",
        "./packages/*/, packages/tool, true",
        "packages/**, packages/a/b/c, true",
        "packages/**, packages, true",
        "**/tool, x/y/tool, true",
        "apps/web, apps/web, true",
        "apps/w?b, apps/web, true",
        "apps/w?b, apps/weeb, false",
        "apps/*-ui, apps/admin-ui, true",
        "apps/*-ui, apps/admin, false",
        "*, ., false"
    })
    void workspaceGlobs(String pattern, String path, boolean matches) {
        assertThat(ProjectManifest.Glob.matches(pattern, path)).isEqualTo(matches);
    }

    @Test
    void negatedWorkspaces() throws IOException {
        ProjectManifest m = read("{\"workspaces\": [\"packages/*\", \"!packages/old\"]}");

        assertThat(m.hasWorkspace("packages/new")).isTrue();
        assertThat(m.hasWorkspace("packages/old")).isFalse();
        assertThat(m.hasWorkspace("other")).isFalse();
    }

    @Test
    void notAnObject() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> read("{\"a\": ")).isInstanceOf(JsonProcessingException.class);
    }
}

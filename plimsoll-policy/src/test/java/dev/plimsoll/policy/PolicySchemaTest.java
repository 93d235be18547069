package dev.plimsoll.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy file's JSON Schema (shipped in the jar, for editors) agrees with what the loader accepts. */
class PolicySchemaTest {
    static Schema schema() throws IOException {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream("/plimsoll-policy.schema.json")) {
            JsonNode node = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(node);
        }
    }

    static List<String> errors(String yaml) throws IOException {
        return schema().validate(new YAMLMapper().readTree(yaml)).stream().map(Error::toString).toList();
    }

    @Test
    void theExamplePolicyIsValidAndLoads() throws IOException {
        String example;
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream("/policies/example.yaml")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(errors(example)).isEmpty();
        assertThat(PolicyFileTest.parse(example).ignores()).hasSize(3);
    }

    @Test
    void whatTheLoaderRefusesTheSchemaRefusesToo() throws IOException {
        assertThat(errors("ignore:\n  - id: CVE-1\n")).isNotEmpty(); // no reason
        assertThat(errors("ignore:\n  - reason: r\n")).isNotEmpty(); // no selector
        assertThat(errors("fail-on: SEVERE\n")).isNotEmpty();
        assertThat(errors("ignore-unfixd: true\n")).isNotEmpty();
        assertThat(errors("ignore:\n  - package: x\n    versions: '<1'\n    reason: r\n")).isNotEmpty();
        assertThat(errors("ignore:\n  - id: CVE-1\n    reason: r\n    expires: soon\n")).isNotEmpty();
        assertThat(errors("secrets:\n  rules:\n    - id: x\n")).isNotEmpty(); // no regex
        assertThat(errors("secrets:\n  allowlist:\n    commits: [main]\n")).isNotEmpty();
        assertThat(errors("secrets:\n  hash-key-env: 'not a name'\n")).isNotEmpty();
    }
}

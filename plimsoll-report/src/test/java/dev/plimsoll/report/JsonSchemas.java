package dev.plimsoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON Schema validation with networknt's validator (the one cyclonedx-core-java validates BOMs with), format
 * keywords asserted. Schemas come from the test classpath; none is fetched.
 */
final class JsonSchemas {
    private JsonSchemas() {
    }

    static Schema load(String resource, SpecificationVersion defaultDialect) {
        try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource + " on the classpath");
            }
            JsonNode node = ReportJson.newMapper().readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(defaultDialect,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}

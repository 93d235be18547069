package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON manifests: one object, or several concatenated as kubectl accepts them. Nesting, string and document length
 * are bounded by Jackson's read constraints; duplicate keys are an error as in YAML.
 */
final class JsonDocuments {
    private final ObjectMapper mapper;

    JsonDocuments(ManifestLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxDocumentChars())
                        .maxDocumentLength(limits.maxFileBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    List<YamlDocuments.Result> parse(String text) {
        List<YamlDocuments.Result> out = new ArrayList<>();
        int number = 0;
        try (JsonParser parser = mapper.createParser(text);
             MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(parser)) {
            while (values.hasNextValue()) {
                number++;
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode value = values.nextValue();
                out.add(new YamlDocuments.Parsed(new ManifestDocument(number, Math.max(line, 1), value, Map.of())));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            out.add(new YamlDocuments.Failed(number + (out.size() == number ? 1 : 0),
                    where == null ? 1 : Math.max(where.getLineNr(), 1), withoutTokens(e.getOriginalMessage())));
        } catch (IOException e) {
            out.add(new YamlDocuments.Failed(number + 1, 1, String.valueOf(e.getMessage())));
        }
        return out;
    }

    /** Jackson quotes the bad token; in a Secret manifest that token could be a credential, so it is dropped. */
    private static String withoutTokens(String message) {
        return String.valueOf(message).replaceAll("token '[^']*'", "token");
    }
}

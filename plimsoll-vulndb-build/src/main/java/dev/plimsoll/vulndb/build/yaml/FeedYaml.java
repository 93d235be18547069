package dev.plimsoll.vulndb.build.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Safe YAML reading for feed files (Alpine secdb, RubySec, FriendsOfPHP): YAML becomes a plain JSON tree and
 * nothing else. Jackson builds no objects from tags ({@code !!python/object} is read as its scalar), duplicate keys
 * and anchors/aliases are refused (feeds use neither; Jackson would silently turn an alias into the anchor's name),
 * and document size, nesting and string length are bounded. Only the first document of a stream is read.
 */
public final class FeedYaml {
    /** No feed file nests deeper than a handful of levels. */
    private static final int MAX_NESTING = 32;
    /** Longest scalar accepted: a long advisory description is a few kB. */
    private static final int MAX_STRING = 1024 * 1024;

    private final YAMLMapper mapper;

    /** @param maxCodePoints the largest document accepted, in characters (SnakeYAML's reader limit) */
    public FeedYaml(int maxCodePoints) {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(maxCodePoints);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setMaxAliasesForCollections(0);
        loader.setAllowDuplicateKeys(false);
        loader.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING)
                        .maxDocumentLength(maxCodePoints)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * The first document as a tree; {@link MissingNode} for an empty stream.
     *
     * @throws IOException (a {@link JsonParseException} for malformed YAML, a duplicate key or an alias)
     */
    public JsonNode read(byte[] content) throws IOException {
        try (JsonParser parser = new AliasRefusingParser(mapper.getFactory().createParser(content))) {
            JsonNode node = mapper.readTree(parser);
            return node == null ? MissingNode.getInstance() : node;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // SnakeYAML's own limits (code points, nesting) surface unwrapped.
            throw new IOException("YAML refused: " + e.getMessage(), e);
        }
    }

    /** Fails on an alias event: see the class comment. */
    private static final class AliasRefusingParser extends JsonParserDelegate {
        AliasRefusingParser(JsonParser yaml) {
            super(yaml);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new JsonParseException(this, "YAML alias '*" + yaml.getText() + "' refused: feeds use none");
            }
            return token;
        }
    }
}

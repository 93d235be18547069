package dev.plimsoll.image.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the JSON documents of an image (index, manifest, config, manifest.json): size-capped, digest-verified
 * when a digest names them, parsed strictly (duplicate keys and trailing garbage are errors, since two parsers
 * reading one manifest differently is how content-addressing is subverted).
 * <p>
 * The tree is built from jackson-core's streaming parser rather than through an ObjectMapper: building a mapper
 * loads most of jackson-databind and measured 175-300 ms of a cold start, where this path costs about 50 ms
 * (a 120 MB image scan has a budget of 600 ms in all).
 */
public final class JsonDocuments {
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\[Source: [^;]*; ");
    private final JsonFactory factory;
    private final long maxBytes;

    public JsonDocuments(long maxBytes) {
        this.factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.maxBytes = maxBytes;
    }

    /** A verified document whose root is a JSON object or array. */
    public record Document(String name, byte[] bytes, JsonNode root) {
    }

    /**
     * Reads, verifies and parses a document.
     *
     * @param image    the image name for messages
     * @param what     how messages name the document, e.g. "index.json" or "manifest sha256:…"
     * @param expected digest the bytes must have, when something names the document by digest
     */
    public Document read(String image, BlobSource source, String what, Optional<Digest> expected) {
        byte[] bytes = readBytes(image, source, what, expected);
        return new Document(what, bytes, parse(image, bytes, what));
    }

    /** Reads and verifies a document without parsing it. */
    public byte[] readBytes(String image, BlobSource source, String what, Optional<Digest> expected) {
        if (source.size() > maxBytes) {
            throw new ImageException(image, what + " is " + source.size()
                    + " bytes, more than the limit of " + maxBytes + " bytes for JSON documents");
        }
        try (InputStream raw = source.open()) {
            InputStream in = raw;
            DigestingInputStream digesting = null;
            if (expected.isPresent()) {
                digesting = new DigestingInputStream(raw, expected.get());
                in = digesting;
            }
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new ImageException(image, what + " is more than the limit of " + maxBytes
                        + " bytes for JSON documents");
            }
            if (digesting != null) {
                Digest actual = digesting.result();
                if (!actual.equals(expected.get())) {
                    throw new ImageException(image, "blob " + expected.get() + " (" + what
                            + ") does not match its digest: got " + actual);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new ImageException(image, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Parses bytes into a tree; malformed JSON is an error naming the document, line and column. */
    public JsonNode parse(String image, byte[] bytes, String what) {
        JsonNode root;
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ImageException(image, "malformed JSON in " + what + ": the document is empty");
            }
            root = tree(parser, first);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ImageException(image, "malformed JSON in " + what + " at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + ": trailing content after the document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ImageException(image, "malformed JSON in " + what + where + ": " + plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ImageException(image, "cannot parse " + what + ": " + e.getMessage(), e);
        }
        return root;
    }

    /** Jackson's message without its note on where source excerpts went. */
    private static String plain(String message) {
        return message == null ? "" : SOURCE_NOTE.matcher(message).replaceAll("[");
    }

    private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.set(name, tree(p, p.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(tree(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? nodes.numberNode(p.getBigIntegerValue()) : nodes.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(p, "unexpected token " + token);
        };
    }
}

package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.check.cis.audit.Parallel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Multi-document YAML to Jackson trees, bounded.
 *
 * <p>The stream is split at {@code ---} lines first, as kubectl's YAML reader does, and each document is parsed on
 * its own: a broken document is one problem and the documents after it are still read. SnakeYAML composes the node
 * graph (its code-point, nesting and alias limits apply) and this class expands aliases and merge keys into a tree
 * while counting every value it creates, so an alias bomb stops at {@link ManifestLimits#maxNodes()} instead of
 * exhausting memory. Jackson's own YAML parser is not used because it turns an alias into the anchor's name as a
 * string, which would silently change what a manifest says. Scalars are typed by YAML 1.1 rules (go-yaml v2, which
 * kubectl uses, does the same: {@code on} is a boolean, {@code 0644} an octal integer); duplicate keys are an error,
 * since the scanner and the cluster could otherwise read different values.
 */
final class YamlDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ManifestLimits limits;
    private final Resolver resolver = new Yaml11Resolver();

    YamlDocuments(ManifestLimits limits) {
        this.limits = limits;
    }

    /** Every document of {@code text} in order, each parsed or failed. */
    List<Result> parse(String text) {
        List<Piece> pieces = split(text);
        // Pieces are independent: each is parsed numbering its documents from zero (in parallel when there are
        // many), then the numbers are shifted by the documents before it.
        List<Chunk> parsed = Parallel.stream(pieces).map(piece -> {
            List<Result> results = new ArrayList<>();
            int documents = parseChunk(piece, 0, results);
            return new Chunk(results, documents);
        }).toList();
        List<Result> out = new ArrayList<>();
        int before = 0;
        for (Chunk chunk : parsed) {
            for (Result r : chunk.results()) {
                out.add(shifted(r, before));
            }
            before += chunk.documents();
        }
        return out;
    }

    /** Lines {@code [firstLine, …)} (0-based) of the stream: one or more documents, up to the next "---" line. */
    private record Piece(int firstLine, String text) {
    }

    /**
     * The stream cut before each "---" line but its first. One scan over the text, no copy of its lines: with the
     * parsing in parallel, splitting the stream was a third of the time a large manifest took to read.
     */
    private static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        int pieceStart = 0;
        int pieceLine = 0;
        int line = 0;
        int pos = 0;
        int n = text.length();
        while (true) {
            int end = pos;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (line > pieceLine && isSeparator(text, pos, end)) {
                pieces.add(new Piece(pieceLine, lines(text, pieceStart, pos)));
                pieceStart = pos;
                pieceLine = line;
            }
            if (end == n) {
                break;
            }
            pos = end + (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
            line++;
        }
        pieces.add(new Piece(pieceLine, lines(text, pieceStart, n)));
        return pieces;
    }

    /** {@code text[from, to)} with "\n" line breaks, ending in one. */
    private static String lines(String text, int from, int to) {
        String piece = text.substring(from, to);
        if (piece.indexOf('\r') >= 0) {
            piece = piece.replace("\r\n", "\n").replace('\r', '\n');
        }
        return piece.endsWith("\n") ? piece : piece + "\n";
    }

    private record Chunk(List<Result> results, int documents) {
    }

    private static Result shifted(Result result, int by) {
        if (by == 0) {
            return result;
        }
        return switch (result) {
            case Parsed p -> new Parsed(new ManifestDocument(p.document().number() + by, p.document().line(),
                    p.document().content(), p.document().objectLines()));
            case Failed f -> new Failed(f.number() + by, f.line(), f.reason());
        };
    }

    /** A parsed document or the reason it could not be, at a 1-based line. */
    sealed interface Result permits Parsed, Failed {
    }

    record Parsed(ManifestDocument document) implements Result {
    }

    record Failed(int number, int line, String reason) implements Result {
    }

    /** Whether the line {@code text[from, end)} is a document separator: "---", alone or before whitespace. */
    private static boolean isSeparator(String text, int from, int end) {
        return text.startsWith("---", from) && (end == from + 3 || Character.isWhitespace(text.charAt(from + 3)));
    }

    private int parseChunk(Piece piece, int number, List<Result> out) {
        String chunk = piece.text();
        int from = piece.firstLine();
        if (chunk.length() > limits.maxDocumentChars()) {
            out.add(new Failed(number + 1, from + 1, "document is larger than " + limits.maxDocumentChars()
                    + " characters"));
            return number + 1;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxDocumentChars());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        Composer composer = new Composer(new ParserImpl(new StreamReader(chunk), options),
                resolver, options);
        int lastLine = from + 1;
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                int line = from + node.getStartMark().getLine() + 1;
                lastLine = line;
                number++;
                Map<JsonNode, Integer> objectLines = new IdentityHashMap<>();
                JsonNode tree = new Converter(from, objectLines).convert(node, 0);
                out.add(new Parsed(new ManifestDocument(number, line, tree, objectLines)));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? lastLine : from + mark.getLine() + 1;
            out.add(new Failed(number + 1, line, describe(e, from)));
            return number + 1;
        } catch (YAMLException e) {
            out.add(new Failed(number + 1, lastLine, firstLine(e.getMessage())));
            return number + 1;
        } catch (ManifestSyntaxException e) {
            out.add(new Failed(number, e.line(), e.getMessage()));
        }
        return number;
    }

    /** SnakeYAML's problem, and where the construct it was parsing began (an unclosed bracket's line). */
    private static String describe(MarkedYAMLException e, int lineOffset) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (e.getContext() == null) {
            return problem;
        }
        return problem + " (" + e.getContext() + (e.getContextMark() == null ? ""
                : " started at line " + (lineOffset + e.getContextMark().getLine() + 1)) + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Expands one composed document into a tree, counting values so aliases cannot multiply without bound. */
    private final class Converter {
        private final int lineOffset;
        private final Map<JsonNode, Integer> objectLines;
        private int produced;

        Converter(int lineOffset, Map<JsonNode, Integer> objectLines) {
            this.lineOffset = lineOffset;
            this.objectLines = objectLines;
        }

        private int lineOf(Node node) {
            return lineOffset + node.getStartMark().getLine() + 1;
        }

        JsonNode convert(Node node, int depth) throws ManifestSyntaxException {
            if (++produced > limits.maxNodes()) {
                throw new ManifestSyntaxException("document expands to more than " + limits.maxNodes()
                        + " values (aliases repeated too often?)", lineOf(node));
            }
            if (depth > limits.maxDepth()) {
                throw new ManifestSyntaxException("document nests deeper than " + limits.maxDepth() + " levels",
                        lineOf(node));
            }
            return switch (node) {
                case ScalarNode scalar -> scalar(scalar);
                case SequenceNode sequence -> {
                    ArrayNode array = NODES.arrayNode();
                    for (Node item : sequence.getValue()) {
                        array.add(convert(item, depth + 1));
                    }
                    yield array;
                }
                case MappingNode mapping -> mapping(mapping, depth);
                default -> throw new ManifestSyntaxException("unsupported YAML node " + node.getNodeId(),
                        lineOf(node));
            };
        }

        private ObjectNode mapping(MappingNode mapping, int depth) throws ManifestSyntaxException {
            ObjectNode object = NODES.objectNode();
            objectLines.put(object, lineOf(mapping));
            List<Node> merged = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    merged.add(tuple.getValueNode());
                    continue;
                }
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new ManifestSyntaxException("a mapping key must be a scalar", lineOf(keyNode));
                }
                if (object.has(key.getValue())) {
                    throw new ManifestSyntaxException("duplicate key \"" + key.getValue() + "\"", lineOf(keyNode));
                }
                object.set(key.getValue(), convert(tuple.getValueNode(), depth + 1));
            }
            // Merge keys never override explicit keys; with a list of sources the earlier source wins.
            for (Node source : merged) {
                List<Node> sources = source instanceof SequenceNode s ? s.getValue() : List.of(source);
                for (Node each : sources) {
                    JsonNode from = convert(each, depth + 1);
                    if (!from.isObject()) {
                        throw new ManifestSyntaxException("a merge key (<<) must refer to a mapping", lineOf(each));
                    }
                    from.properties().forEach(e -> {
                        if (!object.has(e.getKey())) {
                            object.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
            return object;
        }

        private JsonNode scalar(ScalarNode scalar) {
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) {
                return NODES.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                String lower = text.toLowerCase(Locale.ROOT);
                return NODES.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
            }
            if (tag.equals(Tag.INT)) {
                BigInteger value = integer(text);
                if (value != null) {
                    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
                }
            }
            if (tag.equals(Tag.FLOAT)) {
                JsonNode value = decimal(text);
                if (value != null) {
                    return value;
                }
            }
            return NODES.textNode(text);
        }
    }

    /** A YAML 1.1 integer: sign, underscores, 0b binary, 0x hex, leading-0 octal, base-60; null if not one. */
    static BigInteger integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            BigInteger value;
            if (t.startsWith("0b")) {
                value = new BigInteger(t.substring(2), 2);
            } else if (t.startsWith("0x")) {
                value = new BigInteger(t.substring(2), 16);
            } else if (t.contains(":")) {
                value = BigInteger.ZERO;
                for (String part : t.split(":")) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else if (t.length() > 1 && t.startsWith("0")) {
                value = new BigInteger(t.substring(1), 8);
            } else {
                value = new BigInteger(t);
            }
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode decimal(String text) {
        String t = text.replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals(".nan")) {
            return NODES.numberNode(Double.NaN);
        }
        try {
            return NODES.numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

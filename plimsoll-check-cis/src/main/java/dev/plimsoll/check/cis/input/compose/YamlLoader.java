package dev.plimsoll.check.cis.input.compose;

import dev.plimsoll.check.cis.input.BoundedText;
import dev.plimsoll.check.cis.input.InvalidValueException;
import dev.plimsoll.check.cis.input.compose.YamlNode.Mapping;
import dev.plimsoll.check.cis.input.compose.YamlNode.Position;
import dev.plimsoll.check.cis.input.compose.YamlNode.Scalar;
import dev.plimsoll.check.cis.input.compose.YamlNode.Sequence;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads one YAML document into {@link YamlNode}s with lines. SnakeYAML's node graph is used rather than
 * jackson-dataformat-yaml, which keeps {@code <<} as an ordinary key instead of applying YAML merge keys; merges
 * are applied here. Aliases are expanded under a node budget, so an alias bomb ("billion laughs") fails with a
 * clear error instead of exhausting memory, and a recursive alias is refused.
 */
final class YamlLoader {
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Values once aliases are expanded: every later walk of the tree is bounded by this. */
    static final int MAX_NODES = 500_000;
    /** SnakeYAML's own count of aliases to collections; generous, as the expansion itself is bounded above. */
    private static final int MAX_ALIASES = 10_000;
    private static final int MAX_DEPTH = 64;

    /** A document that is not YAML, or too big, deep or self-referential to be a configuration file. */
    static final class YamlException extends Exception {
        final int line;

        YamlException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private final String fileName;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    /** An aliased node is converted once and shared; its expanded size still counts each time it is used. */
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    private final Map<Node, Integer> expandedSize = new IdentityHashMap<>();
    private int nodes;

    private YamlLoader(String fileName) {
        this.fileName = fileName;
    }

    static YamlNode load(Path file, String fileName) throws IOException, YamlException {
        try {
            return load(BoundedText.read(file, MAX_FILE_BYTES), fileName);
        } catch (InvalidValueException e) {
            throw new YamlException(e.getMessage(), 0);
        }
    }

    static YamlNode load(String text, String fileName) throws YamlException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new DumperOptions()), new DumperOptions(), options);
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new YamlException("not valid YAML: " + (e.getContext() != null ? e.getContext() + ", " : "")
                    + problem, mark == null ? 0 : mark.getLine() + 1);
        } catch (YAMLException e) {
            throw new YamlException("not valid YAML: " + e.getMessage(), 0);
        } catch (IOException e) {
            throw new YamlException(e.getMessage(), 0);
        }
        if (root == null) {
            throw new YamlException("empty document", 0);
        }
        return new YamlLoader(fileName).convert(root);
    }

    private Position position(Node node) {
        return new Position(fileName, node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1);
    }

    private YamlNode convert(Node node) throws YamlException {
        YamlNode done = converted.get(node);
        if (done != null) {
            count(expandedSize.get(node), node);
            return done;
        }
        if (inProgress.containsKey(node)) {
            throw new YamlException("recursive alias: a value that contains itself", position(node).line());
        }
        int before = nodes;
        count(1, node);
        inProgress.put(node, true);
        try {
            YamlNode result = switch (node) {
                case ScalarNode scalar -> new Scalar(scalar.getValue(),
                        scalar.getTag().equals(Tag.NULL), scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN,
                        position(node));
                case SequenceNode sequence -> {
                    List<YamlNode> items = new ArrayList<>();
                    for (Node item : sequence.getValue()) {
                        items.add(convert(item));
                    }
                    yield new Sequence(items, position(node));
                }
                case MappingNode mapping -> mapping(mapping);
                default -> throw new YamlException("unsupported YAML node", position(node).line());
            };
            converted.put(node, result);
            expandedSize.put(node, nodes - before);
            return result;
        } finally {
            inProgress.remove(node);
        }
    }

    private void count(int size, Node node) throws YamlException {
        nodes += size;
        if (nodes > MAX_NODES) {
            throw new YamlException("more than " + MAX_NODES + " values once aliases are expanded (an alias bomb?)",
                    position(node).line());
        }
    }

    /** Explicit keys win over merged ones; of several merged mappings, the first that has a key wins. */
    private Mapping mapping(MappingNode mapping) throws YamlException {
        Map<String, YamlNode> own = new LinkedHashMap<>();
        Map<String, YamlNode> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
                for (Mapping source : mergeSources(tuple.getValueNode())) {
                    source.entries().forEach(merged::putIfAbsent);
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw new YamlException("a mapping key must be a plain value", position(keyNode).line());
            }
            if (own.containsKey(key.getValue())) {
                throw new YamlException("duplicate key \"" + key.getValue() + "\"", position(keyNode).line());
            }
            own.put(key.getValue(), convert(tuple.getValueNode()));
        }
        Map<String, YamlNode> all = new LinkedHashMap<>(merged);
        all.putAll(own);
        return new Mapping(all, position(mapping));
    }

    private List<Mapping> mergeSources(Node value) throws YamlException {
        List<Mapping> sources = new ArrayList<>();
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                sources.add(mergeSource(item));
            }
        } else {
            sources.add(mergeSource(value));
        }
        return sources;
    }

    private Mapping mergeSource(Node node) throws YamlException {
        if (convert(node) instanceof Mapping m) {
            return m;
        }
        throw new YamlException("a merge key (<<) needs a mapping or a list of mappings", position(node).line());
    }

    static final Set<String> TRUE_WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On",
            "ON");
    static final Set<String> FALSE_WORDS = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
            "OFF");
}

package dev.plimsoll.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.plimsoll.core.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML (or JSON) document as a tree whose every node knows its line, so that an error in a policy file can name
 * the line a user must fix; Jackson's own trees forget where they came from.
 */
sealed interface Located {
    int line();

    record Scalar(String text, boolean isNull, int line) implements Located {
    }

    record Sequence(List<Located> items, int line) implements Located {
    }

    record Mapping(Map<String, Located> fields, Map<String, Integer> keyLines, int line) implements Located {
        Optional<Located> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }
    }

    /** Bounds for a hand-written file: far above any real policy, far below what could hurt. */
    int MAX_DEPTH = 32;
    long MAX_BYTES = 8L * 1024 * 1024;

    static Located parse(InputStream in, String file) {
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(MAX_BYTES).build())
                .build();
        try (YAMLParser p = factory.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Mapping(Map.of(), Map.of(), 1);
            }
            Located root = read(p, file, 0);
            if (p.nextToken() != null) {
                throw Errors.at(file, line(p), "more than one YAML document; a policy file holds one");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Errors.at(file, yamlLine(e), "not valid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Located read(JsonParser p, String file, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw Errors.at(file, line(p), "nested more than " + MAX_DEPTH + " levels");
        }
        int line = line(p);
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Located> fields = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (fields.containsKey(key)) {
                        throw Errors.at(file, keyLine, "'" + key + "' given twice");
                    }
                    p.nextToken();
                    fields.put(key, read(p, file, depth + 1));
                    keyLines.put(key, keyLine);
                }
                yield new Mapping(fields, keyLines, line);
            }
            case START_ARRAY -> {
                List<Located> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, depth + 1));
                }
                yield new Sequence(items, line);
            }
            case VALUE_NULL -> new Scalar("", true, line);
            default -> new Scalar(p.getText(), false, line);
        };
    }

    /** SnakeYAML's own mark ("line 2, column 1") where it gives one: Jackson's location lags behind it. */
    private static int yamlLine(com.fasterxml.jackson.core.JsonProcessingException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column").matcher(
                String.valueOf(e.getOriginalMessage()));
        int line = 0;
        while (m.find()) {
            line = Integer.parseInt(m.group(1));
        }
        return line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** SnakeYAML's message without its source excerpts and carets. */
    private static String oneLine(String message) {
        return String.join("; ", String.valueOf(message).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in '") && !l.equals("^")).toList());
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}

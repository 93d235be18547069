package dev.plimsoll.check.secrets.generic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.filter.KeyNames;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes Secret manifests (YAML): every value under {@code data:} is base64-decoded, every value under
 * {@code stringData:} taken as is, and the result scanned again (a decoded value may be a provider token, a PEM key,
 * a whole config file). A single-line value that no rule names is reported as the Secret's own finding, unless its
 * key names something else than a secret (username, host, port…) or the value is a placeholder.
 * JSON manifests ({@code kubectl get secret -o json}, a {@code List} of objects) are read with a streaming JSON
 * parser, so only objects whose own {@code kind} is Secret count, whatever the order of their fields.
 */
public final class KubernetesSecrets implements Detector {
    static final RuleInfo RULE = RuleInfo.generic("kubernetes-secret", "Value in a Kubernetes Secret manifest",
            Severity.HIGH, RuleInfo.DECODED);

    private static final Pattern KIND = Pattern.compile("(?m)^kind:[ \\t]*[\"']?Secret[\"']?[ \\t]*(?:#.*)?$");
    private static final Pattern SECTION = Pattern.compile("(?m)^([ \\t]*)(data|stringData):[ \\t]*(?:#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^([ \\t]+)[\"']?([\\w.\\-]+)[\"']?:[ \\t]*(.*)$");
    private static final Pattern DOC = Pattern.compile("(?m)^---.*$");
    private static final Pattern JSON_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"Secret\"");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    public List<String> keywords() {
        return List.of("kind: secret", "kind: \"secret\"", "kind: 'secret'", "kind:secret", "\"kind\": \"secret\"",
                "\"kind\":\"secret\"");
    }

    @Override
    public int span() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        String s = text.text();
        if (looksLikeJson(s, from, to)) {
            if (JSON_KIND.matcher(s).region(from, to).find()) {
                json(s, from, to, out);
            }
            return;
        }
        Matcher docs = DOC.matcher(s);
        docs.region(from, to);
        int docStart = from;
        while (true) {
            boolean more = docs.find();
            int docEnd = more ? docs.start() : to;
            document(s, docStart, docEnd, out);
            if (!more) {
                break;
            }
            docStart = docs.end();
        }
    }

    private void document(String s, int start, int end, List<Candidate> out) {
        if (!KIND.matcher(s).region(start, end).find()) {
            return;
        }
        Matcher sec = SECTION.matcher(s);
        sec.region(start, end);
        while (sec.find()) {
            boolean encoded = sec.group(2).equals("data");
            int parentIndent = sec.group(1).length();
            int pos = sec.end() + 1;
            while (pos < end) {
                int le = s.indexOf('\n', pos);
                if (le < 0 || le > end) {
                    le = end;
                }
                String line = s.substring(pos, le);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    pos = le + 1;
                    continue;
                }
                Matcher e = ENTRY.matcher(line);
                if (!e.matches() || e.group(1).length() <= parentIndent) {
                    break;
                }
                int indent = e.group(1).length();
                String key = e.group(2);
                String raw = e.group(3).strip();
                int vs = pos + e.start(3);
                int next = le + 1;
                String value;
                int ve;
                if (raw.startsWith("|") || raw.startsWith(">")) {
                    StringBuilder block = new StringBuilder();
                    int bs = next;
                    ve = bs;
                    while (next < end) {
                        int nle = s.indexOf('\n', next);
                        if (nle < 0 || nle > end) {
                            nle = end;
                        }
                        String bl = s.substring(next, nle);
                        if (!bl.isBlank() && indentOf(bl) <= indent) {
                            break;
                        }
                        block.append(bl.strip()).append('\n');
                        ve = nle;
                        next = nle + 1;
                    }
                    vs = bs;
                    value = raw.startsWith(">") ? block.toString().replace('\n', ' ').strip()
                            : block.toString().stripTrailing();
                } else {
                    value = unquote(raw);
                    ve = pos + e.end(3);
                }
                pos = next;
                candidate(key, value, encoded, vs, ve).ifPresent(out::add);
            }
        }
    }

    private static boolean looksLikeJson(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** One open JSON object or array while streaming; an object that is a Secret's data or stringData knows it. */
    private static final class Frame {
        final boolean object;
        final Frame sectionOf;
        final boolean encoded;
        String field;
        String kind;
        final List<Candidate> pending = new java.util.ArrayList<>();

        Frame(boolean object, Frame sectionOf, boolean encoded) {
            this.object = object;
            this.sectionOf = sectionOf;
            this.encoded = encoded;
        }
    }

    private void json(String s, int from, int to, List<Candidate> out) {
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        try (JsonParser p = JSON.createParser(new java.io.StringReader(s.substring(from, to)))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                Frame top = stack.peek();
                switch (t) {
                    case START_OBJECT -> {
                        boolean section = top != null && top.object && top.sectionOf == null
                                && ("data".equals(top.field) || "stringData".equals(top.field));
                        stack.push(new Frame(true, section ? top : null, section && "data".equals(top.field)));
                    }
                    case START_ARRAY -> stack.push(new Frame(false, null, false));
                    case END_OBJECT -> {
                        Frame done = stack.pop();
                        if (done.sectionOf == null && "Secret".equals(done.kind)) {
                            out.addAll(done.pending);
                        }
                    }
                    case END_ARRAY -> stack.pop();
                    case FIELD_NAME -> top.field = p.currentName();
                    case VALUE_STRING -> {
                        if (top == null || !top.object) {
                            break;
                        }
                        if (top.sectionOf == null && "kind".equals(top.field)) {
                            top.kind = p.getText();
                        } else if (top.sectionOf != null) {
                            int start = from + (int) p.currentTokenLocation().getCharOffset() + 1;
                            String value = p.getText();
                            int end = from + (int) p.currentLocation().getCharOffset() - 1;
                            candidate(top.field, value, top.encoded, start, Math.max(start, end))
                                    .ifPresent(top.sectionOf.pending::add);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON after all, or cut off: the other detectors still read the text as it is
        }
    }

    private static java.util.Optional<Candidate> candidate(String key, String value, boolean encoded, int vs, int ve) {
        if (value.isEmpty() || ve <= vs) {
            return java.util.Optional.empty();
        }
        String decoded = encoded ? Decoding.base64(value.replaceAll("\\s+", "")) : value;
        if (decoded == null) {
            return java.util.Optional.empty();
        }
        String secret = decoded.strip();
        boolean single = secret.indexOf('\n') < 0;
        boolean report = single && !namesSomethingElse(key)
                && Values.reject(secret, KeyNames.Kind.PASSWORD, false, false).isEmpty();
        return java.util.Optional.of(new Candidate(RULE, vs, ve, secret, value, decoded, report,
                (encoded ? "base64-decoded from" : "from") + " Kubernetes Secret " + (encoded ? "data" : "stringData")
                        + " key '" + key + "'"));
    }

    /** A key like "username", "host" or "port": the Secret holds it, but it is not the secret. */
    private static boolean namesSomethingElse(String key) {
        KeyNames.Kind kind = KeyNames.classify(key);
        if (kind != KeyNames.Kind.NONE) {
            return false;
        }
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.matches(".*(user|username|login|email|host|hostname|port|database|db|dbname|name|url|uri|endpoint|"
                + "region|namespace|bucket|account|project|id|domain|server|path|cluster|version|ca\\.crt|tls\\.crt|"
                + "cert|crt|pub)$");
    }

    private static String unquote(String raw) {
        String r = raw;
        int hash = r.indexOf(" #");
        if (hash >= 0 && !(r.startsWith("\"") || r.startsWith("'"))) {
            r = r.substring(0, hash).strip();
        }
        if (r.length() >= 2 && (r.startsWith("\"") && r.endsWith("\"") || r.startsWith("'") && r.endsWith("'"))) {
            return r.substring(1, r.length() - 1);
        }
        return r;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}

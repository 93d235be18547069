package dev.plimsoll.analyzer.lang.npm;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yarn.lock: Yarn Berry's (2 and later, YAML starting with {@code __metadata}, read by {@link YarnBerryLock}) or
 * Yarn 1's own text format, read here:
 *
 * <pre>
 * # yarn lockfile v1
 *
 * "@babel/highlight@^7.12.13", "@babel/highlight@^7.10.4":
 *   version "7.25.9"
 *   resolved "https://registry.yarnpkg.com/@babel/highlight/-/highlight-7.25.9.tgz#8141ce…"
 *   integrity sha512-llL88J…
 *   dependencies:
 *     chalk "^2.4.2"
 * </pre>
 *
 * Each entry is keyed by the descriptors ("name@range") that resolved to it; a dependency "chalk "^2.4.2"" names
 * the entry keyed "chalk@^2.4.2". Yarn 1 records no dev flag and no importers: those come from the project's
 * package.json. An alias ("lodash-old@npm:lodash@4.17.11") names the real package; "link:" and "file:" entries are
 * the project's own folders.
 */
final class YarnLock {
    static final String FORMAT = "yarn.lock";
    private static final int SNIFF_BYTES = 64 * 1024;
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A file with more broken lines than this is not a yarn.lock gone slightly wrong. */
    static final int MAX_FAULTS = 1000;
    private static final Pattern HEADER = Pattern.compile("#\\s*yarn lockfile v(\\d+)\\s*");

    private YarnLock() {
    }

    static LockGraph read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        if (isBerry(UntrustedText.decode(head))) {
            return YarnBerryLock.read(buffered);
        }
        return new V1Parser(new BufferedReader(new InputStreamReader(buffered, StandardCharsets.UTF_8))).parse();
    }

    /** Berry writes "__metadata:" as the first key, after its comment header; Yarn 1 never has it. */
    static boolean isBerry(String head) {
        for (String line : head.split("\n", -1)) {
            String s = line.replace("\uFEFF", "").strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            return s.equals("__metadata:");
        }
        return false;
    }

    /** The package name of a descriptor or locator "name@range" ("@scope/name@range"), or empty. */
    static Optional<String> nameOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at > 0 ? Optional.of(descriptor.substring(0, at)) : Optional.empty();
    }

    /** The range of a descriptor, "" when there is none. */
    static String rangeOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at > 0 ? descriptor.substring(at + 1) : "";
    }

    private static final class V1Parser {
        private final BufferedReader reader;
        private final LockGraph.Builder graph = new LockGraph.Builder(FORMAT);
        private int lineNo;
        private Entry entry;
        /** After a broken header, the indented lines below it belong to no entry and are skipped quietly. */
        private boolean skipping;

        private static final class Entry {
            final List<String> descriptors;
            final int line;
            String version;
            String resolved;
            String integrity;
            String map;
            final List<String[]> dependencies = new ArrayList<>();

            Entry(List<String> descriptors, int line) {
                this.descriptors = descriptors;
                this.line = line;
            }
        }

        V1Parser(BufferedReader reader) {
            this.reader = reader;
        }

        LockGraph parse() throws IOException {
            String line;
            while ((line = nextLine()) != null && !graph.full()) {
                if (line.isBlank()) {
                    continue;
                }
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                String content = line.substring(indent).stripTrailing();
                if (content.startsWith("#")) {
                    header(content);
                } else if (content.startsWith("\t")) {
                    fault("indented with a tab");
                } else if (indent == 0) {
                    finish();
                    startEntry(content);
                } else if (entry == null) {
                    if (!skipping) {
                        fault("an indented line outside any entry");
                    }
                } else if (indent == 2) {
                    field(content);
                } else if (indent == 4 && entry.map != null) {
                    mapItem(content);
                } else {
                    fault("unexpected indentation of " + indent + " spaces");
                }
            }
            if (graph.full()) {
                graph.truncate(); // the entry being read and those after it are left out
            } else {
                finish();
            }
            return graph.build();
        }

        /** The next line without its end, or null at the end; an overlong line is a fault and cut. */
        private String nextLine() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            boolean overlong = false;
            while ((c = reader.read()) >= 0 && c != '\n') {
                if (sb.length() < MAX_LINE_CHARS) {
                    sb.append((char) c);
                } else {
                    overlong = true;
                }
            }
            if (c < 0 && sb.isEmpty()) {
                return null;
            }
            lineNo++;
            if (overlong) {
                fault("line longer than " + MAX_LINE_CHARS + " characters");
                return "";
            }
            int end = sb.length();
            if (end > 0 && sb.charAt(end - 1) == '\r') {
                sb.setLength(end - 1);
            }
            return sb.toString();
        }

        private void header(String comment) {
            Matcher m = HEADER.matcher(comment);
            if (m.matches() && !m.group(1).equals("1")) {
                graph.unsupported("\"" + UntrustedText.excerpt(comment) + "\", not yarn lockfile v1");
            }
        }

        private void startEntry(String content) throws LockfileException {
            entry = null;
            skipping = true;
            if (!content.endsWith(":")) {
                fault("expected \"descriptor, ...:\" at the start of an entry");
                return;
            }
            List<String> descriptors = new ArrayList<>();
            Tokens t = new Tokens(content.substring(0, content.length() - 1));
            while (true) {
                t.spaces();
                Optional<String> d = t.token(",");
                if (d.isEmpty() || d.get().isEmpty()) {
                    fault("cannot read the entry's descriptors");
                    return;
                }
                descriptors.add(d.get());
                t.spaces();
                if (t.atEnd()) {
                    break;
                }
                if (!t.take(',')) {
                    fault("cannot read the entry's descriptors");
                    return;
                }
            }
            entry = new Entry(descriptors, lineNo);
            skipping = false;
        }

        private void field(String content) throws LockfileException {
            Tokens t = new Tokens(content);
            boolean quoted = content.startsWith("\"");
            Optional<String> key = t.token("");
            if (key.isEmpty() || key.get().isEmpty()) {
                fault("cannot read the field");
                return;
            }
            // "dependencies:" (or a quoted key and a colon) opens a mapping of the lines indented below it.
            boolean bareOpener = !quoted && key.get().length() > 1 && key.get().endsWith(":");
            if (bareOpener || t.take(':')) {
                String map = bareOpener ? key.get().substring(0, key.get().length() - 1) : key.get();
                t.spaces();
                if (!t.atEnd()) {
                    fault("unexpected text after \"" + UntrustedText.excerpt(map) + ":\"");
                }
                entry.map = map;
                return;
            }
            entry.map = null;
            Optional<String> value = t.value();
            if (value.isEmpty()) {
                fault("field \"" + UntrustedText.excerpt(key.get()) + "\" has no readable value");
                return;
            }
            switch (key.get()) {
                case "version" -> entry.version = value.get();
                case "resolved" -> entry.resolved = value.get();
                case "integrity" -> entry.integrity = value.get();
                default -> {
                    // uid, and fields of later Yarn 1 releases this reader has no use for
                }
            }
        }

        private void mapItem(String content) throws LockfileException {
            Tokens t = new Tokens(content);
            Optional<String> name = t.token("");
            Optional<String> range = name.isPresent() ? t.value() : Optional.empty();
            if (range.isEmpty()) {
                fault("cannot read the " + UntrustedText.excerpt(entry.map) + " item");
                return;
            }
            if (entry.map.equals("dependencies") || entry.map.equals("optionalDependencies")) {
                entry.dependencies.add(new String[] {name.get(), range.get()});
            }
        }

        private void finish() throws LockfileException {
            Entry e = entry;
            entry = null;
            if (e == null) {
                return;
            }
            String first = e.descriptors.get(0);
            Optional<String> declaredName = nameOf(first);
            String range = rangeOf(first);
            if (declaredName.isEmpty() || !Texts.isToken(declaredName.get())) {
                fault(e.line, "entry \"" + UntrustedText.excerpt(first) + "\" names no package");
                return;
            }
            if (e.version == null || !Texts.isToken(e.version)) {
                fault(e.line, "entry \"" + UntrustedText.excerpt(first) + "\" has no version");
                return;
            }
            String name = declaredName.get();
            // An alias, "lodash-old@npm:lodash@4.17.11", installs the package "lodash".
            if (range.startsWith("npm:")) {
                Optional<String> real = nameOf(range.substring("npm:".length()));
                if (real.isPresent() && Texts.isToken(real.get())) {
                    name = real.get();
                }
            }
            LockGraph.Kind kind = LockGraph.isLocal(range) ? LockGraph.Kind.LOCAL : LockGraph.Kind.PACKAGE;
            Optional<String> integrity = Optional.ofNullable(e.integrity).filter(s -> !s.isBlank());
            int node = graph.node(new LockGraph.Node(kind, name, e.version,
                    Optional.ofNullable(e.resolved).filter(s -> !s.isBlank()), integrity, integrity,
                    Optional.empty(), e.line));
            for (String d : e.descriptors) {
                graph.key(d, node);
            }
            for (String[] dep : e.dependencies) {
                graph.dependency(node, List.of(dep[0] + "@" + dep[1]));
            }
        }

        private void fault(String message) throws LockfileException {
            fault(lineNo, message);
        }

        private void fault(int line, String message) throws LockfileException {
            graph.fault(line, message);
            if (graph.faultCount() > MAX_FAULTS) {
                throw new LockfileException("more than " + MAX_FAULTS + " lines cannot be read: not a yarn.lock",
                        line);
            }
        }
    }

    /** Yarn 1's tokens: a JSON-style quoted string, or bare text up to a space or a delimiter. */
    private static final class Tokens {
        private final String s;
        private int pos;

        Tokens(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void spaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        boolean take(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** A quoted string, or bare text up to a space or one of {@code stops}. */
        Optional<String> token(String stops) {
            if (atEnd()) {
                return Optional.empty();
            }
            if (s.charAt(pos) == '"') {
                return quoted();
            }
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ' ' && stops.indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return Optional.of(s.substring(start, pos));
        }

        /** The value after a key: one token and nothing else but spaces. */
        Optional<String> value() {
            spaces();
            if (atEnd()) {
                return Optional.empty();
            }
            Optional<String> v;
            if (s.charAt(pos) == '"') {
                v = quoted();
            } else {
                v = Optional.of(s.substring(pos).strip());
                pos = s.length();
            }
            spaces();
            return atEnd() ? v : Optional.empty();
        }

        private Optional<String> quoted() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return Optional.of(out.toString());
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    return Optional.empty();
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            return Optional.empty();
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            return Optional.empty();
                        }
                        pos += 4;
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }
}

package dev.plimsoll.analyzer.lang.java;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a pom.xml ({@link Pom}) with the JDK's own streaming XML reader, never a provider found on the class path.
 * The file is untrusted: DTDs are refused outright (a POM has none, and a DOCTYPE is how external entities (XXE)
 * and entity expansion bombs ("billion laughs") get in); external entities and DTDs are also switched off in the
 * reader and any resolution attempt fails, so nothing outside the file is ever opened. Nesting, element count and
 * value sizes are bounded; the file's size is bounded by the caller.
 */
final class PomReader {
    /** POMs nest about ten deep; plugin configurations a little deeper. */
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 500_000;
    static final int MAX_VALUE_CHARS = 64 * 1024;
    /** Dependencies and managed dependencies together; the largest BOMs manage a few thousand. */
    static final int MAX_DEPENDENCIES = 50_000;
    static final int MAX_PROPERTIES = 50_000;

    /** The encoding of an XML declaration, read from the file's first bytes as Latin-1. */
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,39})[\"']");
    private static final String PROJECT = "project";
    private static final String PARENT = "project/parent";
    private static final String PROPERTIES = "project/properties";
    private static final String DEPENDENCY = "project/dependencies/dependency";
    private static final String MANAGED_DEPENDENCY = "project/dependencyManagement/dependencies/dependency";
    private static final String LICENSE = "project/licenses/license";

    private PomReader() {
    }

    static Pom read(byte[] bytes) throws PomException {
        XMLStreamReader reader;
        try {
            reader = factory().createXMLStreamReader(new StringReader(decode(bytes)));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        try {
            return new Walk(reader).read();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was opened besides the byte array
            }
        }
    }

    /**
     * The file's text, decoded here rather than by the XML reader (whose decoder prints to standard error on bad
     * bytes): a byte order mark's encoding, else the XML declaration's, else UTF-8. Bytes that are not of the
     * encoding become U+FFFD, as everywhere in Plimsoll: a developer's name in Latin-1 must not cost the file.
     */
    static String decode(byte[] bytes) throws PomException {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return decode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && bytes[0] == 0 && bytes[1] == '<') {
            return decode(bytes, 0, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && bytes[0] == '<' && bytes[1] == 0) {
            return decode(bytes, 0, StandardCharsets.UTF_16LE);
        }
        Matcher declared = DECLARED_ENCODING.matcher(new String(bytes, 0, Math.min(n, 256),
                StandardCharsets.ISO_8859_1));
        Charset charset = StandardCharsets.UTF_8;
        if (declared.lookingAt()) {
            try {
                charset = Charset.forName(declared.group(1));
            } catch (IllegalArgumentException e) {
                throw PomException.malformed(1, "the encoding " + printable(declared.group(1))
                        + " is not supported");
            }
        }
        return decode(bytes, 0, charset);
    }

    private static String decode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** The JDK's reader with DTDs, external entities and any resolution switched off. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refuses to resolve the external entity " + systemId);
        });
        return f;
    }

    private static PomException malformed(XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        // The JDK prefixes "ParseError at [row,col]:[..]"; the line is said separately.
        message = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        return PomException.malformed(line, "not well-formed XML: " + printable(message));
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 200; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
        }
        return s.length() > 200 ? sb + "…" : sb.toString();
    }

    /** One pass over the events, keeping the elements that {@link Pom} holds. */
    private static final class Walk {
        private final XMLStreamReader r;
        private final List<String> paths = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int captureDepth = -1;
        private int elements;

        private final Map<String, String> project = new HashMap<>();
        private Map<String, String> parent;
        private final Map<String, String> properties = new HashMap<>();
        private final List<Pom.Dependency> dependencies = new ArrayList<>();
        private final List<Pom.Dependency> managed = new ArrayList<>();
        private final List<Pom.License> licenses = new ArrayList<>();
        private Map<String, String> fields;
        private int fieldsLine;

        Walk(XMLStreamReader r) {
            this.r = r;
        }

        Pom read() throws XMLStreamException, PomException {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD -> throw PomException.malformed(line(), "a DOCTYPE declaration:"
                            + " POMs have none, and DTDs and the entities they declare are not read");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw PomException.malformed(line(),
                            "an entity reference (&" + printable(r.getLocalName()) + ";), which is not read");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (captureDepth == paths.size()) {
                            if (text.length() + r.getTextLength() > MAX_VALUE_CHARS) {
                                throw PomException.limit(line(), "a value longer than " + MAX_VALUE_CHARS
                                        + " characters; not read");
                            }
                            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                        // comments, processing instructions, the document's end
                    }
                }
            }
            if (paths.isEmpty() && elements == 0) {
                throw PomException.malformed(line(), "no elements");
            }
            Optional<Pom.Parent> p = Optional.ofNullable(parent).map(m -> new Pom.Parent(get(m, "groupId"),
                    get(m, "artifactId"), get(m, "version"), Optional.ofNullable(m.get("relativePath"))));
            return new Pom(get(project, "groupId"), get(project, "artifactId"), get(project, "version"), p,
                    properties, dependencies, managed, licenses);
        }

        private void start() throws PomException {
            String name = r.getLocalName();
            if (++elements > MAX_ELEMENTS) {
                throw PomException.limit(line(), "more than " + MAX_ELEMENTS + " elements; not read");
            }
            if (paths.size() >= MAX_DEPTH) {
                throw PomException.limit(line(), "elements nested more than " + MAX_DEPTH + " deep; not read");
            }
            String outer = paths.isEmpty() ? null : paths.get(paths.size() - 1);
            if (outer == null && !name.equals(PROJECT)) {
                throw PomException.malformed(line(), "the root element is <" + printable(name)
                        + ">, not <project>: not a POM");
            }
            // Only paths that can matter are spelled out; below anything else a placeholder saves the strings.
            String path = outer == null ? name : outer.isEmpty() ? "" : outer + "/" + name;
            if (path.length() > 0 && !relevant(path)) {
                path = "";
            }
            paths.add(path);
            text.setLength(0);
            captureDepth = leaf(path) ? paths.size() : -1;
            switch (path) {
                case PARENT -> parent = new HashMap<>();
                case DEPENDENCY, MANAGED_DEPENDENCY, LICENSE -> {
                    fields = new HashMap<>();
                    fieldsLine = line();
                }
                default -> {
                }
            }
        }

        private void end() throws PomException {
            String path = paths.remove(paths.size() - 1);
            if (captureDepth == paths.size() + 1) {
                String value = text.toString().strip();
                captureDepth = -1;
                String outer = path.substring(0, path.lastIndexOf('/'));
                String name = path.substring(path.lastIndexOf('/') + 1);
                switch (outer) {
                    case PROJECT -> project.put(name, value);
                    case PARENT -> parent.put(name, value);
                    case PROPERTIES -> {
                        if (properties.size() >= MAX_PROPERTIES) {
                            throw PomException.limit(line(), "more than " + MAX_PROPERTIES + " properties");
                        }
                        properties.put(name, value);
                    }
                    default -> fields.put(name, value);
                }
                return;
            }
            switch (path) {
                case DEPENDENCY, MANAGED_DEPENDENCY -> {
                    if (dependencies.size() + managed.size() >= MAX_DEPENDENCIES) {
                        throw PomException.limit(line(), "more than " + MAX_DEPENDENCIES + " dependencies");
                    }
                    (path.equals(DEPENDENCY) ? dependencies : managed).add(new Pom.Dependency(get(fields, "groupId"),
                            get(fields, "artifactId"), get(fields, "version"), get(fields, "type"),
                            get(fields, "classifier"), get(fields, "scope"), get(fields, "optional"), fieldsLine));
                    fields = null;
                }
                case LICENSE -> {
                    licenses.add(new Pom.License(get(fields, "name"), get(fields, "url")));
                    fields = null;
                }
                default -> {
                }
            }
        }

        /** Whether {@code path} is, or leads to, something {@link Pom} holds. */
        private static boolean relevant(String path) {
            for (String kept : List.of(PARENT, PROPERTIES, DEPENDENCY, MANAGED_DEPENDENCY, LICENSE)) {
                if (path.equals(kept) || path.startsWith(kept + "/") || kept.startsWith(path + "/")) {
                    return true;
                }
            }
            return path.equals(PROJECT) || isProjectField(path);
        }

        private static boolean isProjectField(String path) {
            return path.equals("project/groupId") || path.equals("project/artifactId")
                    || path.equals("project/version");
        }

        /** Whether the element at {@code path} is a value {@link Pom} keeps. */
        private static boolean leaf(String path) {
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            String outer = path.substring(0, slash);
            String name = path.substring(slash + 1);
            return switch (outer) {
                case PROJECT -> isProjectField(path);
                case PARENT -> List.of("groupId", "artifactId", "version", "relativePath").contains(name);
                case PROPERTIES -> true;
                case DEPENDENCY, MANAGED_DEPENDENCY -> List.of("groupId", "artifactId", "version", "type",
                        "classifier", "scope", "optional").contains(name);
                case LICENSE -> name.equals("name") || name.equals("url");
                default -> false;
            };
        }

        private static Optional<String> get(Map<String, String> m, String key) {
            return Optional.ofNullable(m.get(key)).filter(v -> !v.isEmpty());
        }

        private int line() {
            return r.getLocation() == null ? 0 : Math.max(0, r.getLocation().getLineNumber());
        }
    }
}

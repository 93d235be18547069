package dev.plimsoll.analyzer.lang.rust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The dependency tree cargo-auditable embeds in a Rust binary: the ELF section {@value #SECTION}, zlib-compressed
 * JSON {@code {"packages": [{"name", "version", "source", "kind", "dependencies", "root"}], "format": N}} (the
 * format of the rustsec cargo-auditable JSON schema). "source" is "crates.io", "git", "local", "registry" or another
 * string; "kind" is "runtime" (also when absent) or "build"; "dependencies" are indices into the array; "root"
 * marks the package the binary was built from. Fields not known here are skipped.
 */
record AuditableDeps(List<Crate> packages) {
    static final String SECTION = ".dep-v0";
    /** Compressed bytes read from the binary; real data is a few KiB. */
    static final int MAX_COMPRESSED_BYTES = 8 * 1024 * 1024;
    /** Bytes the JSON may inflate to. */
    static final int MAX_JSON_BYTES = 32 * 1024 * 1024;
    static final int MAX_PACKAGES = 100_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    AuditableDeps {
        packages = List.copyOf(packages);
    }

    /**
     * @param source       as recorded; {@code {"Other": "..."}} gives its inner string
     * @param build        "kind": "build": used only to build the binary (build scripts, procedural macros)
     * @param dependencies indices into {@link #packages()}, checked to lie within it
     */
    record Crate(String name, String version, String source, boolean build, List<Integer> dependencies,
                 boolean root) {
        Crate {
            Objects.requireNonNull(name);
            Objects.requireNonNull(version);
            Objects.requireNonNull(source);
            dependencies = List.copyOf(dependencies);
        }
    }

    static AuditableDeps parse(byte[] compressed) throws AuditableException {
        byte[] json = inflate(compressed);
        List<Crate> crates = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw AuditableException.malformed("cargo-auditable data is not a JSON object");
            }
            boolean sawPackages = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("packages") && p.currentToken() == JsonToken.START_ARRAY) {
                    sawPackages = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (crates.size() >= MAX_PACKAGES) {
                            throw AuditableException.limit("cargo-auditable data with more than " + MAX_PACKAGES
                                    + " packages");
                        }
                        crates.add(crate(p, crates.size()));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawPackages) {
                throw AuditableException.malformed("cargo-auditable data without a packages array");
            }
        } catch (JsonProcessingException e) {
            throw AuditableException.malformed("cargo-auditable data is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // From memory only decoding fails (text in an encoding Jackson detects but cannot decode).
            throw AuditableException.malformed("cargo-auditable data is not valid JSON: " + e.getMessage());
        }
        for (Crate c : crates) {
            for (int d : c.dependencies()) {
                if (d >= crates.size()) {
                    throw AuditableException.malformed("package " + c.name() + " depends on package " + d
                            + " of " + crates.size());
                }
            }
        }
        return new AuditableDeps(crates);
    }

    private static Crate crate(JsonParser p, int index) throws IOException, AuditableException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw AuditableException.malformed("package " + index + " is not a JSON object");
        }
        String name = null;
        String version = null;
        String source = null;
        boolean build = false;
        boolean root = false;
        List<Integer> dependencies = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = text(p);
                case "version" -> version = text(p);
                case "source" -> source = source(p);
                case "kind" -> build = "build".equals(text(p));
                case "root" -> root = p.currentToken() == JsonToken.VALUE_TRUE;
                case "dependencies" -> dependencies(p, dependencies, index);
                default -> p.skipChildren();
            }
        }
        if (name == null || version == null || source == null) {
            throw AuditableException.malformed("package " + index + " without a "
                    + (name == null ? "name" : version == null ? "version" : "source"));
        }
        return new Crate(name, version, source, build, dependencies, root);
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** "crates.io" and the like, or {"Other": "..."}. */
    private static String source(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return text(p);
        }
        String other = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("Other")) {
                other = text(p);
            } else {
                p.skipChildren();
            }
        }
        return other;
    }

    private static void dependencies(JsonParser p, List<Integer> out, int index)
            throws IOException, AuditableException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw AuditableException.malformed("package " + index + ": dependencies that are not an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                    || p.getIntValue() < 0) {
                throw AuditableException.malformed("package " + index + ": a dependency that is not an index");
            }
            if (out.size() >= MAX_PACKAGES) {
                throw AuditableException.limit("package " + index + " with more than " + MAX_PACKAGES
                        + " dependencies");
            }
            out.add(p.getIntValue());
        }
    }

    /** zlib-inflates at most {@link #MAX_JSON_BYTES}. */
    static byte[] inflate(byte[] compressed) throws AuditableException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw AuditableException.malformed("cargo-auditable data: the zlib stream ends early");
                }
                if (out.size() + n > MAX_JSON_BYTES) {
                    throw AuditableException.limit("cargo-auditable data inflates to more than " + MAX_JSON_BYTES
                            + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw AuditableException.malformed("cargo-auditable data is not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** The root package, which is the binary itself. */
    Optional<Crate> root() {
        return packages.stream().filter(Crate::root).findFirst();
    }
}

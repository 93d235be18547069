package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.analyzer.lang.Texts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/** Maven coordinates and the ways an archive tells them: pom.properties, its manifest, its file name. */
record Coordinates(String groupId, String artifactId, String version) {
    /** What Maven accepts in a group or artifact id. */
    private static final Pattern MAVEN_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    /** A Java package or Maven group of at least two segments, e.g. "org.springframework". */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)+");

    String name() {
        return groupId + ":" + artifactId;
    }

    static boolean isMavenId(String id) {
        return MAVEN_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '.');
    }

    /** The artifact and version of a file name "artifact-1.2.3.jar": the version starts at the first "-digit". */
    record FromName(String artifactId, Optional<String> version) {
    }

    static FromName fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        for (int i = 1; i + 1 < stem.length(); i++) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                return new FromName(stem.substring(0, i), Optional.of(stem.substring(i + 1)));
            }
        }
        return new FromName(stem, Optional.empty());
    }

    /**
     * The coordinates of a pom.properties file ({@code groupId}, {@code artifactId}, {@code version}, as Maven
     * writes them).
     *
     * @throws IOException naming what is missing or wrong
     */
    static Coordinates fromPomProperties(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(bytes));
        } catch (IllegalArgumentException e) {
            throw ArchiveException.malformed("not a properties file: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        String group = id(properties, "groupId", missing);
        String artifact = id(properties, "artifactId", missing);
        String version = value(properties, "version", missing);
        if (!missing.isEmpty()) {
            throw ArchiveException.malformed("no usable " + String.join(", ", missing));
        }
        return new Coordinates(group, artifact, version);
    }

    private static String id(Properties properties, String key, List<String> missing) {
        String v = value(properties, key, missing);
        if (v != null && !isMavenId(v)) {
            missing.add(key);
            return null;
        }
        return v;
    }

    private static String value(Properties properties, String key, List<String> missing) {
        String v = properties.getProperty(key);
        v = v == null ? null : v.strip();
        // An unresolved "${project.version}" names nothing.
        if (!Texts.isToken(v) || v.contains("${")) {
            missing.add(key);
            return null;
        }
        return v;
    }

    /**
     * The group of an archive without pom.properties, guessed from what it says about itself: the manifest's
     * Implementation-Vendor-Id (older Maven wrote the group there), else its OSGi Bundle-SymbolicName, its
     * Automatic-Module-Name or the common package of its classes, each of which is by convention the group plus
     * a last segment naming the artifact ("org.springframework.beans" for spring-beans), which is dropped. Only
     * names of two segments or more are taken: "spring" (from "spring.beans") is no group.
     */
    static Optional<String> guessGroup(JarManifest manifest, String artifactId, String classPackage) {
        Optional<String> vendorId = manifest.get("Implementation-Vendor-Id").filter(v -> DOTTED.matcher(v).matches());
        if (vendorId.isPresent()) {
            return vendorId;
        }
        for (Optional<String> module : List.of(manifest.clause("Bundle-SymbolicName"),
                manifest.get("Automatic-Module-Name"), Optional.of(classPackage))) {
            Optional<String> group = module.flatMap(m -> withoutArtifactSegment(m, artifactId));
            if (group.isPresent()) {
                return group;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> withoutArtifactSegment(String module, String artifactId) {
        if (!DOTTED.matcher(module).matches()) {
            return Optional.empty();
        }
        int dot = module.lastIndexOf('.');
        String last = module.substring(dot + 1).toLowerCase(Locale.ROOT);
        String artifact = artifactId.toLowerCase(Locale.ROOT);
        String[] tokens = artifact.split("[-_.]");
        boolean names = (tokens.length > 0 && last.equals(tokens[tokens.length - 1]))
                || last.equals(artifact.replaceAll("[-_.]", ""));
        String group = names ? module.substring(0, dot) : module;
        return DOTTED.matcher(group).matches() ? Optional.of(group) : Optional.empty();
    }
}

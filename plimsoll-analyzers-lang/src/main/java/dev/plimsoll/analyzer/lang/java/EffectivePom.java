package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.problem.ProblemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependencies of one pom.xml as Maven's effective model has them, within what the scanned tree holds: its
 * own {@code <dependencies>} and those it inherits from its parents ({@link ParentChain}; a pom's own declaration
 * of the same groupId:artifactId:type:classifier overrides an inherited one), every expression resolved in this
 * pom's context ({@link Interpolation}: a parent's {@code ${project.version}} is this project's version, as in
 * Maven), a missing version and scope taken from the nearest {@code <dependencyManagement>} of the chain that
 * manages the same groupId:artifactId:type:classifier.
 *
 * <p>What the scanned tree cannot tell is not guessed: a version from a parent that is not in the tree, from an
 * imported BOM ({@code <scope>import</scope>}: a BOM lives in a repository, which is never read), a version range
 * ("[1.0,2.0)") or LATEST/RELEASE (the repository's metadata decides) is {@link Unresolved}, with the reason.
 */
final class EffectivePom {
    private static final Set<String> DEV_SCOPES = Set.of("test", "provided");

    private EffectivePom() {
    }

    /** What became of one declared dependency. */
    sealed interface Outcome {
        /** The pom.xml that declares it (the pom itself or a parent) and the line of its {@code <dependency>}. */
        String declaredIn();

        int line();
    }

    /**
     * A dependency with its coordinates resolved.
     *
     * @param dev      scope test or provided (see {@link PomAnalyzer})
     * @param optional {@code <optional>true</optional>}
     */
    record Resolved(String groupId, String artifactId, String version, String scope, boolean dev, boolean optional,
                    String declaredIn, int line) implements Outcome {
    }

    /**
     * A dependency whose coordinates cannot be resolved, and why.
     *
     * @param dependency its groupId:artifactId, as far as known
     * @param reason     why, e.g. "version ${x} not resolvable: ..."
     * @param context    the pom whose effective model was being built (a pom inheriting it, or declaredIn)
     */
    record Unresolved(ProblemKind kind, String dependency, String reason, String declaredIn, int line,
                      String context) implements Outcome {
        /** "dependency g:a (line 12, inherited by /app/core/pom.xml): version ${x} not resolvable: ...". */
        String message() {
            return "dependency " + dependency + " (line " + line + (context.equals(declaredIn) ? ""
                    : ", inherited by " + context) + "): " + reason;
        }
    }

    static List<Outcome> dependencies(String path, Pom pom, ParentChain.Tree tree) {
        ParentChain chain = ParentChain.of(path, pom, tree);
        Interpolation interpolation = new Interpolation(chain);
        Map<String, Pom.Dependency> managed = new HashMap<>();
        List<String> imports = new ArrayList<>();
        for (ParentChain.Link link : chain.links()) {
            for (Pom.Dependency d : link.pom().managed()) {
                if (isImport(interpolation, d)) {
                    imports.add(importedBom(interpolation, d));
                    continue;
                }
                try {
                    managed.putIfAbsent(key(interpolation, d), d);
                } catch (Interpolation.Unresolvable e) {
                    // a managed entry whose coordinates cannot be resolved manages nothing that can be named
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> declaredByNearer = new HashSet<>();
        for (ParentChain.Link link : chain.links()) {
            Set<String> declaredHere = new HashSet<>();
            for (Pom.Dependency d : link.pom().dependencies()) {
                Optional<String> key = Optional.empty();
                try {
                    key = Optional.of(key(interpolation, d));
                } catch (Interpolation.Unresolvable e) {
                    // resolve() says why
                }
                if (key.isPresent() && declaredByNearer.contains(key.get())) {
                    continue;
                }
                key.ifPresent(declaredHere::add);
                outcomes.add(resolve(d, link.path(), path, chain, interpolation, managed, imports));
            }
            declaredByNearer.addAll(declaredHere);
        }
        return outcomes;
    }

    private static Outcome resolve(Pom.Dependency d, String declaredIn, String path, ParentChain chain,
                                   Interpolation interpolation, Map<String, Pom.Dependency> managed,
                                   List<String> imports) {
        String name = PomReader.printable(d.groupId().orElse("?") + ":" + d.artifactId().orElse("?"));
        if (d.groupId().isEmpty() || d.artifactId().isEmpty()) {
            return new Unresolved(ProblemKind.MALFORMED_FILE, name, "no " + (d.groupId().isEmpty() ? "groupId"
                    : "artifactId"), declaredIn, d.line(), path);
        }
        String group;
        String artifact;
        String key;
        try {
            group = interpolation.resolve(d.groupId().get());
            artifact = interpolation.resolve(d.artifactId().get());
            key = key(interpolation, d);
        } catch (Interpolation.Unresolvable e) {
            return new Unresolved(ProblemKind.UNSUPPORTED, name, "coordinates not resolvable: " + e.getMessage(),
                    declaredIn, d.line(), path);
        }
        if (!Coordinates.isMavenId(group) || !Coordinates.isMavenId(artifact)) {
            return new Unresolved(ProblemKind.MALFORMED_FILE, name, "\"" + PomReader.printable(group + ":"
                    + artifact) + "\" is not a Maven groupId:artifactId", declaredIn, d.line(), path);
        }
        name = group + ":" + artifact;
        Pom.Dependency manager = managed.get(key);
        Optional<String> version = d.version().or(() -> Optional.ofNullable(manager)
                .flatMap(Pom.Dependency::version));
        if (version.isEmpty()) {
            if (!imports.isEmpty()) {
                return new Unresolved(ProblemKind.UNSUPPORTED, name, "version not resolvable: not declared, and"
                        + " not managed here; it may come from the imported BOM" + (imports.size() > 1 ? "s " : " ")
                        + String.join(", ", imports)
                        + ", which is not read (repositories are never read)", declaredIn, d.line(), path);
            }
            if (chain.missing().isPresent()) {
                return new Unresolved(ProblemKind.UNSUPPORTED, name, "version not resolvable: not declared, and"
                        + " not managed here; " + chain.missing().get().describe(), declaredIn, d.line(), path);
            }
            return new Unresolved(ProblemKind.MALFORMED_FILE, name, "no version, and no <dependencyManagement>"
                    + " of this pom or its parents manages it (Maven refuses such a pom)", declaredIn, d.line(), path);
        }
        String resolvedVersion;
        try {
            resolvedVersion = interpolation.resolve(version.get());
        } catch (Interpolation.Unresolvable e) {
            return new Unresolved(ProblemKind.UNSUPPORTED, name, "version " + PomReader.printable(version.get())
                    + " not resolvable: " + e.getMessage(), declaredIn, d.line(), path);
        }
        String scope;
        boolean optional;
        try {
            scope = resolveOr(interpolation, d.scope().or(() -> Optional.ofNullable(manager)
                    .flatMap(Pom.Dependency::scope)), "compile");
            optional = resolveOr(interpolation, d.optional(), "false").equalsIgnoreCase("true");
        } catch (Interpolation.Unresolvable e) {
            return new Unresolved(ProblemKind.UNSUPPORTED, name, "scope or optional not resolvable: "
                    + e.getMessage(), declaredIn, d.line(), path);
        }
        Optional<String> unusable = unusableVersion(resolvedVersion);
        if (unusable.isPresent()) {
            return new Unresolved(ProblemKind.UNSUPPORTED, name, "version " + PomReader.printable(version.get())
                    + " not resolvable: " + unusable.get(), declaredIn, d.line(), path);
        }
        return new Resolved(group, artifact, resolvedVersion, scope, DEV_SCOPES.contains(scope), optional,
                declaredIn, d.line());
    }

    private static boolean isImport(Interpolation interpolation, Pom.Dependency d) {
        try {
            return resolveOr(interpolation, d.scope(), "").equals("import");
        } catch (Interpolation.Unresolvable e) {
            return false;
        }
    }

    /** "groupId:artifactId:version" of an imported BOM, resolved where possible, for messages. */
    private static String importedBom(Interpolation interpolation, Pom.Dependency d) {
        StringBuilder sb = new StringBuilder();
        for (Optional<String> part : List.of(d.groupId(), d.artifactId(), d.version())) {
            String text = part.orElse("?");
            try {
                text = interpolation.resolve(text);
            } catch (Interpolation.Unresolvable e) {
                // said as written
            }
            sb.append(sb.isEmpty() ? "" : ":").append(PomReader.printable(text));
        }
        return sb.toString();
    }

    /** Why a resolved version names no single release, if it does not. */
    private static Optional<String> unusableVersion(String version) {
        if (version.startsWith("[") || version.startsWith("(")) {
            return Optional.of("a version range, which only the repository's metadata decides");
        }
        if (version.equals("LATEST") || version.equals("RELEASE")) {
            return Optional.of("a meta-version, which only the repository's metadata decides");
        }
        if (!Texts.isToken(version)) {
            return Optional.of("\"" + PomReader.printable(version) + "\" is not a version");
        }
        return Optional.empty();
    }

    /** Maven's management key: groupId:artifactId:type:classifier. */
    private static String key(Interpolation interpolation, Pom.Dependency d) throws Interpolation.Unresolvable {
        return interpolation.resolve(d.groupId().orElse("")) + ":" + interpolation.resolve(d.artifactId().orElse(""))
                + ":" + type(interpolation, d) + ":" + classifier(interpolation, d);
    }

    private static String type(Interpolation interpolation, Pom.Dependency d) {
        try {
            return resolveOr(interpolation, d.type(), "jar");
        } catch (Interpolation.Unresolvable e) {
            return d.type().orElse("jar");
        }
    }

    private static String classifier(Interpolation interpolation, Pom.Dependency d) {
        try {
            return resolveOr(interpolation, d.classifier(), "");
        } catch (Interpolation.Unresolvable e) {
            return d.classifier().orElse("");
        }
    }

    private static String resolveOr(Interpolation interpolation, Optional<String> value, String absent)
            throws Interpolation.Unresolvable {
        if (value.isEmpty()) {
            return absent;
        }
        String resolved = interpolation.resolve(value.get()).strip();
        return resolved.isEmpty() ? absent : resolved;
    }
}

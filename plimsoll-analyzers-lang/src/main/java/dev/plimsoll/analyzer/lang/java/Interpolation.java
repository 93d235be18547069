package dev.plimsoll.analyzer.lang.java;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maven's {@code ${...}} expressions in the context of one pom, as its effective model has them: the
 * {@code <properties>} of the pom and of its parents in the chain (the nearest pom's value winning), the project's
 * coordinates ({@code project.groupId}, {@code project.artifactId}, {@code project.version}, inherited from the
 * {@code <parent>} element when the pom does not write its own; also spelled {@code pom.*} and, deprecated, bare)
 * and its parent's ({@code project.parent.groupId}, {@code project.parent.artifactId},
 * {@code project.parent.version}). Values are expanded recursively; an expression is resolved or it is
 * {@link Unresolvable}, never guessed: the build machine's environment and system properties are unknown here, and
 * so is what a parent outside the scanned tree defines. A text without a closing brace stays as written, as Maven
 * leaves it. Expansion is bounded in depth, steps and length (properties can nest into an exponential blow-up).
 */
final class Interpolation {
    static final int MAX_NESTING = 32;
    static final int MAX_STEPS = 1_000;
    static final int MAX_CHARS = 4_096;

    private final Map<String, Optional<String>> builtins = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Optional<ParentChain.Missing> missing;

    /** An expression that cannot be resolved here, and why. */
    static final class Unresolvable extends Exception {
        Unresolvable(String reason) {
            super(reason);
        }
    }

    Interpolation(ParentChain chain) {
        List<ParentChain.Link> links = chain.links();
        for (int i = links.size() - 1; i >= 0; i--) {
            properties.putAll(links.get(i).pom().properties());
        }
        Pom self = chain.self();
        Optional<Pom.Parent> parent = self.parent();
        Optional<String> group = self.groupId().or(() -> parent.flatMap(Pom.Parent::groupId));
        Optional<String> version = self.version().or(() -> parent.flatMap(Pom.Parent::version));
        for (String prefix : List.of("project.", "pom.", "")) {
            builtins.put(prefix + "groupId", group);
            builtins.put(prefix + "artifactId", self.artifactId());
            builtins.put(prefix + "version", version);
            builtins.put(prefix + "parent.groupId", parent.flatMap(Pom.Parent::groupId));
            builtins.put(prefix + "parent.artifactId", parent.flatMap(Pom.Parent::artifactId));
            builtins.put(prefix + "parent.version", parent.flatMap(Pom.Parent::version));
        }
        this.missing = chain.missing();
    }

    /** {@code text} with every expression replaced by its value. */
    String resolve(String text) throws Unresolvable {
        String value = expand(text, new ArrayDeque<>(), new int[1]);
        if (value.contains("${")) {
            throw new Unresolvable("\"" + PomReader.printable(value) + "\" has an unclosed ${");
        }
        return value;
    }

    private String expand(String text, Deque<String> expanding, int[] steps) throws Unresolvable {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int open = text.indexOf("${", from);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (close < 0) {
                out.append(text, from, text.length());
                break;
            }
            out.append(text, from, open);
            String name = text.substring(open + 2, close);
            if (expanding.contains(name)) {
                throw new Unresolvable("${" + PomReader.printable(name) + "} refers to itself");
            }
            if (expanding.size() >= MAX_NESTING || ++steps[0] > MAX_STEPS) {
                throw new Unresolvable("expressions nest more than " + MAX_NESTING + " deep or take more than "
                        + MAX_STEPS + " steps");
            }
            String value = lookup(name);
            expanding.push(name);
            out.append(expand(value, expanding, steps));
            expanding.pop();
            if (out.length() > MAX_CHARS) {
                throw new Unresolvable("expands to more than " + MAX_CHARS + " characters");
            }
            from = close + 1;
        }
        return out.toString();
    }

    /**
     * The model's value for "project." and "pom." names, else a property, else the model's for a bare name
     * ("version"): Maven's order, so {@code <properties><version>} wins over the deprecated {@code ${version}} but
     * not over {@code ${project.version}}.
     */
    private String lookup(String name) throws Unresolvable {
        boolean prefixed = name.startsWith("project.") || name.startsWith("pom.");
        Optional<String> builtin = builtins.get(name);
        if (prefixed && builtin != null && builtin.isPresent()) {
            return builtin.get();
        }
        String property = properties.get(name);
        if (property != null) {
            return property;
        }
        if (builtin != null) {
            return builtin.orElseThrow(() -> new Unresolvable("${" + name + "}: the project has no "
                    + name.substring(name.lastIndexOf('.') + 1) + (name.contains("parent.") ? " in <parent>" : "")));
        }
        String quoted = "${" + PomReader.printable(name) + "}";
        if (name.startsWith("env.")) {
            throw new Unresolvable(quoted + " is the build machine's environment, unknown here");
        }
        if (missing.isPresent()) {
            throw new Unresolvable(quoted + " is not defined in this pom or its parents in the scanned tree, and "
                    + missing.get().describe());
        }
        throw new Unresolvable(quoted + " is not defined in this pom or its parents (a system property or one"
                + " given to Maven is unknown here)");
    }
}

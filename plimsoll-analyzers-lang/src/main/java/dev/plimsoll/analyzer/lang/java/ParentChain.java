package dev.plimsoll.analyzer.lang.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pom.xml and the ancestors Maven would find for it on the filesystem: each {@code <parent>} is looked for at its
 * {@code <relativePath>} (default "../pom.xml"; a directory means its pom.xml; an empty one means repositories
 * only) among the pom.xml files of the scanned tree, never outside it, and taken only when its coordinates are the
 * declared ones, as Maven checks. The chain stops at the first parent that is not there, does not match, loops
 * back, or lies deeper than {@link #MAX_PARENTS}; that parent is {@link #missing()}, and whatever it would have
 * contributed is unknown (nothing is ever fetched from a repository).
 *
 * @param links   the pom itself first, then its parent, grandparent...
 * @param missing the parent the chain could not follow, if any
 */
record ParentChain(List<Link> links, Optional<Missing> missing) {
    static final int MAX_PARENTS = 32;
    private static final String DEFAULT_RELATIVE_PATH = "../pom.xml";
    private static final String POM_XML = "pom.xml";

    ParentChain {
        links = List.copyOf(links);
        Objects.requireNonNull(missing);
    }

    /** One pom of the chain and the absolute path of its file. */
    record Link(String path, Pom pom) {
    }

    /** A declared parent that is not part of the chain, and why. */
    record Missing(Pom.Parent parent, String why) {
        /** "the parent g:a:v is not in the scanned tree (no pom.xml at /app/pom.xml)". */
        String describe() {
            return "the parent " + PomReader.printable(parent.coordinates()) + " " + why;
        }
    }

    /** The pom.xml files of the scanned tree, by absolute path, and those that could not be read. */
    interface Tree {
        Optional<Pom> pom(String path);

        boolean unreadable(String path);
    }

    Pom self() {
        return links.get(0).pom();
    }

    boolean complete() {
        return missing.isEmpty();
    }

    static ParentChain of(String path, Pom pom, Tree tree) {
        List<Link> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        links.add(new Link(path, pom));
        seen.add(path);
        String current = path;
        Pom child = pom;
        while (child.parent().isPresent()) {
            Pom.Parent parent = child.parent().get();
            if (links.size() > MAX_PARENTS) {
                return new ParentChain(links, Optional.of(new Missing(parent, "lies more than " + MAX_PARENTS
                        + " parents up; not followed")));
            }
            Optional<String> at = parentPath(current, parent.relativePath());
            if (at.isEmpty()) {
                String why = parent.relativePath().map(String::isBlank).orElse(false)
                        ? "is not looked for in the scanned tree (empty <relativePath>: Maven takes it from a"
                        + " repository)"
                        : "is not in the scanned tree (its <relativePath> leads outside it)";
                return new ParentChain(links, Optional.of(new Missing(parent, why)));
            }
            String file = at.get();
            Optional<Pom> found = tree.pom(file);
            if (found.isEmpty() && !file.endsWith("/" + POM_XML)) {
                file = file + "/" + POM_XML; // a directory
                found = tree.pom(file);
            }
            if (found.isEmpty()) {
                String why = tree.unreadable(file) ? "at " + file + " could not be read"
                        : "is not in the scanned tree (no pom.xml at " + at.get() + ")";
                return new ParentChain(links, Optional.of(new Missing(parent, why)));
            }
            if (!seen.add(file)) {
                return new ParentChain(links, Optional.of(new Missing(parent, "at " + file
                        + " is a pom of this chain already: the parents form a loop")));
            }
            Pom candidate = found.get();
            if (!matches(parent, candidate)) {
                return new ParentChain(links, Optional.of(new Missing(parent, "is not in the scanned tree (" + file
                        + " is " + PomReader.printable(coordinates(candidate)) + ")")));
            }
            links.add(new Link(file, candidate));
            current = file;
            child = candidate;
        }
        return new ParentChain(links, Optional.empty());
    }

    /**
     * Where a pom at {@code childPath} looks for its parent: {@code relativePath} (default "../pom.xml") against
     * the pom's directory, normalised; empty for an empty relativePath or one that climbs above the root.
     */
    static Optional<String> parentPath(String childPath, Optional<String> relativePath) {
        String relative = relativePath.orElse(DEFAULT_RELATIVE_PATH).strip().replace('\\', '/');
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        String dir = childPath.substring(0, childPath.lastIndexOf('/'));
        for (String s : (dir + "/" + relative).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(s);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of("/" + String.join("/", segments));
    }

    /** Maven's check of a parent found on disk: the declared coordinates, the version as written. */
    private static boolean matches(Pom.Parent declared, Pom candidate) {
        Optional<String> group = candidate.groupId().or(() -> candidate.parent().flatMap(Pom.Parent::groupId));
        Optional<String> version = candidate.version().or(() -> candidate.parent().flatMap(Pom.Parent::version));
        return agrees(declared.groupId(), group) && agrees(declared.artifactId(), candidate.artifactId())
                && agrees(declared.version(), version);
    }

    private static boolean agrees(Optional<String> declared, Optional<String> actual) {
        return declared.isEmpty() || declared.equals(actual);
    }

    private static String coordinates(Pom pom) {
        return pom.groupId().or(() -> pom.parent().flatMap(Pom.Parent::groupId)).orElse("?") + ":"
                + pom.artifactId().orElse("?") + ":"
                + pom.version().or(() -> pom.parent().flatMap(Pom.Parent::version)).orElse("?");
    }
}

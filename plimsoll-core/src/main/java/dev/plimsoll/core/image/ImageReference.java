package dev.plimsoll.core.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference normalised as Docker does it: {@code nginx} is {@code docker.io/library/nginx:latest} when
 * pulled, {@code index.docker.io} is {@code docker.io}, a first path component with a dot or a colon, or
 * {@code localhost}, is a registry. Used wherever a reference is judged (trusted registries, allowed base images,
 * pinning) so that every check agrees on what {@code ubuntu} means.
 *
 * @param registry   the registry host (and port), {@code docker.io} by default
 * @param repository the path within the registry, {@code library/} added for Docker Hub's official images
 * @param tag        the tag as written; absent when none was given (Docker then pulls {@code latest})
 * @param digest     the digest as written ({@code sha256:…}), when pinned
 */
public record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {
    public static final String DOCKER_HUB = "docker.io";

    private static final int MAX_NAME_LENGTH = 255;
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        Objects.requireNonNull(registry);
        Objects.requireNonNull(repository);
        Objects.requireNonNull(tag);
        Objects.requireNonNull(digest);
    }

    /** A malformed reference; the message says what is wrong, as Docker's "invalid reference format" does. */
    public static final class InvalidReferenceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidReferenceException(String reference, String why) {
            super("invalid image reference \"" + reference + "\": " + why);
        }
    }

    /** Parses {@code [registry/]path[:tag][@digest]} and normalises it. */
    public static ImageReference parse(String reference) {
        Objects.requireNonNull(reference);
        if (reference.isEmpty()) {
            throw new InvalidReferenceException(reference, "empty");
        }
        String rest = reference;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            if (!DIGEST.matcher(d).matches() || (d.startsWith("sha256:") && !HEX64.matcher(d.substring(7)).matches())) {
                throw new InvalidReferenceException(reference, "invalid digest \"" + d + "\"");
            }
            digest = Optional.of(d);
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > lastSlash) {
            String t = rest.substring(colon + 1);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidReferenceException(reference, "invalid tag \"" + t + "\"");
            }
            tag = Optional.of(t);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT));
            if (isRegistry) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw new InvalidReferenceException(reference, "invalid registry \"" + first + "\"");
                }
                registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
                path = rest.substring(slash + 1);
            }
        }
        if (path.isEmpty()) {
            throw new InvalidReferenceException(reference, "no repository name");
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw new InvalidReferenceException(reference, "repository name must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new InvalidReferenceException(reference, "invalid repository name component \"" + component
                        + "\"");
            }
        }
        if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            if (HEX64.matcher(path).matches()) {
                throw new InvalidReferenceException(reference, "a 64-character hexadecimal string is an image id,"
                        + " not a repository name");
            }
            path = "library/" + path;
        }
        if (registry.length() + 1 + path.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException(reference, "name longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(registry, path, tag, digest);
    }

    /** What a registry is asked for: the digest when pinned (it wins over a tag), else the tag, else latest. */
    public String referenceToPull() {
        return digest.or(() -> tag).orElse("latest");
    }

    /** {@code registry/repository}, the name without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The full normalised reference; {@code latest} is not invented when no tag was written. */
    public String canonical() {
        return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }

    /** The reference as Docker prints it: {@code nginx:1.27} rather than {@code docker.io/library/nginx:1.27}. */
    public String familiar() {
        String shortName = registry.equals(DOCKER_HUB)
                ? (repository.startsWith("library/") ? repository.substring("library/".length()) : repository)
                : name();
        return shortName + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }

    @Override
    public String toString() {
        return canonical();
    }
}

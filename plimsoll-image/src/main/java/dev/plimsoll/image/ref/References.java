package dev.plimsoll.image.ref;

import java.util.Optional;

/**
 * Matching a user's reference against the names an archive or layout records. Docker names are compared in
 * their normalised form, so "debian", "debian:latest" and "docker.io/library/debian:latest" are one name.
 */
public final class References {
    private References() {
    }

    /**
     * Whether a docker-archive RepoTag answers to {@code ref}: the same name (normalised, ":latest" when no tag
     * is given) or, for a bare word, the same tag.
     */
    public static boolean matchesRepoTag(String repoTag, String ref) {
        return repoTag.equals(ref) || normalize(repoTag).equals(normalize(ref)) || isBareTag(ref)
                && tag(repoTag).filter(ref::equals).isPresent();
    }

    /**
     * Whether an OCI ref name annotation answers to {@code ref}: exactly, or by its tag when the annotation is a
     * full name (as skopeo matches), or through the containerd full-name annotation.
     */
    public static boolean matchesRefName(Optional<String> refName, Optional<String> fullName, String ref) {
        if (refName.isPresent()) {
            String name = refName.get();
            if (name.equals(ref) || tag(name).filter(ref::equals).isPresent()) {
                return true;
            }
        }
        return fullName.filter(full -> full.equals(ref) || normalize(full).equals(normalize(ref))).isPresent();
    }

    /** The tag of "name:tag" (not the port of "host:5000/name"), without any "@digest". */
    public static Optional<String> tag(String name) {
        String n = stripDigest(name);
        int colon = n.lastIndexOf(':');
        return colon > n.lastIndexOf('/') && colon >= 0 ? Optional.of(n.substring(colon + 1)) : Optional.empty();
    }

    /** Docker's canonical form: registry/repository:tag, with docker.io, library/ and :latest filled in. */
    public static String normalize(String ref) {
        int at = ref.indexOf('@');
        String digest = at >= 0 ? ref.substring(at) : "";
        String name = at >= 0 ? ref.substring(0, at) : ref;
        Optional<String> tag = tag(name);
        if (tag.isPresent()) {
            name = name.substring(0, name.length() - tag.get().length() - 1);
        }
        String domain = "docker.io";
        String path = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                domain = first.equals("index.docker.io") ? "docker.io" : first;
                path = name.substring(slash + 1);
            }
        }
        if (domain.equals("docker.io") && !path.contains("/")) {
            path = "library/" + path;
        }
        String shownTag = tag.orElse(digest.isEmpty() ? "latest" : "");
        return domain + "/" + path + (shownTag.isEmpty() ? "" : ":" + shownTag) + digest;
    }

    private static boolean isBareTag(String ref) {
        return !ref.contains("/") && !ref.contains(":") && !ref.contains("@");
    }

    private static String stripDigest(String name) {
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(0, at) : name;
    }
}

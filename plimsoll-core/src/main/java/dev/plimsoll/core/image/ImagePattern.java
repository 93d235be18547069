package dev.plimsoll.core.image;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Image patterns as policies write them ({@code debian:bookworm*}, {@code gcr.io/distroless/*}, {@code alpine}):
 * a reference in which {@code *} matches any run of characters, with short names normalised as Docker does. Shared
 * by the policy's allowed base images and the Dockerfile rules that judge FROM lines by them.
 */
public final class ImagePattern {
    private ImagePattern() {
    }

    /** Docker Hub's other names are Docker Hub. */
    public static String normaliseRegistry(String entry) {
        for (String hub : List.of("index.docker.io", "registry-1.docker.io", "registry.hub.docker.com")) {
            if (entry.equals(hub) || entry.startsWith(hub + "/")) {
                return ImageReference.DOCKER_HUB + entry.substring(hub.length());
            }
        }
        return entry;
    }

    /**
     * A pattern is {@code name[:tag][@digest]} with {@code *} matching any run of characters. Its name is
     * normalised like a reference; a pattern without tag and digest allows every tag and digest of the name, and a
     * reference without a tag has the tag Docker gives it, {@code latest}.
     */
    public static boolean matches(String pattern, ImageReference ref) {
        String digest = null;
        String rest = pattern;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (!glob(normaliseName(rest)).matcher(ref.name()).matches()) {
            return false;
        }
        if (tag != null && !glob(tag).matcher(ref.tag().orElse("latest")).matches()) {
            return false;
        }
        String wantedDigest = digest;
        return wantedDigest == null || ref.digest().map(d -> glob(wantedDigest).matcher(d).matches()).orElse(false);
    }

    private static String normaliseName(String name) {
        String n = normaliseRegistry(name.toLowerCase(Locale.ROOT));
        int slash = n.indexOf('/');
        String first = slash < 0 ? n : n.substring(0, slash);
        boolean hasRegistry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (hasRegistry) {
            return n;
        }
        return ImageReference.DOCKER_HUB + "/" + (slash < 0 && !n.equals("*") ? "library/" + n : n);
    }

    private static Pattern glob(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString());
    }
}

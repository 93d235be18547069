package dev.plimsoll.policy;

import dev.plimsoll.core.image.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where images may come from. {@code trustedRegistries} are registry hosts ({@code docker.io}, {@code
 * registry.example.com:5000}) or registry prefixes with a path ({@code gcr.io/distroless}); {@code
 * allowedBaseImages} are references with {@code *} wildcards ({@code debian:bookworm*}, {@code gcr.io/distroless/*},
 * {@code alpine}, which allows every tag). Short names are normalised as Docker does, so {@code nginx} and {@code
 * docker.io/library/nginx} are the same entry. An empty list allows everything.
 */
public record ImageTrust(List<String> trustedRegistries, List<String> allowedBaseImages) {
    public static final ImageTrust ANY = new ImageTrust(List.of(), List.of());

    public ImageTrust {
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
    }

    /** This trust with more registries (hadolint's {@code trustedRegistries}, say). */
    public ImageTrust withRegistries(List<String> more) {
        List<String> all = new java.util.ArrayList<>(trustedRegistries);
        more.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new ImageTrust(all, allowedBaseImages);
    }

    public boolean restrictsRegistries() {
        return !trustedRegistries.isEmpty();
    }

    public boolean restrictsBaseImages() {
        return !allowedBaseImages.isEmpty();
    }

    /** Whether the reference's registry is trusted: every registry is when none is listed. */
    public boolean registryTrusted(ImageReference ref) {
        if (trustedRegistries.isEmpty()) {
            return true;
        }
        for (String entry : trustedRegistries) {
            String e = normaliseRegistry(entry.trim().toLowerCase(Locale.ROOT));
            String registry = ref.registry().toLowerCase(Locale.ROOT);
            if (e.contains("/") ? (ref.name().equals(e) || ref.name().startsWith(e + "/")) : registry.equals(e)) {
                return true;
            }
        }
        return false;
    }

    /** The first allowed-base-image pattern the reference matches; every reference matches when none is listed. */
    public Optional<String> allowingPattern(ImageReference ref) {
        for (String pattern : allowedBaseImages) {
            if (matches(pattern.trim(), ref)) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    public boolean baseAllowed(ImageReference ref) {
        return allowedBaseImages.isEmpty() || allowingPattern(ref).isPresent();
    }

    /** Docker Hub's other names are Docker Hub. */
    private static String normaliseRegistry(String entry) {
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
    static boolean matches(String pattern, ImageReference ref) {
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

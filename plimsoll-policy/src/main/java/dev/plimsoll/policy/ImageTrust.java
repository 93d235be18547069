package dev.plimsoll.policy;

import dev.plimsoll.core.image.ImagePattern;
import dev.plimsoll.core.image.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            String e = ImagePattern.normaliseRegistry(entry.trim().toLowerCase(Locale.ROOT));
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

    static boolean matches(String pattern, ImageReference ref) {
        return ImagePattern.matches(pattern, ref);
    }
}

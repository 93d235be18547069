package dev.plimsoll.core.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An OCI platform: os/architecture[/variant]. */
public record Platform(String os, String architecture, Optional<String> variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(variant, "variant");
        if (os.isBlank() || architecture.isBlank()) {
            throw new IllegalArgumentException("platform needs an os and an architecture");
        }
        variant = variant.filter(v -> !v.isBlank());
    }

    /** Parses {@code linux/arm64/v8}, {@code linux/amd64}; an architecture alone means linux. */
    public static Platform parse(String text) {
        Objects.requireNonNull(text, "platform");
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        return switch (parts.length) {
            case 1 -> new Platform("linux", normaliseArch(parts[0]), Optional.empty());
            case 2 -> new Platform(parts[0], normaliseArch(parts[1]), Optional.empty());
            case 3 -> new Platform(parts[0], normaliseArch(parts[1]), Optional.of(parts[2]));
            default -> throw new IllegalArgumentException("invalid platform (expected os/arch[/variant]): " + text);
        };
    }

    private static String normaliseArch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i686", "i386" -> "386";
            default -> arch;
        };
    }

    /**
     * Whether an image of platform {@code candidate} serves a request for this platform. A request without a
     * variant accepts any variant; arm64 with no variant means v8 (as containerd's matcher treats it).
     */
    public boolean matches(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return false;
        }
        if (variant.isEmpty()) {
            return true;
        }
        String wanted = variant.get();
        String offered = candidate.variant.orElse(defaultVariant(candidate.architecture));
        return wanted.equals(offered);
    }

    private static String defaultVariant(String arch) {
        return switch (arch) {
            case "arm64" -> "v8";
            case "arm" -> "v7";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
    }
}

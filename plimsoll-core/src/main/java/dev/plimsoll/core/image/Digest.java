package dev.plimsoll.core.image;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A content digest as OCI writes it: {@code algorithm:hex}. Validated on construction. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*");
    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (!ALGORITHM.matcher(algorithm).matches()) {
            throw new IllegalArgumentException("invalid digest algorithm: " + algorithm);
        }
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid digest hex for " + algorithm + ": " + abbreviate(hex));
        }
        int expected = switch (algorithm) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> -1;
        };
        if (expected > 0 && hex.length() != expected) {
            throw new IllegalArgumentException(
                    algorithm + " digest must have " + expected + " hex digits, got " + hex.length());
        }
    }

    /** Parses {@code sha256:abc…}; throws IllegalArgumentException naming what is wrong. */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "digest");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a digest (expected algorithm:hex): " + abbreviate(text));
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] rawDigest) {
        return new Digest("sha256", HexFormat.of().formatHex(rawDigest));
    }

    /** The JCA name of the algorithm, e.g. SHA-256. */
    public String jcaName() {
        return switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> algorithm.toUpperCase(Locale.ROOT);
        };
    }

    /** First twelve hex digits, as tools print short ids. */
    public String shortHex() {
        return hex.length() <= 12 ? hex : hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    @Override
    public int compareTo(Digest o) {
        return toString().compareTo(o.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}

package dev.plimsoll.check.dockerfile.rules;

import java.util.Optional;

/** How FROM rules read an image word as written: tag and digest split as Docker splits a reference. */
final class ImageRefs {
    private ImageRefs() {
    }

    static boolean hasDigest(String image) {
        return image.contains("@");
    }

    /** The tag: after the last ':' that follows the last '/', before any digest ({@code localhost:5000/x} has none). */
    static Optional<String> tag(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? Optional.of(name.substring(colon + 1)) : Optional.empty();
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}

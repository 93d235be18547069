package dev.plimsoll.version;

/**
 * Trimming by one language's notion of whitespace. The schemes must cut input exactly where their reference
 * implementation does, and JavaScript's {@code trim()}, .NET's, Python's {@code strip()}, Ruby's {@code \s},
 * PHP's {@code trim()} and C's {@code isblank} all differ from each other and from Java's {@code strip()}; each
 * scheme keeps its own set, the cutting is shared.
 */
public final class Trim {
    /** The characters one language trims. */
    @FunctionalInterface
    public interface Trimmed {
        boolean test(char c);
    }

    private Trim() {
    }

    /** {@code text} without the leading and trailing characters of the set. */
    public static String trim(String text, Trimmed trimmed) {
        int start = 0;
        int end = text.length();
        while (start < end && trimmed.test(text.charAt(start))) {
            start++;
        }
        while (end > start && trimmed.test(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}

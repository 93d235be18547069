package dev.plimsoll.version;

import java.util.List;
import java.util.Random;

/** Random choices and one-character edits, for the text generators of the differential tests. */
public final class RandomText {
    private RandomText() {
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** {@code text} with one character of {@code alphabet} inserted, or one of its characters removed or replaced. */
    public static String mutate(Random random, String text, String alphabet) {
        StringBuilder out = new StringBuilder(text);
        int at = out.isEmpty() ? 0 : random.nextInt(out.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
            case 0 -> out.insert(at, c);
            case 1 -> {
                if (at < out.length()) {
                    out.deleteCharAt(at);
                }
            }
            default -> {
                if (at < out.length()) {
                    out.setCharAt(at, c);
                }
            }
        }
        return out.toString();
    }
}

package dev.plimsoll.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Chains of versions that differ by small edits, so that equal and adjacent versions are common, not just
 * unrelated ones: each next text is, three times in four, a respelling or small edit of a version already in the
 * chain, otherwise a fresh one.
 */
public final class VersionChains {
    private VersionChains() {
    }

    /**
     * {@code size} versions: {@code read} turns a text into a version, or into nothing when the text is one of the
     * generator's deliberately malformed ones (it may also fail the test, where no such text is expected).
     */
    public static <V extends Version> List<V> chain(Random random, int size, Supplier<String> fresh,
            UnaryOperator<String> near, Function<String, Optional<V>> read) {
        List<V> chain = new ArrayList<>(size);
        String text = fresh.get();
        while (chain.size() < size) {
            read.apply(text).ifPresent(chain::add);
            text = random.nextInt(4) == 0 || chain.isEmpty() ? fresh.get()
                : near.apply(chain.get(random.nextInt(chain.size())).raw());
        }
        return chain;
    }

    /** Reads a text as a version of {@code scheme}, or as nothing where the scheme rejects it. */
    public static <V extends Version> Function<String, Optional<V>> skippingInvalid(VersionScheme scheme,
            Class<V> type) {
        return text -> {
            try {
                return Optional.of(type.cast(scheme.parse(text)));
            } catch (InvalidVersionException e) {
                return Optional.empty();
            }
        };
    }
}

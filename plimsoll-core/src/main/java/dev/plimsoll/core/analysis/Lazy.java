package dev.plimsoll.core.analysis;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and then kept (thread-safe). For what an analyzer needs only when it runs (compiled
 * rules, a linter): every analyzer is registered at start-up, and a scan that leaves one out must not pay for it.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> maker;
    private volatile T value;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker);
    }

    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(maker);
    }

    /** An already made value. */
    public static <T> Lazy<T> ofValue(T value) {
        Lazy<T> lazy = new Lazy<>(() -> value);
        lazy.value = Objects.requireNonNull(value);
        return lazy;
    }

    /** The value if it has been made, without making it (to release what was made, and only that). */
    public java.util.Optional<T> ifMade() {
        return java.util.Optional.ofNullable(value);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(maker.get());
                    value = v;
                }
            }
        }
        return v;
    }
}

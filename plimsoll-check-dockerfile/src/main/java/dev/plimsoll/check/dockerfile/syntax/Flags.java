package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/** An instruction's flags in written order; names are compared case-sensitively, as BuildKit does. */
public record Flags(List<Flag> all) {
    public static final Flags NONE = new Flags(List.of());

    public Flags {
        all = List.copyOf(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    public Optional<Flag> first(String name) {
        for (Flag flag : all) {
            if (flag.name().equals(name)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The value of the last occurrence (BuildKit keeps the last of a repeated single-valued flag). */
    public Optional<String> value(String name) {
        Optional<String> value = Optional.empty();
        for (Flag flag : all) {
            if (flag.name().equals(name)) {
                value = Optional.of(flag.valueOrEmpty());
            }
        }
        return value;
    }

    /** Every occurrence of a repeatable flag such as {@code --mount} or {@code --exclude}. */
    public List<Flag> all(String name) {
        return all.stream().filter(flag -> flag.name().equals(name)).toList();
    }

    /** A boolean flag: absent is false, bare or {@code =true} is true. */
    public boolean isSet(String name) {
        Optional<Flag> last = Optional.empty();
        for (Flag flag : all) {
            if (flag.name().equals(name)) {
                last = Optional.of(flag);
            }
        }
        return last.map(Flag::isTrue).orElse(false);
    }
}

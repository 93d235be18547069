package dev.plimsoll.check.secrets.validate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validators by the name rules give in {@code validator:}. Immutable: {@link #with} returns a copy, so that a caller
 * can add its own format checks without a static registry.
 */
public final class Validators {
    private final Map<String, Validator> byName;

    private Validators(Map<String, Validator> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** github-crc32, npm-crc32, jwt, pem. */
    public static Validators builtin() {
        Map<String, Validator> m = new TreeMap<>();
        m.put("github-crc32", Base62Crc32::valid);
        m.put("npm-crc32", Base62Crc32::valid);
        m.put("jwt", Jwt::valid);
        m.put("pem", Pem::valid);
        return new Validators(m);
    }

    public Validators with(String name, Validator validator) {
        Map<String, Validator> m = new TreeMap<>(byName);
        m.put(name, validator);
        return new Validators(m);
    }

    public Optional<Validator> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }
}

package dev.plimsoll.check.secrets.validate;

/**
 * A format check on a candidate secret (a checksum, a header that must parse): it turns a regex that also matches
 * random look-alikes into a rule that fires only on values the issuer could have produced. Implementations are
 * stateless and thread-safe; they must not throw on any input and must not log the value.
 */
@FunctionalInterface
public interface Validator {
    boolean valid(String secret);
}

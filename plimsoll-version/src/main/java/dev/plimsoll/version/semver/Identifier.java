package dev.plimsoll.version.semver;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One dot-separated pre-release identifier of a SemVer-family version, ordered as SemVer 2.0.0 section 11 says:
 * numeric identifiers by value and below alphanumeric ones, alphanumeric identifiers by their ASCII bytes.
 * Shared by the strict SemVer, npm and Cargo schemes, whose pre-release orders are this one.
 */
public sealed interface Identifier extends Comparable<Identifier> permits Identifier.Numeric, Identifier.Alphanumeric {

    /** Digits only; compared by value with no size limit (node-semver rounds beyond 2^53, see NpmVersion). */
    record Numeric(BigInteger value) implements Identifier {
        public Numeric {
            Objects.requireNonNull(value);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("negative identifier " + value);
            }
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** Contains a letter or hyphen; compared character by character (all ASCII, so UTF-16 order is byte order). */
    record Alphanumeric(String text) implements Identifier {
        public Alphanumeric {
            Objects.requireNonNull(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Reads one identifier already checked to consist of ASCII letters, digits and hyphens. */
    static Identifier of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return new Alphanumeric(text);
            }
        }
        return new Numeric(new BigInteger(text));
    }

    @Override
    default int compareTo(Identifier other) {
        return switch (this) {
            case Numeric a -> switch (other) {
                case Numeric b -> a.value().compareTo(b.value());
                case Alphanumeric b -> -1;
            };
            case Alphanumeric a -> switch (other) {
                case Numeric b -> 1;
                case Alphanumeric b -> Integer.signum(a.text().compareTo(b.text()));
            };
        };
    }

    /**
     * SemVer precedence of two pre-release lists: an empty list (a release) ranks above any pre-release, then
     * identifiers are compared left to right, and a list that is a prefix of the other ranks lower.
     */
    static int comparePrerelease(List<Identifier> left, List<Identifier> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}

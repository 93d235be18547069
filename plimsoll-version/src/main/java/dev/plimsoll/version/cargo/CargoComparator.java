package dev.plimsoll.version.cargo;

import dev.plimsoll.version.semver.Identifier;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One comparator of a Cargo requirement: an operator and a possibly partial version ("^1.2", "&gt;=1", "~1.2.3-rc.1",
 * "1.*"). A missing minor or patch widens the comparator the way Cargo documents: {@code =1.2} is
 * {@code >=1.2.0, <1.3.0}, {@code >1} is {@code >=2.0.0}, {@code <=1.2} is {@code <1.3.0}, {@code ^0.0} is
 * {@code >=0.0.0, <0.1.0}.
 *
 * @param prerelease empty unless major, minor and patch are all given
 */
public record CargoComparator(CargoOperator operator, BigInteger major, Optional<BigInteger> minor,
        Optional<BigInteger> patch, List<Identifier> prerelease) {

    public CargoComparator {
        Objects.requireNonNull(operator);
        Objects.requireNonNull(major);
        Objects.requireNonNull(minor);
        Objects.requireNonNull(patch);
        prerelease = List.copyOf(prerelease);
        if (minor.isEmpty() && patch.isPresent()) {
            throw new IllegalArgumentException("a patch needs a minor");
        }
        if (patch.isEmpty() && !prerelease.isEmpty()) {
            throw new IllegalArgumentException("a pre-release needs a full version");
        }
    }

    /** Whether the version is within this comparator's bounds, before the pre-release admission rule. */
    boolean bounds(CargoVersion v) {
        return switch (operator) {
            case EXACT, WILDCARD -> exact(v);
            case GREATER -> greater(v);
            case GREATER_EQ -> exact(v) || greater(v);
            case LESS -> less(v);
            case LESS_EQ -> exact(v) || less(v);
            case TILDE -> tilde(v);
            case CARET -> caret(v);
        };
    }

    /** A pre-release of the same major.minor.patch named here lets other pre-releases of it match. */
    boolean admitsPrereleaseOf(CargoVersion v) {
        return !prerelease.isEmpty() && major.equals(v.major()) && minor.equals(Optional.of(v.minor()))
            && patch.equals(Optional.of(v.patch()));
    }

    private int pre(CargoVersion v) {
        return Identifier.comparePrerelease(v.prerelease(), prerelease);
    }

    private boolean exact(CargoVersion v) {
        if (!v.major().equals(major)
                || minor.isPresent() && !v.minor().equals(minor.get())
                || patch.isPresent() && !v.patch().equals(patch.get())) {
            return false;
        }
        return pre(v) == 0;
    }

    private boolean greater(CargoVersion v) {
        int order = v.major().compareTo(major);
        if (order != 0) {
            return order > 0;
        }
        if (minor.isEmpty()) {
            return false;
        }
        order = v.minor().compareTo(minor.get());
        if (order != 0) {
            return order > 0;
        }
        if (patch.isEmpty()) {
            return false;
        }
        order = v.patch().compareTo(patch.get());
        return order != 0 ? order > 0 : pre(v) > 0;
    }

    private boolean less(CargoVersion v) {
        int order = v.major().compareTo(major);
        if (order != 0) {
            return order < 0;
        }
        if (minor.isEmpty()) {
            return false;
        }
        order = v.minor().compareTo(minor.get());
        if (order != 0) {
            return order < 0;
        }
        if (patch.isEmpty()) {
            return false;
        }
        order = v.patch().compareTo(patch.get());
        return order != 0 ? order < 0 : pre(v) < 0;
    }

    private boolean tilde(CargoVersion v) {
        if (!v.major().equals(major) || minor.isPresent() && !v.minor().equals(minor.get())) {
            return false;
        }
        if (patch.isPresent() && !v.patch().equals(patch.get())) {
            return v.patch().compareTo(patch.get()) > 0;
        }
        return pre(v) >= 0;
    }

    private boolean caret(CargoVersion v) {
        if (!v.major().equals(major)) {
            return false;
        }
        if (minor.isEmpty()) {
            return true;
        }
        boolean majorZero = major.signum() == 0;
        if (patch.isEmpty()) {
            return majorZero ? v.minor().equals(minor.get()) : v.minor().compareTo(minor.get()) >= 0;
        }
        if (!majorZero) {
            if (!v.minor().equals(minor.get())) {
                return v.minor().compareTo(minor.get()) > 0;
            }
            if (!v.patch().equals(patch.get())) {
                return v.patch().compareTo(patch.get()) > 0;
            }
        } else if (minor.get().signum() > 0) {
            if (!v.minor().equals(minor.get())) {
                return false;
            }
            if (!v.patch().equals(patch.get())) {
                return v.patch().compareTo(patch.get()) > 0;
            }
        } else if (!v.minor().equals(minor.get()) || !v.patch().equals(patch.get())) {
            return false;
        }
        return pre(v) >= 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(operator.symbol()).append(major);
        if (minor.isPresent()) {
            out.append('.').append(minor.get());
        } else if (operator == CargoOperator.WILDCARD) {
            return out.append(".*").toString();
        }
        if (patch.isPresent()) {
            out.append('.').append(patch.get());
        } else if (operator == CargoOperator.WILDCARD) {
            return out.append(".*").toString();
        }
        for (int i = 0; i < prerelease.size(); i++) {
            out.append(i == 0 ? '-' : '.').append(prerelease.get(i));
        }
        return out.toString();
    }
}

package dev.plimsoll.version.pep440;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** PEP 440 (PyPI): versions and version specifiers. */
public enum Pep440Scheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "pep440";
    }

    @Override
    public Pep440Version parse(String raw) throws InvalidVersionException {
        return Pep440Version.parse(raw);
    }

    @Override
    public Pep440SpecifierSet constraint(String expression) throws InvalidVersionException {
        return Pep440SpecifierSet.parse(expression);
    }
}

package dev.plimsoll.version.gem;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** RubyGems: Gem::Version order and Gem::Requirement constraints. */
public enum GemScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "gem";
    }

    @Override
    public GemVersion parse(String raw) throws InvalidVersionException {
        return GemVersion.parse(raw);
    }

    @Override
    public GemRequirement constraint(String expression) throws InvalidVersionException {
        return GemRequirement.parse(expression);
    }
}

package dev.plimsoll.version.maven;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** Maven versions (ordered by maven-artifact's ComparableVersion) and Maven version ranges. */
public final class MavenScheme implements VersionScheme {
    public static final MavenScheme INSTANCE = new MavenScheme();

    private MavenScheme() {
    }

    @Override
    public String id() {
        return "maven";
    }

    @Override
    public MavenVersion parse(String raw) throws InvalidVersionException {
        return MavenVersion.parse(raw);
    }

    @Override
    public MavenRange constraint(String expression) throws InvalidVersionException {
        return MavenRange.parse(expression);
    }
}

package dev.plimsoll.version.nuget;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.VersionScheme;

/** NuGet: NuGet.Versioning's versions (up to four numbers, case-insensitive labels) and interval ranges. */
public enum NuGetScheme implements VersionScheme {
    INSTANCE;

    @Override
    public String id() {
        return "nuget";
    }

    @Override
    public NuGetVersion parse(String raw) throws InvalidVersionException {
        return NuGetVersion.parse(raw);
    }

    @Override
    public NuGetVersionRange constraint(String expression) throws InvalidVersionException {
        return NuGetVersionRange.parse(expression);
    }
}

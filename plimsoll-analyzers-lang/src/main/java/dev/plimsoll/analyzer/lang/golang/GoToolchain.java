package dev.plimsoll.analyzer.lang.golang;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go toolchain names as binaries and go.mod files write them ("go1.19.8", "go1.20", "go1.22rc1",
 * "go1.21.3 X:boringcrypto") in the SemVer form the Go vulnerability database keys the standard library by
 * ("v1.19.8", "v1.20.0", "v1.22.0-rc.1"). Before Go 1.21 a minor version's first release had no patch number.
 */
final class GoToolchain {
    private static final Pattern RELEASE = Pattern.compile(
            "go(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?(?:[ +-].*)?", Pattern.DOTALL);

    private GoToolchain() {
    }

    /** The SemVer form; empty for development toolchains ("devel go1.23-abc123 ...") and anything unknown. */
    static Optional<String> semver(String toolchain) {
        Matcher m = RELEASE.matcher(toolchain);
        if (!m.matches()) {
            return Optional.empty();
        }
        String patch = m.group(3) == null ? "0" : m.group(3);
        String pre = m.group(4) == null ? "" : "-" + m.group(4) + "." + m.group(5);
        return Optional.of("v" + m.group(1) + "." + m.group(2) + "." + patch + pre);
    }
}

package dev.plimsoll.match.golang;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.Plan;
import java.util.regex.Pattern;

/**
 * Go modules, by module path (case-sensitive). The standard library and the toolchain are the pseudo-modules
 * "stdlib" and "toolchain" in the Go vulnerability database, whose versions are SemVer ("1.21.3"), while binaries
 * record the toolchain as "go1.21.3", "go1.20" (before Go 1.21 a minor's first release had no patch number),
 * "go1.22rc1" or "go1.21.3 X:boringcrypto"; those become "v1.21.3", "v1.20.0", "v1.22.0-rc.1", the SemVer form the
 * Go project's own tooling (golang.org/x/vuln) compares.
 */
public final class GoMatcher implements dev.plimsoll.match.Matcher {
    private static final Pattern TOOLCHAIN = Pattern.compile(
            "go(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?(?:[ +-].*)?");

    @Override
    public String id() {
        return "lang/golang";
    }

    @Override
    public boolean accepts(Candidate c) {
        return c.ecosystem() == Ecosystem.GOLANG;
    }

    @Override
    public Plan plan(Candidate c) {
        boolean pseudoModule = c.name().equals("stdlib") || c.name().equals("toolchain");
        String version = pseudoModule ? toolchainVersion(c.version()) : c.version();
        return Plan.of(new Lookup(PackageKey.language(Ecosystem.GOLANG, c.name()), MatchBasis.DIRECT, version));
    }

    /** "go1.21.3" → "v1.21.3"; versions that are not toolchain names are returned unchanged. */
    public static String toolchainVersion(String version) {
        java.util.regex.Matcher m = TOOLCHAIN.matcher(version.trim());
        if (!m.matches()) {
            return version;
        }
        String minor = m.group(2) == null ? "0" : m.group(2);
        String patch = m.group(3) == null ? "0" : m.group(3);
        String pre = m.group(4) == null ? "" : "-" + m.group(4) + "." + m.group(5);
        return "v" + m.group(1) + "." + minor + "." + patch + pre;
    }
}

package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.core.advisory.Distro;
import dev.plimsoll.core.inventory.Ecosystem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OSV ecosystem table (ossf.github.io/osv-schema, "Defined ecosystems") mapped onto Plimsoll's package keys.
 *
 * <table>
 * <caption>OSV ecosystem → Plimsoll key</caption>
 * <tr><th>OSV {@code package.ecosystem}</th><th>ecosystem</th><th>distro key</th></tr>
 * <tr><td>npm, Maven[:repo-url], PyPI, Go, crates.io, RubyGems, NuGet, Packagist[:repo-url], Hex, Pub, SwiftURL,
 *     ConanCenter</td><td>NPM, MAVEN, PYPI, GOLANG, CARGO, GEM, NUGET, COMPOSER, HEX, PUB, SWIFT, CONAN</td>
 *     <td>none</td></tr>
 * <tr><td>Debian:12, Debian:bookworm</td><td>DEB</td><td>debian:12 (codenames via Distro.debianRelease)</td></tr>
 * <tr><td>Ubuntu:20.04:LTS, Ubuntu:22.10, Ubuntu:Pro:18.04:LTS, Ubuntu:Pro:FIPS…:20.04:LTS</td><td>DEB</td>
 *     <td>ubuntu:20.04 (Pro/ESM and FIPS streams share the release key)</td></tr>
 * <tr><td>Alpine:v3.18, Alpine:edge</td><td>APK</td><td>alpine:3.18, alpine:edge</td></tr>
 * <tr><td>Rocky Linux:9, AlmaLinux:9</td><td>RPM</td><td>rocky:9, almalinux:9 (major release)</td></tr>
 * <tr><td>Red Hat:enterprise_linux:9::appstream (any repository)</td><td>RPM</td><td>rhel:9</td></tr>
 * <tr><td>SUSE:Linux Enterprise &lt;product&gt; 15 SP5</td><td>RPM</td><td>sles:15.5 (sles:15 without SP)</td></tr>
 * <tr><td>SUSE:Linux Enterprise Micro 5.5, SUSE:Linux Micro 6.0</td><td>RPM</td><td>sle-micro:5.5,
 *     sl-micro:6.0</td></tr>
 * <tr><td>openSUSE:Leap 15.5, openSUSE:Leap Micro 5.5, openSUSE:Tumbleweed</td><td>RPM</td>
 *     <td>opensuse-leap:15.5, opensuse-leap-micro:5.5, opensuse-tumbleweed:rolling</td></tr>
 * <tr><td>Wolfi, Chainguard</td><td>APK</td><td>wolfi:rolling, chainguard:rolling</td></tr>
 * </table>
 *
 * <p>The distro keys are os-release {@code ID} plus the release, as {@link Distro#keyOf} builds them. Red Hat's
 * minor-release streams (rhel_eus, rhel_aus, rhel_e4s, rhel_tus, …) and layered products (OpenShift, JBoss, …) are
 * not mapped: a container built from RHEL or UBI gets its packages from the mainline {@code enterprise_linux}
 * repositories, and folding an EUS fix into "rhel:9" would declare packages fixed that the mainline has not fixed.
 * Every other ecosystem (GitHub Actions, Linux, Android, OSS-Fuzz, GIT, Hackage, the {@code purl-type:swift} quirk
 * of some GHSA records, …) is {@link EcosystemMapping.Unsupported} with its reason, which the feed reports.
 */
public final class OsvEcosystems {
    private static final Map<String, Ecosystem> LANGUAGES = Map.ofEntries(
            Map.entry("npm", Ecosystem.NPM), Map.entry("Maven", Ecosystem.MAVEN), Map.entry("PyPI", Ecosystem.PYPI),
            Map.entry("Go", Ecosystem.GOLANG), Map.entry("crates.io", Ecosystem.CARGO),
            Map.entry("RubyGems", Ecosystem.GEM), Map.entry("NuGet", Ecosystem.NUGET),
            Map.entry("Packagist", Ecosystem.COMPOSER), Map.entry("Hex", Ecosystem.HEX),
            Map.entry("Pub", Ecosystem.PUB), Map.entry("SwiftURL", Ecosystem.SWIFT),
            Map.entry("ConanCenter", Ecosystem.CONAN));

    /** Only these language ecosystems take a suffix (the source repository's URL). */
    private static final Set<String> REPOSITORY_SUFFIXED = Set.of("Maven", "Packagist");

    private static final Pattern MAJOR = Pattern.compile("(\\d+)(?:\\.\\d+)*");
    private static final Pattern ALPINE = Pattern.compile("v?(\\d+\\.\\d+)");
    private static final Pattern SLE_MICRO = Pattern.compile("(?:SUSE )?Linux Enterprise Micro (\\d+\\.\\d+)\\b.*");
    private static final Pattern SL_MICRO = Pattern.compile("(?:SUSE )?Linux Micro (\\d+\\.\\d+)\\b.*");
    private static final Pattern SLE =
            Pattern.compile("(?:SUSE )?Linux Enterprise .*?\\b(\\d+)(?: SP(\\d+))?(?:[- ].*)?");
    private static final Pattern LEAP = Pattern.compile("Leap (\\d+\\.\\d+)");
    private static final Pattern LEAP_MICRO = Pattern.compile("Leap Micro (\\d+\\.\\d+)");

    private OsvEcosystems() {
    }

    /** The part before the first ':', which names the ecosystem ("Ubuntu" for "Ubuntu:20.04:LTS"). */
    public static String base(String osvEcosystem) {
        String s = osvEcosystem.strip();
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    public static EcosystemMapping map(String osvEcosystem) {
        String s = osvEcosystem.strip();
        String base = base(s);
        String release = s.length() > base.length() ? s.substring(base.length() + 1) : "";
        Ecosystem language = LANGUAGES.get(base);
        if (language != null) {
            return release.isEmpty() || REPOSITORY_SUFFIXED.contains(base)
                    ? new EcosystemMapping.Language(language)
                    : unsupported(s);
        }
        return switch (base) {
            case "Debian" -> Distro.debianRelease(release)
                    .<EcosystemMapping>map(r -> new EcosystemMapping.Os(Ecosystem.DEB, "debian:" + r))
                    .orElseGet(() -> noRelease(s));
            case "Ubuntu" -> ubuntu(s, release);
            case "Alpine" -> alpine(s, release);
            case "Rocky Linux" -> major(release)
                    .<EcosystemMapping>map(m -> new EcosystemMapping.Os(Ecosystem.RPM, "rocky:" + m))
                    .orElseGet(() -> noRelease(s));
            case "AlmaLinux" -> major(release)
                    .<EcosystemMapping>map(m -> new EcosystemMapping.Os(Ecosystem.RPM, "almalinux:" + m))
                    .orElseGet(() -> noRelease(s));
            case "Red Hat" -> redHat(s, release);
            case "SUSE" -> suse(s, release);
            case "openSUSE" -> openSuse(s, release);
            case "Wolfi" ->
                    release.isEmpty() ? new EcosystemMapping.Os(Ecosystem.APK, "wolfi:rolling") : unsupported(s);
            case "Chainguard" ->
                    release.isEmpty() ? new EcosystemMapping.Os(Ecosystem.APK, "chainguard:rolling") : unsupported(s);
            default -> unsupported(s);
        };
    }

    private static EcosystemMapping ubuntu(String s, String release) {
        // "20.04:LTS", "Pro:18.04:LTS", "Pro:FIPS-updates:20.04:LTS", "22.10": the YY.MM part is the release.
        for (String part : release.split(":")) {
            Optional<String> number = part.matches("\\d\\d\\.\\d\\d") ? Distro.ubuntuRelease(part) : Optional.empty();
            if (number.isPresent()) {
                return new EcosystemMapping.Os(Ecosystem.DEB, "ubuntu:" + number.get());
            }
        }
        return noRelease(s);
    }

    private static EcosystemMapping alpine(String s, String release) {
        if (release.equals("edge")) {
            return new EcosystemMapping.Os(Ecosystem.APK, "alpine:edge");
        }
        Matcher m = ALPINE.matcher(release);
        return m.matches() ? new EcosystemMapping.Os(Ecosystem.APK, "alpine:" + m.group(1)) : noRelease(s);
    }

    private static EcosystemMapping redHat(String s, String cpe) {
        // <product>:<version>:<update>:<edition>, e.g. "enterprise_linux:9::appstream", "rhel_eus:9.2::baseos".
        String[] parts = cpe.split(":", -1);
        if (parts.length < 2) {
            return noRelease(s);
        }
        if (!parts[0].equals("enterprise_linux")) {
            return new EcosystemMapping.Unsupported("Red Hat stream \"" + cpe
                    + "\" is not mainline RHEL (enterprise_linux): not mapped");
        }
        return major(parts[1]).<EcosystemMapping>map(m -> new EcosystemMapping.Os(Ecosystem.RPM, "rhel:" + m))
                .orElseGet(() -> noRelease(s));
    }

    private static EcosystemMapping suse(String s, String product) {
        Matcher micro = SLE_MICRO.matcher(product);
        if (micro.matches()) {
            return new EcosystemMapping.Os(Ecosystem.RPM, "sle-micro:" + micro.group(1));
        }
        Matcher slMicro = SL_MICRO.matcher(product);
        if (slMicro.matches()) {
            return new EcosystemMapping.Os(Ecosystem.RPM, "sl-micro:" + slMicro.group(1));
        }
        Matcher sle = SLE.matcher(product);
        if (sle.matches()) {
            String version = sle.group(2) == null ? sle.group(1) : sle.group(1) + "." + sle.group(2);
            return new EcosystemMapping.Os(Ecosystem.RPM, "sles:" + version);
        }
        return new EcosystemMapping.Unsupported("SUSE product \"" + product
                + "\" is not a SUSE Linux Enterprise release: not mapped");
    }

    private static EcosystemMapping openSuse(String s, String release) {
        if (release.equalsIgnoreCase("Tumbleweed")) {
            return new EcosystemMapping.Os(Ecosystem.RPM, "opensuse-tumbleweed:rolling");
        }
        Matcher leapMicro = LEAP_MICRO.matcher(release);
        if (leapMicro.matches()) {
            return new EcosystemMapping.Os(Ecosystem.RPM, "opensuse-leap-micro:" + leapMicro.group(1));
        }
        Matcher leap = LEAP.matcher(release);
        return leap.matches() ? new EcosystemMapping.Os(Ecosystem.RPM, "opensuse-leap:" + leap.group(1))
                : noRelease(s);
    }

    private static Optional<String> major(String release) {
        Matcher m = MAJOR.matcher(release.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static EcosystemMapping noRelease(String s) {
        return new EcosystemMapping.Unsupported("ecosystem \"" + s + "\" names no release Plimsoll can key by");
    }

    private static EcosystemMapping unsupported(String s) {
        return new EcosystemMapping.Unsupported("unsupported ecosystem \"" + s + "\"");
    }
}

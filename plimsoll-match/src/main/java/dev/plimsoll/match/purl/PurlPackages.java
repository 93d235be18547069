package dev.plimsoll.match.purl;

import com.github.packageurl.PackageURL;
import dev.plimsoll.core.advisory.Distro;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Matchers;
import dev.plimsoll.match.Plan;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packages named by package URLs (an SBOM's components), for matching without the files.
 *
 * <p>The OS release comes from the {@code distro} qualifier in the spellings scanners write: "debian-12",
 * "debian-12.8", "ubuntu-22.04", "rocky-9.2", "alpine-3.18.4", a bare version "3.18.4" or a codename "bookworm"
 * (the purl namespace then names the distribution), or Docker Scout's {@code os_name}/{@code os_version}/
 * {@code os_distro}. The source package comes from the {@code upstream} qualifier (Plimsoll's and Syft's SBOMs
 * write it: "openssl", "gcc-12@12.2.0-14", "util-linux (2.38.1-5)", a source rpm file name); without it the
 * package is its own source. rpm's epoch comes from the {@code epoch} qualifier.
 */
public final class PurlPackages {
    /** The analyzer id of packages that come from an SBOM. */
    public static final AnalyzerId FOUND_BY = AnalyzerId.of("sbom/purl");

    private static final Pattern ID_VERSION = Pattern.compile("([A-Za-z][A-Za-z0-9._]*(?:-[A-Za-z][A-Za-z0-9._]*)*)-(\\d.*)");
    private static final Pattern NAME_AT_VERSION = Pattern.compile("([^@\\s(]+)\\s*(?:@\\s*(\\S+)|\\(\\s*([^)\\s]+)\\s*\\))");
    /** purl namespaces that differ from os-release IDs (the reverse of core's Purls). */
    private static final Map<String, String> OS_IDS = Map.of("redhat", "rhel", "oracle", "ol", "amazon", "amzn",
            "opensuse", "opensuse-leap");

    private PurlPackages() {
    }

    /**
     * The package to match. Throws {@link IllegalArgumentException} for purls that name no matchable package: a
     * type Plimsoll has no ecosystem for, or no version.
     */
    public static Candidate candidate(PackageURL purl, Optional<Location> location) {
        Ecosystem ecosystem = ecosystem(purl);
        String version = version(purl, ecosystem);
        String name = ecosystem.isOs() ? purl.getName() : LanguagePurls.name(ecosystem, purl);
        return new Candidate(name, version, ecosystem, source(purl, ecosystem, version), osRelease(purl), location,
                purl.canonicalize(), true);
    }

    /** The keys the standard matchers would look the purl's package up by; empty when it cannot be looked up. */
    public static List<PackageKey> keys(PackageURL purl) {
        return switch (Matchers.standard().plan(candidate(purl, Optional.empty()))) {
            case Plan.Lookups l -> l.lookups().stream().map(x -> x.key()).toList();
            case Plan.Unmatchable u -> List.of();
        };
    }

    /**
     * An inventory package for an OS purl (deb, apk, rpm), with the format's metadata as far as the purl tells it;
     * empty for language purls, which core's inventory has no metadata form for yet.
     */
    public static Optional<Package> osPackage(PackageURL purl, Optional<Location> location) {
        Ecosystem ecosystem = ecosystem(purl);
        if (!ecosystem.isOs()) {
            return Optional.empty();
        }
        String version = version(purl, ecosystem);
        Optional<SourcePackage> source = source(purl, ecosystem, version);
        String arch = qualifier(purl, "arch").orElse("");
        PackageMetadata metadata = switch (ecosystem) {
            case DEB -> new PackageMetadata.Dpkg(arch, Optional.empty(), Optional.empty(), OptionalLong.empty(),
                    List.of(), List.of());
            case APK -> new PackageMetadata.Apk(arch, source.map(SourcePackage::name), Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(), List.of());
            case RPM -> rpmMetadata(purl, arch);
            default -> throw new IllegalStateException("not an OS ecosystem: " + ecosystem);
        };
        return Optional.of(new Package(purl.getName(), version, ecosystem, source, List.of(),
                location.map(List::of).orElse(List.of()), Optional.empty(), FOUND_BY, metadata));
    }

    /** The OS release the purl's qualifiers name; empty for language purls and OS purls that name none. */
    public static Optional<OsRelease> osRelease(PackageURL purl) {
        Ecosystem ecosystem = ecosystem(purl);
        if (!ecosystem.isOs()) {
            return Optional.empty();
        }
        String namespaceId = Optional.ofNullable(purl.getNamespace()).map(PurlPackages::osId)
                .orElse(switch (ecosystem) {
                    case DEB -> "debian";
                    case APK -> "alpine";
                    default -> "rhel";
                });
        Optional<String> distro = qualifier(purl, "distro");
        if (distro.isEmpty()) {
            Optional<String> name = qualifier(purl, "os_name");
            Optional<String> osVersion = qualifier(purl, "os_version");
            if (name.isPresent() && osVersion.isPresent()) {
                return Optional.of(release(osId(name.get()), osVersion.get(), qualifier(purl, "os_distro")));
            }
            return qualifier(purl, "os_distro").flatMap(codename -> codename(namespaceId, codename));
        }
        String value = distro.get().trim();
        Matcher m = ID_VERSION.matcher(value);
        if (m.matches()) {
            return Optional.of(release(osId(m.group(1)), m.group(2), Optional.empty()));
        }
        if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
            return Optional.of(release(namespaceId, value, Optional.empty()));
        }
        int dash = value.lastIndexOf('-');
        if (dash > 0) { // "debian-bookworm"
            Optional<OsRelease> r = codename(osId(value.substring(0, dash)), value.substring(dash + 1));
            if (r.isPresent()) {
                return r;
            }
        }
        return codename(namespaceId, value);
    }

    private static Optional<OsRelease> codename(String id, String codename) {
        Optional<String> version = switch (id) {
            case "debian" -> Distro.debianRelease(codename);
            case "ubuntu" -> Distro.ubuntuRelease(codename);
            default -> Optional.empty();
        };
        return version.map(v -> release(id, v, Optional.of(codename.toLowerCase(Locale.ROOT))));
    }

    private static OsRelease release(String id, String versionId, Optional<String> codename) {
        return new OsRelease(id, versionId, codename, id + " " + versionId, List.of(), Optional.empty(), "purl");
    }

    private static String osId(String namespace) {
        String lower = namespace.toLowerCase(Locale.ROOT);
        return OS_IDS.getOrDefault(lower, lower);
    }

    private static Ecosystem ecosystem(PackageURL purl) {
        return Arrays.stream(Ecosystem.values()).filter(e -> e.purlType().equals(purl.getType())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ecosystem for purl type \"" + purl.getType()
                        + "\": " + purl.canonicalize()));
    }

    /** The version as the ecosystem prints it: rpm and deb get the epoch qualifier as "EPOCH:" when it has one. */
    private static String version(PackageURL purl, Ecosystem ecosystem) {
        String version = Optional.ofNullable(purl.getVersion()).map(String::trim).orElse("");
        if (version.isEmpty()) {
            throw new IllegalArgumentException("purl without a version cannot be matched: " + purl.canonicalize());
        }
        if ((ecosystem == Ecosystem.RPM || ecosystem == Ecosystem.DEB) && !version.contains(":")) {
            Optional<String> epoch = qualifier(purl, "epoch").filter(e -> e.matches("\\d+") && !e.equals("0"));
            if (epoch.isPresent()) {
                return epoch.get() + ":" + version;
            }
        }
        return version;
    }

    private static Optional<SourcePackage> source(PackageURL purl, Ecosystem ecosystem, String version) {
        Optional<String> upstream = qualifier(purl, "upstream").map(String::trim).filter(s -> !s.isEmpty());
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        String u = upstream.get();
        if (ecosystem == Ecosystem.RPM && u.endsWith(".rpm")) {
            return sourceRpm(u, version);
        }
        Matcher m = NAME_AT_VERSION.matcher(u);
        if (m.matches()) {
            return Optional.of(new SourcePackage(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
        }
        return Optional.of(new SourcePackage(u, version));
    }

    /** "openssl-3.0.7-24.el9.src.rpm" → openssl with the binary's EPOCH:VERSION-RELEASE (built together). */
    private static Optional<SourcePackage> sourceRpm(String file, String binaryVersion) {
        String s = file.replaceFirst("\\.(no)?src\\.rpm$", "");
        int release = s.lastIndexOf('-');
        int version = release <= 0 ? -1 : s.lastIndexOf('-', release - 1);
        return version <= 0 ? Optional.empty() : Optional.of(new SourcePackage(s.substring(0, version), binaryVersion));
    }

    private static PackageMetadata.Rpm rpmMetadata(PackageURL purl, String arch) {
        String v = Optional.ofNullable(purl.getVersion()).orElse("");
        v = v.contains(":") ? v.substring(v.indexOf(':') + 1) : v;
        int dash = v.lastIndexOf('-');
        Optional<Integer> epoch = qualifier(purl, "epoch").filter(e -> e.matches("\\d{1,9}")).map(Integer::valueOf);
        Optional<String> sourceRpm = qualifier(purl, "upstream").filter(u -> u.endsWith(".rpm"));
        return new PackageMetadata.Rpm(epoch, dash < 0 ? v : v.substring(0, dash), dash < 0 ? "" : v.substring(dash + 1),
                arch, sourceRpm, Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of());
    }

    private static Optional<String> qualifier(PackageURL purl, String key) {
        Map<String, String> q = purl.getQualifiers();
        return q == null ? Optional.empty() : Optional.ofNullable(q.get(key)).filter(s -> !s.isBlank());
    }
}

package dev.plimsoll.core.advisory;

import dev.plimsoll.core.inventory.OsRelease;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Distribution-release keys ("debian:12", "ubuntu:22.04", "alpine:3.18", "rhel:9") and the codename tables
 * that turn the feeds' and os-release's spellings into them.
 */
public final class Distro {
    private static final Map<String, String> DEBIAN_CODENAMES = Map.ofEntries(
            Map.entry("buzz", "1.1"), Map.entry("rex", "1.2"), Map.entry("bo", "1.3"), Map.entry("hamm", "2.0"),
            Map.entry("slink", "2.1"), Map.entry("potato", "2.2"), Map.entry("woody", "3.0"),
            Map.entry("sarge", "3.1"), Map.entry("etch", "4"), Map.entry("lenny", "5"), Map.entry("squeeze", "6"),
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("duke", "15"),
            Map.entry("sid", "sid"));

    private static final Map<String, String> UBUNTU_CODENAMES = Map.ofEntries(
            Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
            Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
            Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"), Map.entry("questing", "25.10"));

    private Distro() {
    }

    /** "bookworm" → "12", "12" → "12"; empty for names that are not Debian releases. */
    public static Optional<String> debianRelease(String codenameOrNumber) {
        String s = codenameOrNumber.trim().toLowerCase(Locale.ROOT);
        if (DEBIAN_CODENAMES.containsKey(s)) {
            return Optional.of(DEBIAN_CODENAMES.get(s));
        }
        return DEBIAN_CODENAMES.containsValue(s) ? Optional.of(s) : Optional.empty();
    }

    /** "jammy" → "22.04", "22.04" → "22.04". */
    public static Optional<String> ubuntuRelease(String codenameOrNumber) {
        String s = codenameOrNumber.trim().toLowerCase(Locale.ROOT);
        if (UBUNTU_CODENAMES.containsKey(s)) {
            return Optional.of(UBUNTU_CODENAMES.get(s));
        }
        return s.matches("\\d\\d\\.\\d\\d") ? Optional.of(s) : Optional.empty();
    }

    /**
     * The key vulnerability data for this OS is stored under: Debian by major release (sid/testing by codename
     * when there is no VERSION_ID), Ubuntu by YY.MM, Alpine by major.minor branch, RHEL and its rebuilds by major.
     */
    public static Optional<String> keyOf(OsRelease os) {
        String id = os.id().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "debian" -> (os.versionId().isBlank()
                    ? os.versionCodename().flatMap(Distro::debianRelease)
                    : debianRelease(os.majorVersion())).map(r -> "debian:" + r);
            case "ubuntu" -> ubuntuRelease(os.versionId()).or(() -> os.versionCodename()
                    .flatMap(Distro::ubuntuRelease)).map(r -> "ubuntu:" + r);
            case "alpine" -> alpineBranch(os.versionId()).map(r -> "alpine:" + r);
            // Rolling distributions have one stream of fixes whatever their VERSION_ID (a date or a snapshot).
            case "wolfi", "chainguard", "opensuse-tumbleweed" -> Optional.of(id + ":rolling");
            case "rhel", "centos", "rocky", "almalinux", "ol", "fedora", "amzn" ->
                    os.versionId().isBlank() ? Optional.empty() : Optional.of(id + ":" + os.majorVersion());
            default -> os.versionId().isBlank() ? Optional.empty() : Optional.of(id + ":" + os.versionId());
        };
    }

    /** "3.18.4" → "3.18"; "3.19_alpha20230901" (edge) → "edge". */
    public static Optional<String> alpineBranch(String versionId) {
        if (versionId.contains("_")) {
            return Optional.of("edge");
        }
        String[] parts = versionId.split("\\.");
        return parts.length >= 2 ? Optional.of(parts[0] + "." + parts[1]) : Optional.empty();
    }
}

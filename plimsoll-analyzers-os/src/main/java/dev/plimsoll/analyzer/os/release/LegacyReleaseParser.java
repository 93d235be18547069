package dev.plimsoll.analyzer.os.release;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The release files that came before os-release and still stand alone in old images: Red Hat's one-line
 * "NAME release VERSION (CODENAME)" family, SuSE-release, photon-release, alpine-release, debian_version and
 * lsb-release. Each reading looks at a bounded first line, so a hostile file costs nothing.
 */
final class LegacyReleaseParser {
    /** What an old-style file tells. */
    record Release(String id, String versionId, Optional<String> codename, String prettyName) {
    }

    /** Longer first lines are not release lines; cutting them keeps every reading bounded. */
    private static final int MAX_LINE = 1024;

    private LegacyReleaseParser() {
    }

    /**
     * "Rocky Linux release 9.2 (Blue Onyx)", "CentOS Linux release 7.9.2009 (Core)", "Red Hat Enterprise Linux
     * Server release 7.9 (Maipo)", "Amazon Linux release 2 (Karoo)". The id comes from the product name, since
     * redhat-release and system-release name whichever product wrote them; {@code fileId} is the id the file's
     * own name implies, used for names not known here.
     */
    static Optional<Release> redHatStyle(String text, Optional<String> fileId) {
        String line = firstLine(text);
        int at = line.indexOf(" release ");
        if (at <= 0) {
            return Optional.empty();
        }
        String product = line.substring(0, at).strip();
        String rest = line.substring(at + " release ".length()).strip();
        int blank = rest.indexOf(' ');
        String version = blank < 0 ? rest : rest.substring(0, blank);
        if (version.isEmpty() || !Character.isDigit(version.charAt(0))) {
            return Optional.empty();
        }
        Optional<String> id = productId(product).or(() -> fileId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> codename = Optional.empty();
        int open = rest.indexOf('(');
        int close = rest.indexOf(')', open + 1);
        if (open >= 0 && close > open + 1) {
            codename = Optional.of(rest.substring(open + 1, close).strip()).filter(s -> !s.isEmpty());
        }
        return Optional.of(new Release(id.get(), version, codename, line));
    }

    private static Optional<String> productId(String product) {
        String p = product.toLowerCase(Locale.ROOT);
        if (p.startsWith("rocky")) {
            return Optional.of("rocky");
        } else if (p.startsWith("almalinux")) {
            return Optional.of("almalinux");
        } else if (p.startsWith("centos")) {
            return Optional.of("centos");
        } else if (p.startsWith("red hat enterprise linux")) {
            return Optional.of("rhel");
        } else if (p.startsWith("fedora")) {
            return Optional.of("fedora");
        } else if (p.startsWith("oracle linux")) {
            return Optional.of("ol");
        } else if (p.startsWith("amazon linux")) {
            return Optional.of("amzn");
        } else if (p.startsWith("scientific linux")) {
            return Optional.of("scientific");
        }
        return Optional.empty();
    }

    /**
     * SuSE-release: a product line, then "VERSION = 11", "PATCHLEVEL = 4" (SLES) or "CODENAME = Harlequin"
     * (openSUSE). The version joins the service pack as os-release's VERSION_ID does ("11.4"; "12" for no SP).
     */
    static Optional<Release> suse(String text) {
        String product = firstLine(text);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        String p = product.toLowerCase(Locale.ROOT);
        String id;
        if (p.contains("opensuse")) {
            id = "opensuse";
        } else if (p.contains("enterprise server")) {
            id = "sles";
        } else if (p.contains("enterprise desktop")) {
            id = "sled";
        } else {
            return Optional.empty();
        }
        Map<String, String> fields = spacedAssignments(text);
        String version = fields.getOrDefault("VERSION", "");
        String patch = fields.getOrDefault("PATCHLEVEL", "0");
        if (!version.isEmpty() && !patch.isEmpty() && !patch.equals("0")) {
            version = version + "." + patch;
        }
        int arch = product.lastIndexOf(" (");
        String pretty = arch > 0 ? product.substring(0, arch) : product;
        return Optional.of(new Release(id, version, Optional.ofNullable(fields.get("CODENAME")), pretty));
    }

    /** "KEY = value" lines, as SuSE-release writes them. */
    private static Map<String, String> spacedAssignments(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : text.split("\n", 64)) {
            String line = raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) : raw;
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return fields;
    }

    /** photon-release: "VMware Photon OS 4.0" (older: "VMware Photon Linux 1.0"), then build lines. */
    static Optional<Release> photon(String text) {
        String line = firstLine(text);
        int blank = line.lastIndexOf(' ');
        String version = blank < 0 ? "" : line.substring(blank + 1);
        if (!line.toLowerCase(Locale.ROOT).contains("photon") || version.isEmpty()
                || !Character.isDigit(version.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(new Release("photon", version, Optional.empty(), line));
    }

    /** alpine-release: the version alone ("3.18.4", "3.19_alpha20230901" on edge). */
    static Optional<Release> alpine(String text) {
        String version = firstLine(text);
        if (version.isEmpty() || version.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        int firstDot = version.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : version.indexOf('.', firstDot + 1);
        String branch = secondDot < 0 ? version : version.substring(0, secondDot);
        return Optional.of(new Release("alpine", version, Optional.empty(), "Alpine Linux v" + branch));
    }

    /**
     * debian_version: a point release ("12.8"; "7.11"; "6.0.10"), or on testing and unstable the codename pair
     * "trixie/sid". A point release gives the major version; a codename pair gives the codename, which is what
     * Debian's security data names a release without a number by.
     */
    static Optional<Release> debianVersion(String text) {
        String value = firstLine(text);
        if (value.isEmpty() || value.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        if (Character.isDigit(value.charAt(0))) {
            int dot = value.indexOf('.');
            String major = dot < 0 ? value : value.substring(0, dot);
            return Optional.of(new Release("debian", major, Optional.empty(), "Debian GNU/Linux " + major));
        }
        int slash = value.indexOf('/');
        String codename = slash < 0 ? value : value.substring(0, slash);
        if (codename.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Release("debian", codename, Optional.of(codename), "Debian GNU/Linux " + value));
    }

    /** lsb-release: DISTRIB_ID, DISTRIB_RELEASE, DISTRIB_CODENAME, DISTRIB_DESCRIPTION (Ubuntu before 12.04). */
    static Optional<Release> lsb(String text) {
        Map<String, String> m = OsReleaseParser.parse(text);
        String distrib = m.getOrDefault("DISTRIB_ID", "").strip();
        if (distrib.isEmpty()) {
            return Optional.empty();
        }
        String id = distrib.toLowerCase(Locale.ROOT).replace(" ", "");
        String version = m.getOrDefault("DISTRIB_RELEASE", "").strip();
        String pretty = m.getOrDefault("DISTRIB_DESCRIPTION", "").strip();
        if (pretty.isEmpty()) {
            pretty = (distrib + " " + version).strip();
        }
        Optional<String> codename = Optional.ofNullable(m.get("DISTRIB_CODENAME")).map(String::strip)
                .filter(s -> !s.isEmpty());
        return Optional.of(new Release(id, version, codename, pretty));
    }

    /** The first non-blank line, stripped and bounded. */
    static String firstLine(String text) {
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, Math.min(end, from + MAX_LINE)).strip();
            if (!line.isEmpty()) {
                return line;
            }
            from = end + 1;
        }
        return "";
    }
}

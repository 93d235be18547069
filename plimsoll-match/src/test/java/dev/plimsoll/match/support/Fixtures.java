package dev.plimsoll.match.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.Distro;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the real records in src/test/resources/vulndata into advisories, the way a feed reader would in the small:
 * enough of OSV, the Debian DSA list and the Alpine secdb for the matching tests. Not the feed readers themselves
 * (plimsoll-vulndb-build has those); only what the tests need, kept strict so a fixture change is noticed.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Ecosystem> OSV_ECOSYSTEMS = Map.of("PyPI", Ecosystem.PYPI, "Go",
            Ecosystem.GOLANG, "npm", Ecosystem.NPM, "Maven", Ecosystem.MAVEN, "crates.io", Ecosystem.CARGO,
            "RubyGems", Ecosystem.GEM, "NuGet", Ecosystem.NUGET, "Packagist", Ecosystem.COMPOSER);

    private Fixtures() {
    }

    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/vulndata/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One advisory per {@code affected[]} entry whose ecosystem the tests know; GIT ranges dropped. */
    public static List<Advisory> osv(String resource, String source) {
        return osvJson(text(resource), source);
    }

    /** {@link #osv} of a record's text. */
    public static List<Advisory> osvJson(String json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            Set<String> aliases = new LinkedHashSet<>();
            root.path("aliases").forEach(a -> aliases.add(a.asText()));
            List<Cvss> cvss = new ArrayList<>();
            for (JsonNode s : root.path("severity")) {
                String type = s.path("type").asText();
                String vector = s.path("score").asText();
                if (type.startsWith("CVSS_V")) {
                    String version = type.equals("CVSS_V2") ? "2.0" : vector.substring(5, vector.indexOf('/'));
                    cvss.add(new Cvss(version, vector, Optional.empty(), source));
                }
            }
            Optional<Severity> severity = Optional.ofNullable(root.path("database_specific").get("severity"))
                    .map(JsonNode::asText).map(Severity::parse);
            String title = root.path("summary").asText(root.path("details").asText("").lines().findFirst().orElse(""));
            List<URI> references = new ArrayList<>();
            root.path("references").forEach(r -> references.add(URI.create(r.path("url").asText())));
            boolean withdrawn = root.hasNonNull("withdrawn");
            List<Advisory> out = new ArrayList<>();
            for (JsonNode affected : root.path("affected")) {
                Ecosystem ecosystem = OSV_ECOSYSTEMS.get(affected.path("package").path("ecosystem").asText());
                if (ecosystem == null) {
                    continue;
                }
                List<AffectedRange> ranges = new ArrayList<>();
                List<String> fixed = new ArrayList<>();
                for (JsonNode range : affected.path("ranges")) {
                    String type = range.path("type").asText();
                    if (type.equals("GIT")) {
                        continue;
                    }
                    List<Event> events = new ArrayList<>();
                    for (JsonNode e : range.path("events")) {
                        var field = e.properties().iterator().next();
                        EventKind kind = EventKind.valueOf(field.getKey().toUpperCase(Locale.ROOT));
                        events.add(new Event(kind, field.getValue().asText()));
                        if (kind == EventKind.FIXED) {
                            fixed.add(field.getValue().asText());
                        }
                    }
                    ranges.add(new Events(RangeType.valueOf(type), events));
                }
                List<String> versions = new ArrayList<>();
                affected.path("versions").forEach(v -> versions.add(v.asText()));
                FixState fix = fixed.isEmpty() ? new FixState.NotFixed() : new FixState.Fixed(fixed);
                out.add(new Advisory(root.path("id").asText(), aliases, source,
                        PackageKey.language(ecosystem, affected.path("package").path("name").asText()), ranges,
                        versions, fix, severity, cvss, title, references, instant(root, "published"),
                        instant(root, "modified"), withdrawn));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Instant> instant(JsonNode root, String field) {
        return Optional.ofNullable(root.get(field)).map(JsonNode::asText).map(Instant::parse);
    }

    private static final Pattern DSA_HEAD = Pattern.compile("\\[[^]]+] (DSA-\\d+-\\d+) (\\S+) - (.*)");
    private static final Pattern DSA_CVES = Pattern.compile("\\s*\\{([^}]*)}");
    private static final Pattern DSA_FIX = Pattern.compile("\\s*\\[(\\w+)] - (\\S+) (\\S+)");

    /** A DSA list excerpt: one advisory per release line, keyed by source package, fixed in that version. */
    public static List<Advisory> dsa(String resource) {
        List<Advisory> out = new ArrayList<>();
        String id = null;
        String title = null;
        Set<String> cves = Set.of();
        for (String line : text(resource).lines().toList()) {
            Matcher head = DSA_HEAD.matcher(line);
            Matcher cveLine = DSA_CVES.matcher(line);
            Matcher fix = DSA_FIX.matcher(line);
            if (head.matches()) {
                id = head.group(1);
                title = head.group(2) + " - " + head.group(3);
            } else if (cveLine.matches()) {
                cves = Set.of(cveLine.group(1).trim().split("\\s+"));
            } else if (fix.matches()) {
                String release = Distro.debianRelease(fix.group(1)).orElseThrow();
                out.add(new Advisory(id, cves, "debian-dsa", PackageKey.os(Ecosystem.DEB, "debian:" + release,
                        fix.group(2)), List.of(), List.of(), new FixState.Fixed(List.of(fix.group(3))),
                        Optional.empty(), List.of(), title, List.of(URI.create("https://security-tracker.debian.org/tracker/" + id)),
                        Optional.empty(), Optional.empty(), false));
            } else {
                throw new IllegalArgumentException("unexpected DSA line: " + line);
            }
        }
        return out;
    }

    /**
     * An Alpine secdb YAML excerpt: one advisory per package and CVE, fixed in every version that lists it (as
     * the secdb says it), keyed by origin in the branch named by {@code distroversion}.
     */
    public static List<Advisory> alpineSecdb(String resource) {
        String branch = null;
        String pkg = null;
        String version = null;
        Map<String, List<String>> fixesByCve = new java.util.LinkedHashMap<>();
        List<Advisory> out = new ArrayList<>();
        for (String line : text(resource).lines().toList()) {
            String t = line.trim();
            if (t.startsWith("distroversion: v")) {
                branch = t.substring("distroversion: v".length());
            } else if (t.startsWith("name: ")) {
                pkg = t.substring(6);
            } else if (pkg != null && t.endsWith(":") && !t.equals("secfixes:")) {
                version = t.substring(0, t.length() - 1);
            } else if (version != null && t.startsWith("- CVE-")) {
                fixesByCve.computeIfAbsent(t.substring(2), c -> new ArrayList<>()).add(version);
            }
        }
        for (var e : fixesByCve.entrySet()) {
            out.add(new Advisory(e.getKey(), Set.of(), "alpine", PackageKey.os(Ecosystem.APK, "alpine:" + branch, pkg),
                    List.of(), List.of(), new FixState.Fixed(e.getValue()), Optional.empty(), List.of(), "",
                    List.of(), Optional.empty(), Optional.empty(), false));
        }
        return out;
    }

    /** NVD's CVSS vectors of an NVD API 2.0 CVE record, as the facts of that CVE. */
    public static CveFacts nvd(String resource) {
        try {
            JsonNode root = JSON.readTree(text(resource));
            List<Cvss> cvss = new ArrayList<>();
            root.path("metrics").forEach(list -> list.forEach(m -> cvss.add(new Cvss(
                    m.path("cvssData").path("version").asText(), m.path("cvssData").path("vectorString").asText(),
                    Optional.of(m.path("cvssData").path("baseScore").asDouble()), "nvd"))));
            String description = root.path("descriptions").get(0).path("value").asText();
            return new CveFacts(root.path("id").asText(), false, Optional.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), cvss, Optional.of(description));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KEV's entry for a CVE, with an EPSS score (no EPSS file is available to copy: see the README). */
    public static CveFacts kev(String resource, String cve, double epss) {
        try {
            for (JsonNode v : JSON.readTree(text(resource)).path("vulnerabilities")) {
                if (v.path("cveID").asText().equals(cve)) {
                    return new CveFacts(cve, true, Optional.of(LocalDate.parse(v.path("dateAdded").asText())),
                            OptionalDouble.of(epss), OptionalDouble.empty(), List.of(), Optional.empty());
                }
            }
            throw new IllegalArgumentException(cve + " is not in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.plimsoll.vulndb.build.osv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One OSV record (ossf.github.io/osv-schema) to {@link Advisory}s: one per package the record names. Entries of
 * {@code affected[]} naming the same package (GHSA writes one per release branch; Red Hat one per repository,
 * which map to the same key) are merged, since OSV's rule is that a version is affected when any entry's range or
 * versions list holds it. Problems with part of a record are collected, not thrown, so that the rest is kept.
 */
public final class OsvRecordParser {
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** "golang.org/x/net": a host name with a dot, then a path. */
    private static final Pattern HOST_AND_PATH = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+(/[^\\s]*)?");

    private final String source;
    private final FeedJson json;

    /** @param source the feed id stored as {@link Advisory#source()}: "osv" or "ghsa" */
    public OsvRecordParser(String source, FeedJson json) {
        this.source = Objects.requireNonNull(source);
        this.json = Objects.requireNonNull(json);
    }

    public ParsedRecord parse(byte[] content) {
        JsonNode record;
        try {
            record = json.mapper().readTree(content);
        } catch (JacksonException e) {
            return ParsedRecord.rejected(Optional.empty(), "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return ParsedRecord.rejected(Optional.empty(), "unreadable: " + e.getMessage());
        }
        return record == null || record.isMissingNode()
                ? ParsedRecord.rejected(Optional.empty(), "empty file") : parse(record);
    }

    public ParsedRecord parse(JsonNode record) {
        if (!record.isObject()) {
            return ParsedRecord.rejected(Optional.empty(), "not a JSON object");
        }
        Optional<String> id = FeedJson.text(record, "id");
        if (id.isEmpty()) {
            return ParsedRecord.rejected(id, "no id");
        }
        boolean withdrawn = record.hasNonNull("withdrawn");
        JsonNode affected = record.get("affected");
        if (affected == null || !affected.isArray()) {
            return ParsedRecord.rejected(id, id.get() + ": no affected list");
        }
        if (affected.isEmpty()) {
            return ParsedRecord.rejected(id, id.get() + (withdrawn
                    ? ": withdrawn, and names no affected package to withdraw from"
                    : ": affected list is empty"));
        }
        List<String> problems = new ArrayList<>();
        RecordFacts facts = recordFacts(id.get(), record, problems);

        Map<PackageKey, PackageEntries> byPackage = new LinkedHashMap<>();
        Set<String> ecosystems = new LinkedHashSet<>();
        for (int i = 0; i < affected.size(); i++) {
            JsonNode entry = affected.get(i);
            String where = id.get() + ": affected[" + i + "]";
            try {
                JsonNode pkg = entry.path("package");
                String ecosystem = FeedJson.text(pkg, "ecosystem")
                        .orElseThrow(() -> new InvalidRecordException("no package.ecosystem"));
                String name = FeedJson.text(pkg, "name")
                        .orElseThrow(() -> new InvalidRecordException("no package.name"));
                ecosystems.add(OsvEcosystems.base(ecosystem));
                EcosystemMapping mapping = OsvEcosystems.map(ecosystem);
                if (mapping instanceof EcosystemMapping.Unsupported unsupported) {
                    problems.add(where + " (" + ecosystem + " " + OsvSeverity.abbreviate(name) + "): "
                            + unsupported.reason() + "; entry skipped");
                    continue;
                }
                PackageKey key = EcosystemMapping.key(mapping, name);
                OsvRanges.Converted ranges = OsvRanges.convert(entry.get("ranges"));
                List<String> versions = strings(entry.get("versions"), "versions");
                if (ranges.ranges().isEmpty() && versions.isEmpty() && !withdrawn) {
                    throw new InvalidRecordException(ranges.droppedGit()
                            ? "only GIT ranges and no versions list: no package version can match"
                            : "no ranges and no versions: affects no version");
                }
                byPackage.computeIfAbsent(key, k -> new PackageEntries())
                        .add(ranges, versions, entry, facts.scorer(), where, problems);
            } catch (InvalidRecordException | IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage() + "; entry skipped");
            }
        }

        List<Advisory> advisories = new ArrayList<>(byPackage.size());
        byPackage.forEach((key, entries) -> advisories.add(entries.toAdvisory(id.get(), source, key, facts,
                withdrawn)));
        if (advisories.isEmpty() && problems.isEmpty()) {
            problems.add(id.get() + ": no affected entry could be read");
        }
        return new ParsedRecord(id, advisories, problems, facts.modified(), ecosystems);
    }

    /** The record-level fields every advisory of the record shares. */
    private record RecordFacts(Set<String> aliases, String title, List<URI> references, Optional<Instant> published,
                               Optional<Instant> modified, Optional<Severity> severity, List<Cvss> cvss,
                               String scorer) {
    }

    private RecordFacts recordFacts(String id, JsonNode record, List<String> problems) {
        Set<String> aliases = new LinkedHashSet<>(strings(record.get("aliases"), id + ": aliases", problems));
        aliases.addAll(strings(record.get("upstream"), id + ": upstream", problems));
        String scorer = scorer(id, source);
        List<Cvss> cvss = new ArrayList<>();
        Optional<Severity> severity = OsvSeverity.max(
                OsvSeverity.labelAt(record.get("database_specific"), "severity"),
                OsvSeverity.read(record.get("severity"), id + ": severity", scorer, cvss, problems));
        return new RecordFacts(aliases, title(record), references(id, record, problems),
                date(id, record, "published", problems), date(id, record, "modified", problems), severity, cvss,
                scorer);
    }

    /** The entries of one record that name the same package, merged. */
    private static final class PackageEntries {
        private final Set<AffectedRange> ranges = new LinkedHashSet<>();
        private final Set<String> versions = new LinkedHashSet<>();
        private final Set<String> fixed = new LinkedHashSet<>();
        private final Set<String> aliases = new LinkedHashSet<>();
        private final List<Cvss> cvss = new ArrayList<>();
        private Optional<Severity> severity = Optional.empty();

        void add(OsvRanges.Converted converted, List<String> entryVersions, JsonNode entry, String scorer,
                 String where, List<String> problems) {
            ranges.addAll(converted.ranges());
            versions.addAll(entryVersions);
            fixed.addAll(converted.fixedVersions());
            severity = OsvSeverity.max(severity,
                    OsvSeverity.read(entry.get("severity"), where + ".severity", scorer, cvss, problems));
            JsonNode ecosystemSpecific = entry.get("ecosystem_specific");
            JsonNode databaseSpecific = entry.get("database_specific");
            severity = OsvSeverity.max(severity, OsvSeverity.labelAt(ecosystemSpecific, "severity"));
            severity = OsvSeverity.max(severity, OsvSeverity.labelAt(ecosystemSpecific, "urgency"));
            severity = OsvSeverity.max(severity, OsvSeverity.labelAt(databaseSpecific, "severity"));
            if (databaseSpecific != null && databaseSpecific.has("cves_map")) {
                severity = OsvSeverity.max(severity, cvesMap(databaseSpecific.get("cves_map"), where, scorer,
                        problems));
            }
        }

        /**
         * Ubuntu's {@code cves_map}:
         * {@code {"ecosystem": …, "cves": [{"id": CVE, "severity": [CVSS…, Ubuntu…]}]}}
         * (a list of such objects is read too). The CVE ids become aliases: USN records list none otherwise.
         */
        private Optional<Severity> cvesMap(JsonNode map, String where, String scorer, List<String> problems) {
            Optional<Severity> highest = Optional.empty();
            List<JsonNode> holders = new ArrayList<>();
            if (map.isArray()) {
                map.forEach(holders::add);
            } else {
                holders.add(map);
            }
            for (JsonNode holder : holders) {
                for (JsonNode cve : holder.path("cves")) {
                    FeedJson.text(cve, "id").ifPresent(aliases::add);
                    highest = OsvSeverity.max(highest, OsvSeverity.read(cve.get("severity"),
                            where + ".database_specific.cves_map", scorer, cvss, problems));
                }
            }
            return highest;
        }

        Advisory toAdvisory(String id, String source, PackageKey key, RecordFacts facts, boolean withdrawn) {
            Set<String> allAliases = new LinkedHashSet<>(facts.aliases());
            allAliases.addAll(aliases);
            allAliases.remove(id);
            List<Cvss> allCvss = new ArrayList<>(facts.cvss());
            cvss.stream().filter(c -> !allCvss.contains(c)).forEach(allCvss::add);
            FixState fix = fixed.isEmpty() ? new FixState.NotFixed() : new FixState.Fixed(List.copyOf(fixed));
            // A package's own label (Debian urgency, Ubuntu priority) is the vendor's word for this package.
            Optional<Severity> chosen = severity.isPresent() ? severity : facts.severity();
            return new Advisory(id, allAliases, source, key, List.copyOf(ranges), List.copyOf(versions), fix, chosen,
                    allCvss, facts.title(), facts.references(), facts.published(), facts.modified(), withdrawn);
        }
    }

    private static String title(JsonNode record) {
        Optional<String> summary = FeedJson.text(record, "summary");
        if (summary.isPresent()) {
            return summary.get();
        }
        return FeedJson.text(record, "details")
                .flatMap(details -> details.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst())
                .orElse("");
    }

    private static List<URI> references(String id, JsonNode record, List<String> problems) {
        JsonNode references = record.get("references");
        if (references == null || references.isNull()) {
            return List.of();
        }
        if (!references.isArray()) {
            problems.add(id + ": references is not a list: ignored");
            return List.of();
        }
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Optional<String> url = FeedJson.text(references.get(i), "url");
            if (url.isEmpty()) {
                problems.add(id + ": references[" + i + "] has no url: ignored");
                continue;
            }
            try {
                URI uri = new URI(url.get());
                if (!uri.isAbsolute() && HOST_AND_PATH.matcher(url.get()).matches()) {
                    // GHSA writes some PACKAGE references as a bare Go module path ("golang.org/x/net").
                    uri = new URI("https://" + url.get());
                }
                if (uri.isAbsolute() && !uris.contains(uri)) {
                    uris.add(uri);
                } else if (!uri.isAbsolute()) {
                    problems.add(id + ": references[" + i + "] is not an absolute URL: ignored");
                }
            } catch (URISyntaxException e) {
                problems.add(id + ": references[" + i + "] is not a URL (" + e.getReason() + "): ignored");
            }
        }
        return uris;
    }

    /**
     * A record date; Go's zero time (0001-01-01T00:00:00Z, which golang/vulndb stores for dates vuln.go.dev fills
     * in on publication) means "not set".
     */
    private static Optional<Instant> date(String id, JsonNode record, String field, List<String> problems) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<Instant> instant = value.isTextual() ? FeedJson.instant(value.asText()) : Optional.empty();
        if (instant.isPresent() && instant.get().equals(GO_ZERO_TIME)) {
            return Optional.empty();
        }
        if (instant.isEmpty()) {
            problems.add(id + ": " + field + " \"" + OsvSeverity.abbreviate(value.asText())
                    + "\" is not a timestamp: ignored");
        }
        return instant;
    }

    private static List<String> strings(JsonNode list, String where) throws InvalidRecordException {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidRecordException(where + " is not a list");
        }
        List<String> values = new ArrayList<>(list.size());
        for (JsonNode value : list) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new InvalidRecordException(where + " holds a value that is not a non-blank string");
            }
            values.add(value.asText().strip());
        }
        return values;
    }

    private static List<String> strings(JsonNode list, String where, List<String> problems) {
        try {
            return strings(list, where);
        } catch (InvalidRecordException e) {
            problems.add(e.getMessage() + ": ignored");
            return List.of();
        }
    }

    /** Who scored a record's CVSS vectors, from its id's database prefix; the feed id when the prefix is unknown. */
    static String scorer(String id, String feedId) {
        int end = 0;
        while (end < id.length() && Character.isLetter(id.charAt(end))) {
            end++;
        }
        return switch (id.substring(0, end)) {
            case "GHSA" -> "ghsa";
            case "PYSEC" -> "pypa";
            case "GO" -> "go";
            case "RUSTSEC" -> "rustsec";
            case "USN", "UBUNTU", "LSN" -> "ubuntu";
            case "DSA", "DLA", "DTSA", "DEBIAN" -> "debian";
            case "RHSA", "RHBA", "RHEA" -> "redhat";
            case "RLSA", "RXSA" -> "rocky";
            case "ALSA", "ALBA", "ALEA" -> "almalinux";
            case "ALPINE" -> "alpine";
            case "SUSE", "openSUSE" -> "suse";
            case "CGA" -> "chainguard";
            default -> feedId;
        };
    }
}

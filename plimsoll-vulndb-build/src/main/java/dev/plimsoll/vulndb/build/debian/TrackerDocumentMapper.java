package dev.plimsoll.vulndb.build.debian;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.Distro;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns one source package's part of the tracker JSON into advisories, one per (issue, release). */
final class TrackerDocumentMapper {
    private static final Pattern ISSUE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}|TEMP-\\d+-[0-9A-Fa-f]+");
    /** Descriptions are NVD's full text; the title keeps the start, the CVE record has the rest. */
    private static final int MAX_TITLE = 300;

    private final String file;
    private final FeedSink sink;
    /** Releases the tracker covers that {@link Distro} does not know, with how many entries each had. */
    private final Map<String, Integer> unknownReleases = new TreeMap<>();

    TrackerDocumentMapper(String file, FeedSink sink) {
        this.file = file;
        this.sink = sink;
    }

    void sourcePackage(String sourcePackage, JsonNode issues) {
        if (!issues.isObject()) {
            sink.skipped(file, sourcePackage + ": not an object of issues");
            return;
        }
        issues.properties().forEach(issue -> issue(sourcePackage, issue.getKey(), issue.getValue()));
    }

    private void issue(String sourcePackage, String id, JsonNode issue) {
        String where = sourcePackage + " " + id;
        if (!ISSUE_ID.matcher(id).matches()) {
            sink.skipped(file, where + ": not a CVE or TEMP id");
            return;
        }
        JsonNode releases = issue.path("releases");
        if (!issue.isObject() || !releases.isObject()) {
            sink.skipped(file, where + ": no releases object");
            return;
        }
        String title = title(id, FeedJson.text(issue, "description"));
        List<URI> references = new ArrayList<>();
        references.add(URI.create("https://security-tracker.debian.org/tracker/" + id));
        JsonNode bug = issue.get("debianbug");
        if (bug != null && bug.canConvertToLong() && bug.asLong() > 0) {
            references.add(URI.create("https://bugs.debian.org/" + bug.asLong()));
        }
        releases.properties().forEach(release ->
                release(sourcePackage, id, release.getKey(), release.getValue(), title, references));
    }

    private void release(String sourcePackage, String id, String codename, JsonNode release, String title,
                         List<URI> references) {
        String where = sourcePackage + " " + id + " " + codename;
        Optional<String> number = Distro.debianRelease(codename);
        if (number.isEmpty()) {
            unknownReleases.merge(codename, 1, Integer::sum);
            return;
        }
        TrackerReleaseState state;
        switch (TrackerReleaseState.read(release)) {
            case TrackerReleaseState.Result.Invalid invalid -> {
                sink.skipped(file, where + ": " + invalid.reason());
                return;
            }
            case TrackerReleaseState.Result.Read read -> state = read.state();
        }
        PackageKey key;
        try {
            key = PackageKey.os(Ecosystem.DEB, "debian:" + number.get(), sourcePackage);
        } catch (IllegalArgumentException e) {
            sink.skipped(file, where + ": " + e.getMessage());
            return;
        }
        String fullTitle = state.note().isEmpty() ? title : title + " [" + state.note() + "]";
        sink.advisory(new Advisory(id, Set.of(), DebianTrackerFeed.ID, key, state.ranges(), List.of(), state.fix(),
                DebianUrgency.severity(FeedJson.text(release, "urgency").orElse(null)), List.of(), fullTitle,
                references, Optional.empty(), Optional.empty(), false));
    }

    private static String title(String id, Optional<String> description) {
        String text = description.map(d -> d.replaceAll("\\s+", " ").strip()).orElse(id);
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE - 1).stripTrailing() + "…";
    }

    /** One report per release codename the tracker covers and {@link Distro} does not know. */
    void reportUnknownReleases() {
        unknownReleases.forEach((codename, count) -> sink.skipped(file, "release '" + codename
                + "' is not a known Debian codename: " + count + " entries not read"));
        unknownReleases.clear();
    }
}

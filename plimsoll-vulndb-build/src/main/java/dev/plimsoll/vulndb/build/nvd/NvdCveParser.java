package dev.plimsoll.vulndb.build.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One NVD CVE API 2.0 {@code cve} object to {@link CveFacts}: the English description and one CVSS vector per
 * version (4.0, 3.1, 3.0, 2.0 in that order), the {@code Primary} score (NVD's own) where there is one, else the
 * first {@code Secondary} (a CNA's).
 */
final class NvdCveParser {
    static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final String NVD_SOURCE = "nvd@nist.gov";
    private static final List<String> METRIC_KEYS =
            List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2");

    private NvdCveParser() {
    }

    /** Empty, with the reason in {@code problems}, when the object has no CVE id. */
    static Optional<CveFacts> parse(JsonNode cve, String where, List<String> problems) {
        Optional<String> id = FeedJson.text(cve, "id");
        if (id.isEmpty() || !CVE_ID.matcher(id.get()).matches()) {
            problems.add((where.isEmpty() ? "" : where + ": ") + "no CVE id"
                    + id.map(i -> " (\"" + i + "\")").orElse(""));
            return Optional.empty();
        }
        String at = where.isEmpty() ? id.get() : where + " " + id.get();
        return Optional.of(new CveFacts(id.get(), false, Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), cvss(cve.path("metrics"), at, problems), description(cve)));
    }

    private static Optional<String> description(JsonNode cve) {
        for (JsonNode description : cve.path("descriptions")) {
            if ("en".equals(description.path("lang").asText())) {
                Optional<String> value = FeedJson.text(description, "value");
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static List<Cvss> cvss(JsonNode metrics, String where, List<String> problems) {
        List<Cvss> vectors = new ArrayList<>();
        for (String key : METRIC_KEYS) {
            JsonNode entries = metrics.path(key);
            JsonNode chosen = null;
            for (JsonNode entry : entries) {
                if (chosen == null || "Primary".equals(entry.path("type").asText())
                        && !"Primary".equals(chosen.path("type").asText())) {
                    chosen = entry;
                }
            }
            if (chosen == null) {
                continue;
            }
            JsonNode data = chosen.path("cvssData");
            Optional<String> vector = FeedJson.text(data, "vectorString");
            Optional<String> version = FeedJson.text(data, "version");
            if (vector.isEmpty() || version.isEmpty()) {
                problems.add(where + ": metrics." + key + " has no vectorString/version: ignored");
                continue;
            }
            JsonNode score = data.path("baseScore");
            String source = FeedJson.text(chosen, "source").map(s -> s.equals(NVD_SOURCE) ? "nvd" : s).orElse("nvd");
            vectors.add(new Cvss(version.get(), vector.get(),
                    score.isNumber() ? Optional.of(score.asDouble()) : Optional.empty(), source));
        }
        return vectors;
    }
}

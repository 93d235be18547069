package dev.plimsoll.vulndb.build.nodejs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import dev.plimsoll.vulndb.build.yaml.TreeValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js security WG records ({@code vuln/npm/<n>.json}, {@code vuln/core/<n>.json}) as advisories.
 * <ul>
 * <li>npm: {@code module_name} is the npm package; {@code vulnerable_versions} the affected node-semver range, kept as
 * written ({@code Constraint(NPM, [range])}); "*" or no range means every version, and a record with only
 * {@code patched_versions} is affected outside them (negated); the fix versions are the patched range's lower
 * bounds ("&lt;0.0.0" means none: NotFixed). Id "NSWG-ECO-&lt;id&gt;".</li>
 * <li>core: Node.js itself, keyed {@code generic node} (the name Syft's binary classifier gives the node binary);
 * see {@link NodeCoreRanges} for the range. Id "NSWG-COR-&lt;file number&gt;".</li>
 * </ul>
 * Empty ranges mean "every version" in {@link Advisory}, so "*" becomes no range rather than a constraint.
 */
final class NodeRecord {
    private static final Pattern BARE_CVSS = Pattern.compile("(\\d\\.\\d)/(.+)");
    private static final Pattern PREFIXED_CVSS = Pattern.compile("CVSS:(\\d\\.\\d)/.+");

    private NodeRecord() {
    }

    static Optional<Advisory> npm(JsonNode record, String fileNumber, Consumer<String> problems) {
        if (!record.isObject()) {
            problems.accept("not a JSON object");
            return Optional.empty();
        }
        Optional<String> module = FeedJson.text(record, "module_name");
        if (module.isEmpty()) {
            problems.accept("no module_name");
            return Optional.empty();
        }
        Optional<Ranges> ranges = ranges(record, "vulnerable_versions", "patched_versions", problems);
        Optional<Set<String>> cves = cves(record, "cves", problems);
        if (ranges.isEmpty() || cves.isEmpty()) {
            return Optional.empty();
        }
        List<AffectedRange> affected = ranges.get().vulnerable().isPresent()
                ? List.of(constraint(List.of(ranges.get().vulnerable().get()), false))
                : ranges.get().patched().map(p -> List.of(constraint(List.of(p), true))).orElse(List.of());
        String id = "NSWG-ECO-" + TreeValues.scalar(record, "id").orElse(fileNumber);
        List<URI> references = uris(TreeValues.strings(record, "references").orElse(List.of()));
        references.add(URI.create("https://github.com/nodejs/security-wg/blob/main/vuln/npm/" + fileNumber + ".json"));
        return Optional.of(new Advisory(id, cves.get(), NodeSecurityWgFeed.ID,
                PackageKey.language(Ecosystem.NPM, module.get()), affected, List.of(), fix(ranges.get()),
                Optional.empty(), cvss(record, "cvss_vector"), FeedJson.text(record, "title").orElse(id),
                references, FeedJson.text(record, "publish_date").or(() -> FeedJson.text(record, "created_at"))
                        .flatMap(FeedJson::instant),
                FeedJson.text(record, "updated_at").flatMap(FeedJson::instant), false));
    }

    static Optional<Advisory> core(JsonNode record, String fileNumber, Consumer<String> problems) {
        if (!record.isObject()) {
            problems.accept("not a JSON object");
            return Optional.empty();
        }
        Optional<Ranges> ranges = ranges(record, "vulnerable", "patched", problems);
        Optional<Set<String>> cves = cves(record, "cve", problems);
        if (ranges.isEmpty() || cves.isEmpty()) {
            return Optional.empty();
        }
        List<AffectedRange> affected = List.of();
        if (ranges.get().vulnerable().isPresent()) {
            List<String> unpatched = NodeCoreRanges.affected(ranges.get().vulnerable().get(),
                    ranges.get().patched().orElse(""));
            if (unpatched.isEmpty()) {
                problems.accept("every vulnerable release is also patched: nothing affected");
                return Optional.empty();
            }
            affected = List.of(constraint(unpatched, false));
        } else if (ranges.get().patched().isPresent()) {
            affected = List.of(constraint(List.of(ranges.get().patched().get()), true));
        }
        String id = "NSWG-COR-" + fileNumber;
        String title = FeedJson.text(record, "description")
                .or(() -> FeedJson.text(record, "overview").map(o -> o.lines().findFirst().orElse(o).strip()))
                .orElse(id);
        return Optional.of(new Advisory(id, cves.get(), NodeSecurityWgFeed.ID,
                PackageKey.language(Ecosystem.GENERIC, "node"), affected, List.of(), fix(ranges.get()),
                severity(record), cvss(record, "cvss"), title,
                uris(FeedJson.text(record, "ref").stream().toList()),
                FeedJson.text(record, "publish_date").flatMap(FeedJson::instant), Optional.empty(), false));
    }

    /**
     * @param vulnerable the affected range; empty for every version ("*", blank or absent)
     * @param patched    the patched range, if the record gives one
     */
    private record Ranges(Optional<String> vulnerable, Optional<String> patched) {
    }

    private static Optional<Ranges> ranges(JsonNode record, String vulnerableField, String patchedField,
                                           Consumer<String> problems) {
        for (String field : List.of(vulnerableField, patchedField)) {
            JsonNode value = record.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                problems.accept(field + " is not a string: " + value);
                return Optional.empty();
            }
        }
        Optional<String> vulnerable = FeedJson.text(record, vulnerableField).filter(v -> !v.equals("*"));
        return Optional.of(new Ranges(vulnerable, FeedJson.text(record, patchedField)));
    }

    private static FixState fix(Ranges ranges) {
        List<String> versions = ranges.patched().map(NpmRanges::fixVersions).orElse(List.of());
        return versions.isEmpty() ? new FixState.NotFixed() : new FixState.Fixed(versions);
    }

    private static AffectedRange constraint(List<String> ranges, boolean negated) {
        return new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.NPM, ranges, negated);
    }

    private static Optional<Set<String>> cves(JsonNode record, String field, Consumer<String> problems) {
        Optional<List<String>> cves = TreeValues.strings(record, field);
        if (cves.isEmpty()) {
            problems.accept(field + " is not a list of strings");
            return Optional.empty();
        }
        return Optional.of(new LinkedHashSet<>(cves.get()));
    }

    /** "CVSS:3.0/AV:N/…" (npm) or "3.0/AV:N/…" (core) with the record's {@code cvss_score}. */
    private static List<Cvss> cvss(JsonNode record, String field) {
        Optional<String> vector = FeedJson.text(record, field);
        if (vector.isEmpty()) {
            return List.of();
        }
        JsonNode scoreNode = record.get("cvss_score");
        Optional<Double> score = scoreNode != null && scoreNode.isNumber()
                ? Optional.of(scoreNode.asDouble()) : Optional.empty();
        Matcher prefixed = PREFIXED_CVSS.matcher(vector.get());
        if (prefixed.matches()) {
            return List.of(new Cvss(prefixed.group(1), vector.get(), score, NodeSecurityWgFeed.ID));
        }
        Matcher bare = BARE_CVSS.matcher(vector.get());
        if (bare.matches()) {
            return List.of(new Cvss(bare.group(1), "CVSS:" + vector.get(), score, NodeSecurityWgFeed.ID));
        }
        // A v2 vector has no prefix: "AV:N/AC:L/Au:N/C:P/I:P/A:P".
        return vector.get().contains("Au:")
                ? List.of(new Cvss("2.0", vector.get(), score, NodeSecurityWgFeed.ID)) : List.of();
    }

    private static Optional<Severity> severity(JsonNode record) {
        try {
            Severity severity = Severity.parse(FeedJson.text(record, "severity").orElse(null));
            return severity == Severity.UNKNOWN ? Optional.empty() : Optional.of(severity);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<URI> uris(List<String> texts) {
        Set<URI> uris = new LinkedHashSet<>();
        for (String text : texts) {
            try {
                URI uri = new URI(text.strip());
                if (uri.isAbsolute()) {
                    uris.add(uri);
                }
            } catch (URISyntaxException e) {
                // A reference that is not a URI is left out; the advisory is still sound.
            }
        }
        return new ArrayList<>(uris);
    }
}

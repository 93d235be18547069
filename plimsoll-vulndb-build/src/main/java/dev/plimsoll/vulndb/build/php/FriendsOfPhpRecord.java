package dev.plimsoll.vulndb.build.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import dev.plimsoll.vulndb.build.yaml.TreeValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FriendsOfPHP security advisory as an {@link Advisory}:
 * <ul>
 * <li>{@code reference: composer://vendor/package} is the Composer package;</li>
 * <li>each {@code branches.<name>.versions} list is one constraint whose items all hold (">=2.5.0", "<2.5.9"), so the
 * range is {@code Constraint(COMPOSER, [items joined with ","] per branch)}: affected when any branch matches;</li>
 * <li>the fix versions are the branches' exclusive upper bounds ("<2.5.9" → 2.5.9), except a bound where another
 * listed branch starts (Symfony lists unmaintained lines as "&gt;=3.0.0,&lt;4.0.0" beside "&gt;=4.0.0,&lt;4.4.50":
 * 4.0.0 is affected, not a fix); a branch bounded by "&lt;=" has no fix; with no fix at all the state is
 * NotFixed;</li>
 * <li>the id is the CVE when the advisory has one ({@code cve: ~} means none), else the GHSA id its link names, else
 * "friendsofphp/&lt;vendor&gt;/&lt;package&gt;/&lt;file&gt;", since the database has no ids of its own;</li>
 * <li>published is the earliest branch {@code time} ("2015-08-06 22:08:00", UTC), modified the latest.</li>
 * </ul>
 */
final class FriendsOfPhpRecord {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern GHSA = Pattern.compile("GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}");
    private static final Pattern UPPER = Pattern.compile("<\\s*([^=\\s].*)");
    private static final Pattern LOWER = Pattern.compile(">=\\s*(.+)");
    private static final Pattern TIME =
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?.*");
    private static final String SCHEME = "composer://";

    private FriendsOfPhpRecord() {
    }

    /**
     * @param fallbackId the id used when the advisory names neither CVE nor GHSA
     * @return empty when the record is malformed (reported to {@code problems})
     */
    static Optional<Advisory> map(JsonNode record, String fallbackId, Consumer<String> problems) {
        if (!record.isObject()) {
            problems.accept("not a YAML mapping");
            return Optional.empty();
        }
        Optional<String> reference = FeedJson.text(record, "reference");
        if (reference.isEmpty() || !reference.get().startsWith(SCHEME)
                || !reference.get().substring(SCHEME.length()).matches("[^/\\s]+/[^/\\s]+")) {
            problems.accept("reference is not composer://vendor/package: " + reference.orElse("(none)"));
            return Optional.empty();
        }
        JsonNode branches = record.path("branches");
        if (!branches.isObject() || branches.isEmpty()) {
            problems.accept("no branches");
            return Optional.empty();
        }
        List<String> constraints = new ArrayList<>();
        Set<String> upperBounds = new LinkedHashSet<>();
        Set<String> lowerBounds = new LinkedHashSet<>();
        List<Instant> times = new ArrayList<>();
        for (Map.Entry<String, JsonNode> branch : branches.properties()) {
            Optional<List<String>> versions = TreeValues.strings(branch.getValue(), "versions");
            if (!branch.getValue().isObject() || versions.isEmpty() || versions.get().isEmpty()) {
                problems.accept("branch " + branch.getKey() + ": versions is not a non-empty list of strings");
                return Optional.empty();
            }
            constraints.add(String.join(",", versions.get()));
            versions.get().stream().map(UPPER::matcher).filter(Matcher::matches)
                    .forEach(m -> upperBounds.add(m.group(1).strip()));
            versions.get().stream().map(LOWER::matcher).filter(Matcher::matches)
                    .forEach(m -> lowerBounds.add(m.group(1).strip()));
            TreeValues.scalar(branch.getValue(), "time").flatMap(FriendsOfPhpRecord::time).ifPresent(times::add);
        }
        Optional<String> cve = FeedJson.text(record, "cve").filter(c -> CVE.matcher(c).matches());
        Optional<String> link = FeedJson.text(record, "link");
        Optional<String> ghsa = link.map(GHSA::matcher).filter(Matcher::find).map(Matcher::group);
        String id = cve.or(() -> ghsa).orElse(fallbackId);
        Set<String> aliases = new LinkedHashSet<>();
        cve.ifPresent(aliases::add);
        ghsa.ifPresent(aliases::add);
        aliases.remove(id);
        List<String> fixes = upperBounds.stream().filter(v -> !lowerBounds.contains(v)).toList();
        FixState fix = fixes.isEmpty() ? new FixState.NotFixed() : new FixState.Fixed(List.copyOf(fixes));
        PackageKey key = PackageKey.language(Ecosystem.COMPOSER, reference.get().substring(SCHEME.length()));
        return Optional.of(new Advisory(id, aliases, FriendsOfPhpFeed.ID, key,
                List.of(new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.COMPOSER, constraints, false)),
                List.of(), fix, Optional.empty(), List.of(), FeedJson.text(record, "title").orElse(id),
                link.flatMap(FriendsOfPhpRecord::uri).stream().toList(),
                times.stream().min(Instant::compareTo), times.stream().max(Instant::compareTo), false));
    }

    /** "2015-08-06 22:08:00", "2015-8-6 2:08:00 +0000" (the offset is ignored: the times are UTC in practice). */
    static Optional<Instant> time(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text.strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

package dev.plimsoll.vulndb.build.rubysec;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One ruby-advisory-db record as an {@link Advisory}. The record lists the versions that are <em>not</em> affected
 * ({@code patched_versions} and {@code unaffected_versions}, each a RubyGems requirement, commas meaning "and"), so
 * the range is a negated {@code Constraint(GEM, patched + unaffected)}; with neither list every version is affected.
 *
 * <p>Records under {@code rubies/} describe interpreters ({@code engine: ruby | jruby | mruby | mrubyc | rbx}), not
 * gems. There is no package ecosystem for an interpreter, so they are keyed {@code generic <engine>} ("generic ruby"):
 * the name Syft's binary classifier gives a Ruby it finds in an image, with versions in the same RubyGems requirement
 * syntax.
 */
final class RubySecRecord {
    /** Where a record sits: which folder decides the package key. */
    enum Kind { GEM, INTERPRETER }

    private RubySecRecord() {
    }

    /**
     * @param id the file's base name, which is the record's id in the database ("CVE-2011-5036", "GHSA-…",
     *           "OSVDB-…")
     * @return empty when the record is malformed (reported to {@code problems})
     */
    static Optional<Advisory> map(JsonNode record, String id, Kind kind, Consumer<String> problems) {
        if (!record.isObject()) {
            problems.accept("not a YAML mapping");
            return Optional.empty();
        }
        String nameField = kind == Kind.GEM ? "gem" : "engine";
        Optional<String> name = FeedJson.text(record, nameField);
        if (name.isEmpty()) {
            problems.accept("no '" + nameField + "'");
            return Optional.empty();
        }
        Optional<List<String>> patched = TreeValues.strings(record, "patched_versions");
        Optional<List<String>> unaffected = TreeValues.strings(record, "unaffected_versions");
        if (patched.isEmpty() || unaffected.isEmpty()) {
            problems.accept((patched.isEmpty() ? "patched_versions" : "unaffected_versions")
                    + " is not a list of strings");
            return Optional.empty();
        }
        PackageKey key = kind == Kind.GEM
                ? PackageKey.language(Ecosystem.GEM, name.get())
                : PackageKey.language(Ecosystem.GENERIC, name.get().toLowerCase(Locale.ROOT));
        List<String> notAffected = new ArrayList<>(patched.get());
        notAffected.addAll(unaffected.get());
        List<AffectedRange> ranges = notAffected.isEmpty() ? List.of()
                : List.of(new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.GEM, notAffected, true));
        FixState fix = patched.get().isEmpty() ? new FixState.NotFixed()
                : new FixState.Fixed(GemRequirements.fixVersions(patched.get()));
        Optional<Instant> date = TreeValues.scalar(record, "date").flatMap(FeedJson::instant);
        return Optional.of(new Advisory(id, aliases(record, id), RubySecFeed.ID, key, ranges, List.of(), fix,
                RubySecSeverity.of(record), List.of(), FeedJson.text(record, "title").orElse(id),
                references(record), date, Optional.empty(), false));
    }

    /** cve "2011-5036", ghsa "v6j3-7jrw-hq2p", osvdb 78121: written without their prefixes. */
    private static Set<String> aliases(JsonNode record, String id) {
        Set<String> aliases = new LinkedHashSet<>();
        TreeValues.scalar(record, "cve").ifPresent(cve -> aliases.add(prefixed("CVE-", cve)));
        TreeValues.scalar(record, "ghsa").ifPresent(ghsa -> aliases.add(prefixed("GHSA-", ghsa)));
        TreeValues.scalar(record, "osvdb").ifPresent(osvdb -> aliases.add(prefixed("OSVDB-", osvdb)));
        aliases.remove(id);
        return aliases;
    }

    private static String prefixed(String prefix, String value) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length())
                ? prefix + value.substring(prefix.length()) : prefix + value;
    }

    private static List<URI> references(JsonNode record) {
        Set<String> urls = new LinkedHashSet<>();
        FeedJson.text(record, "url").ifPresent(urls::add);
        TreeValues.strings(record.path("related"), "url").ifPresent(urls::addAll);
        List<URI> references = new ArrayList<>();
        for (String url : urls) {
            try {
                URI uri = new URI(url);
                if (uri.isAbsolute()) {
                    references.add(uri);
                }
            } catch (URISyntaxException e) {
                // A reference that is not a URI is left out; the advisory is still sound.
            }
        }
        return references;
    }
}

package dev.plimsoll.vulndb.build.alpine;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import dev.plimsoll.vulndb.build.layout.Unread;
import dev.plimsoll.vulndb.build.yaml.FeedYaml;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Alpine's security database: {@code alpine/vX.Y/{main,community}.json} as published at secdb.alpinelinux.org, or
 * the same tree as YAML ({@code .yaml}, the old alpine-secdb repository); when both forms of one file are present
 * the JSON is read. Each (id, origin package, branch) becomes one {@link Advisory} keyed
 * {@code apk alpine:3.11 <origin>}:
 * <ul>
 * <li>the versions listing the id become {@code Fixed(versions)} and one ECOSYSTEM range "introduced 0" followed by
 * a "fixed" event per version. An id listed under two versions of one package (150 times in the 2020 data:
 * wpa_supplicant 2.6-r7 and 2.7-r0) was fixed at the lower one; under OSV's evaluation rules the first fixed event
 * closes the range, so the range says exactly that without this module comparing apk versions itself;</li>
 * <li>an id listed only under version "0" was never affected: {@code NotAffected}.</li>
 * </ul>
 * A string holding several CVE ids gives one advisory per CVE; other ids in the same string (XSA-273, TALOS-…) become
 * their aliases, and become advisories themselves only when the string has no CVE. The files carry no dates; the
 * newest file's modification time is reported as the data date.
 */
public final class AlpineSecdbFeed implements Feed {
    public static final String ID = "alpine";
    public static final List<String> DEFAULT_BRANCHES = List.of("v3.12", "v3.13", "v3.14", "v3.15", "v3.16",
            "v3.17", "v3.18", "v3.19", "v3.20", "v3.21", "v3.22", "edge");
    static final List<String> REPOSITORIES = List.of("main", "community");
    private static final Pattern FILE = Pattern.compile("(main|community)\\.(json|yaml|yml)");
    /** The largest secdb file (edge community) is about 1 MB. */
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final String NEVER_AFFECTED = "0";

    private final List<String> branches;

    public AlpineSecdbFeed() {
        this(DEFAULT_BRANCHES);
    }

    /** @param branches the branches to download, as secdb names them: "v3.20", "edge" */
    public AlpineSecdbFeed(List<String> branches) {
        this.branches = List.copyOf(branches);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        List<Download> downloads = new ArrayList<>();
        for (String branch : branches) {
            for (String repository : REPOSITORIES) {
                downloads.add(new Download("alpine." + branch + "." + repository,
                        URI.create("https://secdb.alpinelinux.org/" + branch + "/" + repository + ".json"),
                        "alpine/" + branch + "/" + repository + ".json", Download.Unpack.NONE, Optional.empty()));
            }
        }
        return downloads;
    }

    @Override
    public boolean present(Path root) {
        return DataRoot.holds(root, data -> data.directory("alpine").isPresent());
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> alpine = Unread.directoryOrReport(data, "alpine", sink);
        if (alpine.isEmpty()) {
            return;
        }
        FeedJson json = new FeedJson();
        FeedYaml yaml = new FeedYaml(MAX_BYTES);
        data.walk(alpine.get(), name -> FILE.matcher(name).matches(), Map.of(), (file, relative) -> {
            String[] parts = relative.split("/");
            if (parts.length != 3) {
                sink.skipped(relative, "not at alpine/<branch>/<repository>.json: not read");
                return;
            }
            String name = parts[2];
            String base = name.substring(0, name.lastIndexOf('.'));
            if (!name.endsWith(".json") && data.regularFile("alpine/" + parts[1] + "/" + base + ".json").isPresent()) {
                sink.skipped(relative, "superseded by " + base + ".json in the same folder: not read");
                return;
            }
            sink.dataDate(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
            DataRoot.TreeReader format = name.endsWith(".json") ? json.mapper()::readTree : yaml::read;
            data.readTree(file, relative, MAX_BYTES, format, sink)
                    .flatMap(tree -> SecdbParser.parse(tree, parts[1], base,
                            problem -> sink.skipped(relative, problem)))
                    .ifPresent(document -> emit(document, relative, sink));
        }, sink);
    }

    private static void emit(SecdbDocument document, String file, FeedSink sink) {
        advisories(document, problem -> sink.skipped(file, problem)).forEach(sink::advisory);
    }

    /** The advisories of one document, one per (id, origin package); problems name the entries left out. */
    static List<Advisory> advisories(SecdbDocument document, Consumer<String> problems) {
        // Entries of one origin package, merged across duplicate package entries: id -> versions, aliases.
        Map<String, Map<String, IdFixes>> byPackage = new LinkedHashMap<>();
        for (SecdbDocument.Package pkg : document.packages()) {
            Map<String, IdFixes> ids = byPackage.computeIfAbsent(pkg.name(), n -> new LinkedHashMap<>());
            for (SecdbDocument.Secfix fix : pkg.secfixes()) {
                SecfixIds found = SecfixIds.of(fix.text());
                if (found.isEmpty()) {
                    problems.accept(pkg.name() + " " + fix.version() + ": no vulnerability id in '" + fix.text() + "'");
                    continue;
                }
                List<String> primary = found.cves().isEmpty() ? found.others() : found.cves();
                List<String> aliases = found.cves().isEmpty() ? List.of() : found.others();
                for (String id : primary) {
                    IdFixes entry = ids.computeIfAbsent(id, i -> new IdFixes());
                    entry.versions.add(fix.version());
                    entry.aliases.addAll(aliases);
                }
            }
        }
        List<Advisory> advisories = new ArrayList<>();
        byPackage.forEach((name, ids) -> {
            PackageKey key;
            try {
                key = PackageKey.os(Ecosystem.APK, "alpine:" + document.branch(), name);
            } catch (IllegalArgumentException e) {
                problems.accept(name + ": " + e.getMessage());
                return;
            }
            ids.forEach((id, fixes) -> advisories.add(advisory(id, key, fixes)));
        });
        return advisories;
    }

    private static Advisory advisory(String id, PackageKey key, IdFixes fixes) {
        List<String> versions = fixes.versions.stream().filter(v -> !v.equals(NEVER_AFFECTED)).toList();
        FixState fix;
        List<AffectedRange> ranges;
        if (versions.isEmpty()) {
            fix = new FixState.NotAffected("secdb lists version 0: never affected");
            ranges = List.of();
        } else {
            fix = new FixState.Fixed(versions);
            List<AffectedRange.Event> events = new ArrayList<>();
            events.add(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"));
            versions.forEach(v -> events.add(new AffectedRange.Event(AffectedRange.EventKind.FIXED, v)));
            ranges = List.of(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, events));
        }
        Set<String> aliases = new LinkedHashSet<>(fixes.aliases);
        aliases.remove(id);
        List<URI> references = id.startsWith("CVE-")
                ? List.of(URI.create("https://security.alpinelinux.org/vuln/" + id)) : List.of();
        return new Advisory(id, aliases, ID, key, ranges, List.of(), fix, Optional.empty(), List.of(), id,
                references, Optional.empty(), Optional.empty(), false);
    }

    /** The versions an id is listed under in one package, in file order, and the ids written next to it. */
    private static final class IdFixes {
        private final Set<String> versions = new LinkedHashSet<>();
        private final Set<String> aliases = new LinkedHashSet<>();
    }
}

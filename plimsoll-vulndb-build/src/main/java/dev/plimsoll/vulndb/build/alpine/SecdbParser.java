package dev.plimsoll.vulndb.build.alpine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a secdb tree (the JSON at secdb.alpinelinux.org and the YAML of the old alpine-secdb repository share it):
 * {@code {distroversion: "v3.11", reponame: "main", packages: [{pkg: {name, secfixes: {version: [ids]}}}]}}.
 * Malformed parts are reported and left out; the rest of the document is kept.
 */
final class SecdbParser {
    private static final Pattern BRANCH = Pattern.compile("v?(\\d+\\.\\d+)|(edge)");

    private SecdbParser() {
    }

    /**
     * @param folderBranch the branch folder the file sits in ("v3.11"), used when the document names none
     * @param repository   the file's base name ("main"), used when the document names none
     * @return empty when the document as a whole is unusable (reported)
     */
    static Optional<SecdbDocument> parse(JsonNode root, String folderBranch, String repository,
                                         Consumer<String> problems) {
        if (!root.isObject()) {
            problems.accept("not a secdb document (no top-level mapping)");
            return Optional.empty();
        }
        String distroversion = FeedJson.text(root, "distroversion").orElse(folderBranch);
        Matcher branch = BRANCH.matcher(distroversion);
        if (!branch.matches()) {
            problems.accept("distroversion '" + distroversion + "' is not an Alpine branch");
            return Optional.empty();
        }
        JsonNode packages = root.path("packages");
        List<SecdbDocument.Package> read = new ArrayList<>();
        if (packages.isArray()) {
            for (int i = 0; i < packages.size(); i++) {
                pkg(packages.get(i), i, problems).ifPresent(read::add);
            }
        } else if (!packages.isMissingNode() && !packages.isNull()
                && !(packages.isTextual() && packages.asText().isBlank())) {
            // "packages:" with nothing after it (v3.3 community) is an empty list, not an error.
            problems.accept("packages is not a list");
        }
        return Optional.of(new SecdbDocument(branch.group(1) != null ? branch.group(1) : "edge",
                FeedJson.text(root, "reponame").orElse(repository), read));
    }

    private static Optional<SecdbDocument.Package> pkg(JsonNode entry, int index, Consumer<String> problems) {
        JsonNode pkg = entry.path("pkg");
        Optional<String> name = FeedJson.text(pkg, "name");
        if (name.isEmpty()) {
            problems.accept("packages[" + index + "]: no pkg.name");
            return Optional.empty();
        }
        JsonNode secfixes = pkg.path("secfixes");
        List<SecdbDocument.Secfix> fixes = new ArrayList<>();
        if (secfixes.isObject()) {
            for (Map.Entry<String, JsonNode> version : secfixes.properties()) {
                fixes(name.get(), version.getKey(), version.getValue(), fixes, problems);
            }
        } else if (!secfixes.isMissingNode() && !secfixes.isNull()) {
            problems.accept(name.get() + ": secfixes is not a mapping");
            return Optional.empty();
        }
        return Optional.of(new SecdbDocument.Package(name.get(), fixes));
    }

    private static void fixes(String pkg, String version, JsonNode ids, List<SecdbDocument.Secfix> into,
                              Consumer<String> problems) {
        if (version.isBlank()) {
            problems.accept(pkg + ": blank secfixes version");
            return;
        }
        if (ids.isNull() || ids.isTextual() && ids.asText().isBlank()) {
            // A version with nothing under it (v3.6 heimdal 7.4.0-r0): YAML reads the empty value as "".
            return;
        }
        if (!ids.isArray()) {
            problems.accept(pkg + " " + version + ": secfixes entry is not a list");
            return;
        }
        for (JsonNode id : ids) {
            if (id.isTextual() && !id.asText().isBlank()) {
                into.add(new SecdbDocument.Secfix(version.strip(), id.asText().strip()));
            } else if (!id.isNull()) {
                problems.accept(pkg + " " + version + ": secfixes id is not a string: " + id);
            }
        }
    }
}

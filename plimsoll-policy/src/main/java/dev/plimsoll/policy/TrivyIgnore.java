package dev.plimsoll.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports Trivy's ignore files, so that a team moving from Trivy keeps its decisions: the plain {@code .trivyignore}
 * (one id per line, {@code exp:YYYY-MM-DD} after it, {@code #} comments) and {@code .trivyignore.yaml}
 * ({@code vulnerabilities}, {@code misconfigurations}, {@code secrets}, {@code licenses} lists of {@code id},
 * {@code paths}, {@code purls}, {@code statement}, {@code expired_at}). Trivy needs no reason, Plimsoll does: the
 * comment lines just above a plain entry, or the YAML {@code statement}, become it, else "listed in FILE".
 */
public final class TrivyIgnore {
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private TrivyIgnore() {
    }

    public static List<IgnoreEntry> read(Path path) {
        String name = path.toString();
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(name + ": larger than " + MAX_BYTES + " bytes; not an ignore file");
            }
            byte[] bytes = Files.readAllBytes(path);
            String fileName = path.getFileName() == null ? name : path.getFileName().toString();
            if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                    return yaml(Located.parse(in, name), name);
                }
            }
            return plain(new String(bytes, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<IgnoreEntry> plain(String text, String file) throws IOException {
        List<IgnoreEntry> out = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(text));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty()) {
                comments.clear();
                continue;
            }
            if (t.startsWith("#")) {
                comments.add(t.substring(1).strip());
                continue;
            }
            String[] fields = t.split("\\s+");
            Optional<LocalDate> expires = Optional.empty();
            for (int i = 1; i < fields.length; i++) {
                if (fields[i].startsWith("exp:")) {
                    expires = Optional.of(date(fields[i].substring(4), file, n));
                } else if (fields[i].startsWith("#")) {
                    break;
                } else {
                    throw Errors.at(file, n, "unexpected '" + fields[i] + "' after the id (only exp:YYYY-MM-DD)");
                }
            }
            String reason = comments.stream().filter(c -> !c.isEmpty()).reduce((a, b) -> a + " " + b)
                    .orElse("listed in " + file);
            out.add(new IgnoreEntry(Optional.of(fields[0]), Optional.empty(), Optional.empty(), Optional.empty(),
                    reason, expires, file + ":" + n));
            comments.clear();
        }
        return out;
    }

    private static List<IgnoreEntry> yaml(Located root, String file) {
        if (!(root instanceof Located.Mapping m)) {
            throw Errors.at(file, root.line(), "a .trivyignore.yaml is a mapping of vulnerabilities:, secrets:, ...");
        }
        List<IgnoreEntry> out = new ArrayList<>();
        m.fields().forEach((section, value) -> {
            if (!List.of("vulnerabilities", "misconfigurations", "secrets", "licenses").contains(section)) {
                throw Errors.at(file, m.keyLines().get(section), "unknown section '" + section + "'");
            }
            if (!(value instanceof Located.Sequence seq)) {
                throw Errors.at(file, value.line(), section + ": a list of entries");
            }
            for (Located item : seq.items()) {
                out.addAll(yamlEntry(item, file));
            }
        });
        return out;
    }

    private static List<IgnoreEntry> yamlEntry(Located node, String file) {
        if (!(node instanceof Located.Mapping m)) {
            throw Errors.at(file, node.line(), "an entry is a mapping with id:");
        }
        String id = text(m.get("id").orElseThrow(() -> Errors.at(file, m.line(), "entry without an id")), file);
        String reason = m.get("statement").map(s -> text(s, file)).filter(s -> !s.isBlank())
                .orElse("listed in " + file);
        Optional<LocalDate> expires = m.get("expired_at").map(e -> date(text(e, file), file, e.line()));
        List<Optional<String>> paths = list(m.get("paths"), file).stream().map(Optional::of).toList();
        List<Optional<PackageSelector>> purls = new ArrayList<>();
        for (String purl : list(m.get("purls"), file)) {
            purls.add(Optional.of(selector(purl, file, m.get("purls").get().line())));
        }
        List<IgnoreEntry> out = new ArrayList<>();
        for (Optional<String> path : paths.isEmpty() ? List.<Optional<String>>of(Optional.empty()) : paths) {
            for (Optional<PackageSelector> pkg : purls.isEmpty() ? List.<Optional<PackageSelector>>of(Optional.empty())
                    : purls) {
                out.add(new IgnoreEntry(Optional.of(id), pkg, path, Optional.empty(), reason, expires,
                        file + ":" + m.line()));
            }
        }
        return out;
    }

    /** A package URL as a selector: the name as reports write it, the exact version when the purl has one. */
    static PackageSelector selector(String purl, String file, int line) {
        PackageURL p;
        try {
            p = new PackageURL(purl);
        } catch (MalformedPackageURLException e) {
            throw Errors.at(file, line, "not a package URL: " + purl + " (" + e.getMessage() + ")");
        }
        Optional<Ecosystem> ecosystem = java.util.Arrays.stream(Ecosystem.values())
                .filter(e -> e.purlType().equals(p.getType())).findFirst();
        String ns = p.getNamespace();
        String name = ns == null || ecosystem.isEmpty() ? p.getName() : switch (ecosystem.get()) {
            case MAVEN -> ns + ":" + p.getName();
            case NPM, GOLANG, COMPOSER -> ns + "/" + p.getName();
            default -> p.getName(); // deb/rpm/apk namespaces are the distribution, not part of the name
        };
        Optional<String> versions = Optional.ofNullable(p.getVersion()).filter(v -> ecosystem.isPresent())
                .map(v -> "=" + v);
        return new PackageSelector(name, ecosystem, versions);
    }

    private static List<String> list(Optional<Located> node, String file) {
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof Located.Sequence seq)) {
            throw Errors.at(file, node.get().line(), "a list is needed here");
        }
        return seq.items().stream().map(i -> text(i, file)).toList();
    }

    private static String text(Located node, String file) {
        if (node instanceof Located.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw Errors.at(file, node.line(), "a single value is needed here");
    }

    private static LocalDate date(String text, String file, int line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Errors.at(file, line, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}

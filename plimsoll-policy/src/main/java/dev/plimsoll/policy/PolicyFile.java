package dev.plimsoll.policy;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code plimsoll.yaml} (schema: {@code plimsoll-policy/src/main/resources/plimsoll-policy.schema.json}). Every
 * mistake is an error naming the file and line: an unknown key (a typo would otherwise silently weaken the policy),
 * a missing reason, a bad date, severity or version range.
 */
public final class PolicyFile {
    /** The name looked for in the working directory and its parents. */
    public static final String NAME = "plimsoll.yaml";

    private static final Set<String> TOP = Set.of("version", "fail-on", "ignore-unfixed", "dev-dependencies", "ignore",
            "rules", "images", "secrets", "trivyignore", "hadolint");
    private static final Set<String> ENTRY = Set.of("id", "package", "ecosystem", "versions", "path", "target",
            "reason", "expires");

    private final String file;

    private PolicyFile(String file) {
        this.file = file;
    }

    /** The nearest plimsoll.yaml in {@code dir} or its parents, if any. */
    public static Optional<Path> find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Policy read(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(name + ": no such policy file");
        }
        Policy policy;
        try (InputStream in = Files.newInputStream(path)) {
            policy = parse(in, name);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
        return policy;
    }

    /** Parses a policy; a {@code trivyignore:} import is resolved relative to {@code baseDir}. */
    static Policy parse(InputStream in, String file) {
        return new PolicyFile(file).policy(Located.parse(in, file), Path.of(file).toAbsolutePath().getParent());
    }

    private Policy policy(Located root, Path baseDir) {
        if (!(root instanceof Located.Mapping m)) {
            throw Errors.at(file, root.line(), "a policy is a mapping of settings (fail-on:, ignore:, ...)");
        }
        checkKeys(m, TOP, "policy setting");
        m.get("version").ifPresent(v -> {
            if (!scalar(v, "version").equals("1")) {
                throw Errors.at(file, v.line(), "unsupported policy version " + scalar(v, "version") + "; this Plimsoll"
                        + " reads version 1");
            }
        });
        Map<FindingKind, Severity> failOn = m.get("fail-on").map(this::failOn).orElse(Map.of());
        boolean ignoreUnfixed = m.get("ignore-unfixed").map(v -> bool(v, "ignore-unfixed")).orElse(false);
        Policy.DevDependencies dev = m.get("dev-dependencies").map(this::devDependencies)
                .orElse(Policy.DevDependencies.INCLUDE);
        List<IgnoreEntry> ignores = new ArrayList<>(m.get("ignore").map(this::ignores).orElse(List.of()));
        Map<String, Policy.RuleOverride> rules = m.get("rules").map(this::rules).orElse(Map.of());
        ImageTrust images = m.get("images").map(this::images).orElse(ImageTrust.ANY);
        SecretSettings secrets = m.get("secrets").map(v -> secrets(v, baseDir)).orElse(SecretSettings.NONE);
        if (m.get("trivyignore").isPresent()) {
            Located t = m.get("trivyignore").get();
            Path ignoreFile = baseDir == null ? Path.of(scalar(t, "trivyignore"))
                    : baseDir.resolve(scalar(t, "trivyignore"));
            if (!Files.isRegularFile(ignoreFile)) {
                throw Errors.at(file, t.line(), "trivyignore: no such file " + ignoreFile);
            }
            ignores.addAll(TrivyIgnore.read(ignoreFile));
        }
        if (m.get("hadolint").isPresent()) {
            Located h = m.get("hadolint").get();
            Path config = baseDir == null ? Path.of(scalar(h, "hadolint")) : baseDir.resolve(scalar(h, "hadolint"));
            if (!Files.isRegularFile(config)) {
                throw Errors.at(file, h.line(), "hadolint: no such file " + config);
            }
            HadolintConfig.Imported imported = HadolintConfig.read(config);
            // The policy's own rules: entries win over the imported ones.
            Map<String, Policy.RuleOverride> merged = new LinkedHashMap<>(imported.rules());
            merged.putAll(rules);
            rules = merged;
            images = images.withRegistries(imported.trustedRegistries());
        }
        return new Policy(failOn, ignoreUnfixed, dev, ignores, rules, images, secrets, file);
    }

    private Map<FindingKind, Severity> failOn(Located node) {
        Map<FindingKind, Severity> out = new EnumMap<>(FindingKind.class);
        if (node instanceof Located.Scalar s) {
            Severity sev = severity(s);
            for (FindingKind k : FindingKind.values()) {
                out.put(k, sev);
            }
            return out;
        }
        Located.Mapping m = mapping(node, "fail-on");
        m.fields().forEach((key, value) -> {
            FindingKind kind;
            try {
                kind = FindingKind.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw Errors.at(file, m.keyLines().get(key), "fail-on: unknown finding kind '" + key + "'; one of "
                        + kinds());
            }
            out.put(kind, severity(value));
        });
        return out;
    }

    private static String kinds() {
        List<String> names = new ArrayList<>();
        for (FindingKind k : FindingKind.values()) {
            names.add(k.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private Policy.DevDependencies devDependencies(Located node) {
        String v = scalar(node, "dev-dependencies").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "include" -> Policy.DevDependencies.INCLUDE;
            case "exclude" -> Policy.DevDependencies.EXCLUDE;
            default -> throw Errors.at(file, node.line(), "dev-dependencies: '" + v + "', not include or exclude");
        };
    }

    private List<IgnoreEntry> ignores(Located node) {
        if (!(node instanceof Located.Sequence seq)) {
            throw Errors.at(file, node.line(), "ignore: a list of entries (- id: ..., reason: ...)");
        }
        List<IgnoreEntry> out = new ArrayList<>();
        for (Located item : seq.items()) {
            out.add(entry(item));
        }
        return out;
    }

    private IgnoreEntry entry(Located node) {
        Located.Mapping m = mapping(node, "an ignore entry");
        checkKeys(m, ENTRY, "ignore entry key");
        Optional<String> id = m.get("id").map(v -> scalar(v, "id"));
        Optional<String> pkgName = m.get("package").map(v -> scalar(v, "package"));
        Optional<Ecosystem> ecosystem = m.get("ecosystem").map(this::ecosystem);
        Optional<String> versions = m.get("versions").map(v -> scalar(v, "versions"));
        if (pkgName.isEmpty() && (ecosystem.isPresent() || versions.isPresent())) {
            throw Errors.at(file, m.line(), "ecosystem and versions need a package");
        }
        if (versions.isPresent()) {
            if (ecosystem.isEmpty()) {
                throw Errors.at(file, m.get("versions").get().line(), "versions need an ecosystem (npm, pypi, maven,"
                        + " deb, ...): version order differs between them");
            }
            PackageSelector.rangeProblem(ecosystem.get(), versions.get()).ifPresent(p -> {
                throw Errors.at(file, m.get("versions").get().line(), "versions: " + p);
            });
        }
        Optional<String> path = m.get("path").map(v -> glob(v, "path"));
        Optional<String> target = m.get("target").map(v -> glob(v, "target"));
        Located reasonNode = m.get("reason").orElseThrow(() -> Errors.at(file, m.line(),
                "ignore entry without a reason: say why the finding is accepted (reason: ...)"));
        String reason = scalar(reasonNode, "reason").strip();
        if (reason.isEmpty()) {
            throw Errors.at(file, reasonNode.line(), "empty reason: say why the finding is accepted");
        }
        Optional<LocalDate> expires = m.get("expires").map(this::date);
        if (id.isEmpty() && pkgName.isEmpty() && path.isEmpty() && target.isEmpty()) {
            throw Errors.at(file, m.line(), "an ignore entry needs id, package, path or target");
        }
        Optional<PackageSelector> pkg = pkgName.map(n -> new PackageSelector(n, ecosystem, versions));
        return new IgnoreEntry(id, pkg, path, target, reason, expires, file + ":" + m.line());
    }

    private Map<String, Policy.RuleOverride> rules(Located node) {
        Located.Mapping m = mapping(node, "rules");
        Map<String, Policy.RuleOverride> out = new LinkedHashMap<>();
        m.fields().forEach((id, value) -> {
            Located.Mapping r = mapping(value, "rules." + id);
            checkKeys(r, Set.of("enabled", "severity"), "rule setting");
            boolean enabled = r.get("enabled").map(v -> bool(v, "enabled")).orElse(true);
            Optional<Severity> severity = r.get("severity").map(this::severity);
            out.put(id, new Policy.RuleOverride(enabled, severity));
        });
        return out;
    }

    private ImageTrust images(Located node) {
        Located.Mapping m = mapping(node, "images");
        checkKeys(m, Set.of("trusted-registries", "allowed-base-images"), "images setting");
        List<String> registries = m.get("trusted-registries").map(v -> strings(v, "trusted-registries"))
                .orElse(List.of());
        List<String> bases = m.get("allowed-base-images").map(v -> strings(v, "allowed-base-images"))
                .orElse(List.of());
        return new ImageTrust(registries, bases);
    }

    private SecretSettings secrets(Located node, Path baseDir) {
        Located.Mapping m = mapping(node, "secrets");
        checkKeys(m, Set.of("rules", "allowlist", "hash-key-env", "gitleaks-config"), "secrets setting");
        List<SecretSettings.CustomRule> rules = new ArrayList<>();
        m.get("rules").ifPresent(v -> {
            if (!(v instanceof Located.Sequence seq)) {
                throw Errors.at(file, v.line(), "secrets.rules: a list of rules is needed here");
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Located item : seq.items()) {
                SecretSettings.CustomRule rule = secretRule(item);
                if (!ids.add(rule.id())) {
                    throw Errors.at(file, item.line(), "secrets.rules: rule id '" + rule.id() + "' is defined twice");
                }
                rules.add(rule);
            }
        });
        SecretSettings.AllowlistSpec allowlist = m.get("allowlist").map(this::secretAllowlist)
                .orElse(SecretSettings.AllowlistSpec.NONE);
        Optional<String> keyEnv = m.get("hash-key-env").map(v -> {
            String name = scalar(v, "hash-key-env");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw Errors.at(file, v.line(), "hash-key-env: '" + name + "' is not an environment variable name;"
                        + " name the variable that holds the key, never the key itself");
            }
            return name;
        });
        Optional<Path> gitleaks = m.get("gitleaks-config").map(v -> {
            Path config = baseDir == null ? Path.of(scalar(v, "gitleaks-config"))
                    : baseDir.resolve(scalar(v, "gitleaks-config"));
            if (!Files.isRegularFile(config)) {
                throw Errors.at(file, v.line(), "gitleaks-config: no such file " + config);
            }
            return config;
        });
        return new SecretSettings(rules, allowlist, keyEnv, gitleaks);
    }

    private SecretSettings.CustomRule secretRule(Located node) {
        Located.Mapping r = mapping(node, "secrets.rules[]");
        checkKeys(r, Set.of("id", "title", "description", "severity", "regex", "secret-group", "keywords", "entropy",
                "path"), "secret rule setting");
        String id = r.get("id").map(v -> scalar(v, "id")).orElseThrow(() -> Errors.at(file, node.line(),
                "secrets.rules: a rule needs an id"));
        if (!id.matches("[a-z0-9]+(?:[-.][a-z0-9]+)*")) {
            throw Errors.at(file, r.get("id").get().line(), "secrets.rules: id '" + id
                    + "' must be lower-case kebab-case (acme-api-key)");
        }
        Located regexNode = r.get("regex").orElseThrow(() -> Errors.at(file, node.line(), "secrets.rules: rule "
                + id + " needs a regex"));
        String regex = scalar(regexNode, "regex");
        int groups = compile(regexNode, regex, "regex").matcher("").groupCount();
        int group = r.get("secret-group").map(v -> {
            int g = integer(v, "secret-group");
            if (g < 0 || g > groups) {
                throw Errors.at(file, v.line(), "secret-group: " + g + " but the regex has " + groups + " groups");
            }
            return g;
        }).orElse(groups >= 1 ? 1 : 0);
        List<String> keywords = r.get("keywords").map(v -> list(v, "keywords")).orElse(List.of()).stream()
                .map(k -> k.toLowerCase(Locale.ROOT)).toList();
        for (String k : keywords) {
            if (k.isEmpty() || !k.chars().allMatch(c -> c < 128)) {
                throw Errors.at(file, r.get("keywords").get().line(), "keywords: '" + k
                        + "' must be a non-empty ASCII literal");
            }
        }
        java.util.OptionalDouble entropy = r.get("entropy").map(v -> {
            double bits;
            try {
                bits = Double.parseDouble(scalar(v, "entropy"));
            } catch (NumberFormatException e) {
                throw Errors.at(file, v.line(), "entropy: '" + scalar(v, "entropy") + "' is not a number");
            }
            if (!(bits >= 0 && bits <= 8)) {
                throw Errors.at(file, v.line(), "entropy: bits per character, between 0 and 8");
            }
            return java.util.OptionalDouble.of(bits);
        }).orElse(java.util.OptionalDouble.empty());
        Optional<String> path = r.get("path").map(v -> {
            String p = scalar(v, "path");
            compile(v, p, "path");
            return p;
        });
        String title = r.get("title").or(() -> r.get("description")).map(v -> scalar(v, "title")).orElse(id);
        Severity severity = r.get("severity").map(this::severity).orElse(Severity.HIGH);
        return new SecretSettings.CustomRule(id, title, severity, regex, group, keywords, entropy, path,
                node.line());
    }

    private SecretSettings.AllowlistSpec secretAllowlist(Located node) {
        Located.Mapping a = mapping(node, "secrets.allowlist");
        checkKeys(a, Set.of("paths", "regexes", "stopwords", "commits"), "secret allowlist setting");
        List<String> paths = a.get("paths").map(v -> regexes(v, "paths")).orElse(List.of());
        List<String> regexes = a.get("regexes").map(v -> regexes(v, "regexes")).orElse(List.of());
        List<String> stopwords = a.get("stopwords").map(v -> list(v, "stopwords")).orElse(List.of());
        List<String> commits = a.get("commits").map(v -> list(v, "commits")).orElse(List.of());
        a.get("commits").ifPresent(v -> {
            for (String c : commits) {
                if (!c.matches("[0-9a-fA-F]{7,64}")) {
                    throw Errors.at(file, v.line(), "commits: '" + c + "' is not a commit id (7 to 64 hex digits)");
                }
            }
        });
        return new SecretSettings.AllowlistSpec(paths, regexes, stopwords, commits);
    }

    private List<String> regexes(Located node, String what) {
        List<String> out = list(node, what);
        for (String r : out) {
            compile(node, r, what);
        }
        return out;
    }

    private java.util.regex.Pattern compile(Located node, String regex, String what) {
        try {
            return java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw Errors.at(file, node.line(), what + ": not a regular expression: " + e.getDescription());
        }
    }

    private List<String> list(Located node, String what) {
        if (!(node instanceof Located.Sequence seq)) {
            throw Errors.at(file, node.line(), what + ": a list is needed here");
        }
        return seq.items().stream().map(item -> scalar(item, what)).toList();
    }

    private int integer(Located node, String what) {
        try {
            return Integer.parseInt(scalar(node, what));
        } catch (NumberFormatException e) {
            throw Errors.at(file, node.line(), what + ": '" + scalar(node, what) + "' is not a whole number");
        }
    }

    /** A list of values; a trusted registry must be a host or host/path, not a URL or a pattern. */
    private List<String> strings(Located node, String what) {
        if (!(node instanceof Located.Sequence seq)) {
            throw Errors.at(file, node.line(), what + ": a list is needed here");
        }
        List<String> out = new ArrayList<>();
        for (Located item : seq.items()) {
            String v = scalar(item, what).strip();
            if (what.equals("trusted-registries") && (v.isEmpty() || v.contains("*") || v.contains("://"))) {
                throw Errors.at(file, item.line(), what + ": '" + v + "' is not a registry host"
                        + " (registry.example.com, localhost:5000, gcr.io/distroless)");
            }
            out.add(v);
        }
        return out;
    }

    private Ecosystem ecosystem(Located node) {
        String v = scalar(node, "ecosystem").toLowerCase(Locale.ROOT);
        for (Ecosystem e : Ecosystem.values()) {
            if (e.purlType().equals(v) || e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw Errors.at(file, node.line(), "unknown ecosystem '" + v + "' (package-url types: npm, pypi, maven,"
                + " golang, cargo, gem, nuget, composer, deb, apk, rpm, ...)");
    }

    private Severity severity(Located node) {
        String v = scalar(node, "severity");
        try {
            return Severity.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Errors.at(file, node.line(), "unknown severity '" + v + "'; one of UNKNOWN, LOW, MEDIUM, HIGH,"
                    + " CRITICAL");
        }
    }

    private LocalDate date(Located node) {
        String v = scalar(node, "expires");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Errors.at(file, node.line(), "expires: '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    private String glob(Located node, String what) {
        String v = scalar(node, what);
        try {
            Globs.compile(v);
            return v;
        } catch (IllegalArgumentException e) {
            throw Errors.at(file, node.line(), what + ": " + e.getMessage());
        }
    }

    private boolean bool(Located node, String what) {
        String v = scalar(node, what).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Errors.at(file, node.line(), what + ": '" + v + "', not true or false");
        };
    }

    private String scalar(Located node, String what) {
        if (node instanceof Located.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw Errors.at(file, node.line(), what + ": a single value is needed here");
    }

    private Located.Mapping mapping(Located node, String what) {
        if (node instanceof Located.Mapping m) {
            return m;
        }
        throw Errors.at(file, node.line(), what + ": a mapping (key: value lines) is needed here");
    }

    private void checkKeys(Located.Mapping m, Set<String> allowed, String what) {
        for (Map.Entry<String, Integer> key : m.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                throw Errors.at(file, key.getValue(), "unknown " + what + " '" + key.getKey() + "'; known: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}

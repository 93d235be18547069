package dev.plimsoll.check.secrets.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.check.secrets.validate.Validators;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads rule files in the format of rules/README.md and checks each rule as it loads: required fields, keywords
 * lower-case, regex compiles, secretGroup exists, validator known. A wrong rule fails the load with a message naming
 * the file and the rule (never a test text: those hold format-valid fakes).
 */
public final class RuleLoader {
    /** Where the catalogue lives on the class path. */
    public static final String CATALOGUE = "dev/plimsoll/check/secrets/rules/";
    private static final Set<String> FIELDS = Set.of("id", "title", "severity", "keywords", "regex", "secretGroup",
            "entropy", "validator", "allowlist", "references", "tests", "tags", "description");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Validators validators;

    public RuleLoader(Validators validators) {
        this.validators = validators;
    }

    /**
     * The files rules/index.txt lists, in order. A missing index or a listed file that does not exist yet is
     * tolerated (the catalogue grows file by file): only what exists loads.
     */
    public List<SecretRule> loadCatalogue() {
        return loadIndex(RuleLoader.class.getClassLoader(), CATALOGUE);
    }

    public List<SecretRule> loadIndex(ClassLoader loader, String folder) {
        List<SecretRule> all = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(folder + "index.txt")) {
            if (index == null) {
                return all;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(folder + name)) {
                    if (in != null) {
                        all.addAll(load(name, in));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read the secret rule catalogue: " + e.getMessage(), e);
        }
        return all;
    }

    /** One rule file; {@code source} names it in messages. */
    public List<SecretRule> load(String source, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        List<SecretRule> rules = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return rules;
        }
        if (!root.isArray()) {
            throw new ConfigException(source + ": expected a list of rules");
        }
        int i = 0;
        for (JsonNode n : root) {
            i++;
            rules.add(rule(source, i, n));
        }
        return rules;
    }

    private SecretRule rule(String source, int index, JsonNode n) {
        String where = source + " rule #" + index;
        if (!n.isObject()) {
            throw new ConfigException(where + ": expected a mapping");
        }
        String id = text(n, "id", where, true);
        where = source + " rule " + id;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ConfigException(where + ": unknown field '" + f + "' (known: " + FIELDS + ")");
            }
        }
        String title = text(n, "title", where, true);
        Severity severity;
        try {
            severity = Severity.parse(text(n, "severity", where, true));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
        List<String> keywords = strings(n.get("keywords"), where + " keywords");
        if (keywords.isEmpty()) {
            throw new ConfigException(where + ": keywords must not be empty (the prefilter needs them)");
        }
        for (String k : keywords) {
            if (!k.equals(k.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(where + ": keyword '" + k + "' must be lower-case");
            }
        }
        Pattern regex = compile(text(n, "regex", where, true), where + " regex");
        int group = n.has("secretGroup") ? n.get("secretGroup").asInt(-1) : 0;
        OptionalDouble entropy = n.hasNonNull("entropy") ? OptionalDouble.of(n.get("entropy").asDouble())
                : OptionalDouble.empty();
        Optional<String> validator = Optional.ofNullable(text(n, "validator", where, false));
        if (validator.isPresent() && validators.get(validator.get()).isEmpty()) {
            throw new ConfigException(where + ": unknown validator '" + validator.get() + "' (known: "
                    + validators.names() + ")");
        }
        Allowlist allowlist = Allowlist.NONE;
        JsonNode al = n.get("allowlist");
        if (al != null && !al.isNull()) {
            List<Pattern> regexes = new ArrayList<>();
            for (String r : strings(al.get("regexes"), where + " allowlist regexes")) {
                regexes.add(compile(r, where + " allowlist regex"));
            }
            allowlist = Allowlist.of(regexes, strings(al.get("stopwords"), where + " allowlist stopwords"));
        }
        SecretRule.Tests tests = SecretRule.Tests.NONE;
        JsonNode t = n.get("tests");
        if (t != null && !t.isNull()) {
            tests = new SecretRule.Tests(strings(t.get("positives"), where + " tests"),
                    strings(t.get("negatives"), where + " tests"));
        }
        try {
            return new SecretRule(id, title, severity, keywords, regex, group, entropy, validator, allowlist,
                    strings(n.get("references"), where + " references"), Optional.empty(), tests);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(where + " does not compile: " + e.getDescription() + " at index "
                    + e.getIndex(), e);
        }
    }

    private static String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new ConfigException(where + ": '" + field + "' is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where + ": '" + field + "' must be a scalar");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode v, String where) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(where + ": expected a list");
        }
        for (JsonNode e : v) {
            if (!e.isValueNode()) {
                throw new ConfigException(where + ": expected a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package dev.plimsoll.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * VEX documents: a supplier's statements that a product is not affected by a vulnerability, or has it fixed.
 * OpenVEX ({@code statements[]}: {@code vulnerability.name} and {@code aliases}, {@code products[]} by purl,
 * {@code status}, {@code justification}, {@code impact_statement}) and CycloneDX VEX ({@code vulnerabilities[]}:
 * {@code id}, {@code analysis.state}, {@code analysis.justification}/{@code detail}, {@code affects[].ref} naming a
 * component's bom-ref or a purl). Statements of {@code not_affected} and {@code fixed} (CycloneDX:
 * {@code not_affected}, {@code false_positive}, {@code resolved}, {@code resolved_with_pedigree}) suppress a
 * finding; {@code affected} and {@code under_investigation} do not.
 *
 * @param statements the statements that suppress
 * @param origin     the file
 */
public record Vex(List<Statement> statements, String origin) {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    public Vex {
        statements = List.copyOf(statements);
        Objects.requireNonNull(origin);
    }

    /**
     * One suppressing statement.
     *
     * @param ids      the vulnerability's ids (name and aliases)
     * @param products package URLs the statement covers; empty: every package
     * @param status   as the document writes it ("not_affected", "fixed", "resolved", ...)
     * @param why      the justification and impact statement, for reports
     */
    public record Statement(List<String> ids, List<String> products, String status, String why) {
        public Statement {
            ids = List.copyOf(ids);
            products = List.copyOf(products);
            Objects.requireNonNull(status);
            Objects.requireNonNull(why);
        }

        boolean covers(VulnerabilityFinding v) {
            boolean named = ids.stream().anyMatch(id -> id.equalsIgnoreCase(v.ruleId().value())
                    || v.aliases().stream().anyMatch(id::equalsIgnoreCase));
            return named && (products.isEmpty() || products.stream().anyMatch(p -> samePackage(p, v.pkg().purl())));
        }
    }

    /** The first statement that suppresses the finding, if any. */
    public Optional<Statement> suppressing(VulnerabilityFinding v) {
        return statements.stream().filter(s -> s.covers(v)).findFirst();
    }

    public static Vex read(Path path) {
        String name = path.toString();
        try {
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(name + ": no such VEX document");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(name + ": larger than " + MAX_BYTES + " bytes; not a VEX document");
            }
            JsonNode root;
            try (InputStream in = Files.newInputStream(path)) {
                root = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build()).build()).readTree(in);
            }
            if (root != null && root.path("statements").isArray()) {
                return new Vex(openVex(root, name), name);
            }
            if (root != null && root.path("bomFormat").asText().equals("CycloneDX")) {
                return new Vex(cycloneDx(root, name), name);
            }
            throw new ConfigException(name + ": neither an OpenVEX document (statements) nor a CycloneDX VEX"
                    + " (bomFormat CycloneDX)");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw Errors.at(name, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Statement> openVex(JsonNode root, String file) {
        List<Statement> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : root.path("statements")) {
            String status = s.path("status").asText("");
            if (status.isEmpty()) {
                throw new ConfigException(file + ": statements[" + i + "] has no status");
            }
            JsonNode vuln = s.path("vulnerability");
            List<String> ids = new ArrayList<>();
            // OpenVEX 0.2: vulnerability {name, @id, aliases}; 0.0.x: a plain string
            if (vuln.isTextual()) {
                ids.add(vuln.asText());
            } else {
                text(vuln.path("name")).ifPresent(ids::add);
                vuln.path("aliases").forEach(a -> ids.add(a.asText()));
                text(vuln.path("@id")).filter(id -> !id.contains("/")).ifPresent(ids::add);
            }
            if (ids.isEmpty()) {
                throw new ConfigException(file + ": statements[" + i + "] names no vulnerability");
            }
            List<String> products = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                Optional<String> purl = p.isTextual() ? Optional.of(p.asText())
                        : text(p.path("identifiers").path("purl")).or(() -> text(p.path("@id")));
                purl.filter(x -> x.startsWith("pkg:")).ifPresent(products::add);
                for (JsonNode sub : p.path("subcomponents")) {
                    text(sub.path("identifiers").path("purl")).or(() -> text(sub.path("@id")))
                            .filter(x -> x.startsWith("pkg:")).ifPresent(products::add);
                }
            }
            if (status.equals("not_affected") || status.equals("fixed")) {
                String why = (status + ": " + s.path("justification").asText("") + " "
                        + s.path("impact_statement").asText("")).strip();
                out.add(new Statement(ids, products, status, why.endsWith(":") ? status : why));
            }
            i++;
        }
        return out;
    }

    private static List<Statement> cycloneDx(JsonNode root, String file) {
        Map<String, String> purlByRef = new HashMap<>();
        collectComponents(root.path("components"), purlByRef, 0);
        text(root.path("metadata").path("component").path("bom-ref")).ifPresent(ref ->
                text(root.path("metadata").path("component").path("purl")).ifPresent(p -> purlByRef.put(ref, p)));
        List<Statement> out = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            String state = v.path("analysis").path("state").asText("").toLowerCase(Locale.ROOT);
            if (!List.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree").contains(state)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            text(v.path("id")).ifPresent(ids::add);
            v.path("references").forEach(r -> text(r.path("id")).ifPresent(ids::add));
            if (ids.isEmpty()) {
                throw new ConfigException(file + ": a vulnerability with analysis but no id");
            }
            List<String> products = new ArrayList<>();
            for (JsonNode a : v.path("affects")) {
                String ref = a.path("ref").asText("");
                String purl = purlByRef.getOrDefault(ref, ref);
                if (purl.startsWith("pkg:")) {
                    products.add(purl);
                }
            }
            JsonNode analysis = v.path("analysis");
            String why = (state + ": " + analysis.path("justification").asText("") + " "
                    + analysis.path("detail").asText("")).strip();
            out.add(new Statement(ids, products, state, why.endsWith(":") ? state : why));
        }
        return out;
    }

    private static void collectComponents(JsonNode components, Map<String, String> purlByRef, int depth) {
        if (depth > 32) {
            return;
        }
        for (JsonNode c : components) {
            text(c.path("bom-ref")).ifPresent(ref -> text(c.path("purl")).ifPresent(p -> purlByRef.put(ref, p)));
            collectComponents(c.path("components"), purlByRef, depth + 1);
        }
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    /**
     * Whether a statement's product purl names the finding's package: same type, namespace and name; the version
     * only when the statement gives one; qualifiers (arch, distro) ignored, as VEX products rarely carry them.
     */
    static boolean samePackage(String productPurl, String findingPurl) {
        try {
            PackageURL p = new PackageURL(productPurl);
            PackageURL f = new PackageURL(findingPurl);
            return p.getType().equals(f.getType()) && Objects.equals(norm(p.getNamespace()), norm(f.getNamespace()))
                    && p.getName().equalsIgnoreCase(f.getName())
                    && (p.getVersion() == null || p.getVersion().equals(f.getVersion()));
        } catch (MalformedPackageURLException e) {
            return false;
        }
    }

    private static String norm(String namespace) {
        return namespace == null ? "" : namespace.toLowerCase(Locale.ROOT);
    }
}

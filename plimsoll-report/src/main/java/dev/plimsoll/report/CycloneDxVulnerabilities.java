package dev.plimsoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a CycloneDX SBOM back with a standard {@code vulnerabilities} array: the user's document unchanged in every
 * other field (so bom-refs, hashes and their tool's properties survive), our findings in place of any array it had.
 */
public final class CycloneDxVulnerabilities {
    private static final ObjectMapper TREES = new ObjectMapper();

    private CycloneDxVulnerabilities() {
    }

    /**
     * @param bom      the parsed input document (a CycloneDX JSON object)
     * @param findings the vulnerabilities found in it
     * @param refsOf   the bom-refs of the components a finding affects
     */
    public static void write(ObjectNode bom, List<VulnerabilityFinding> findings,
                             Function<VulnerabilityFinding, List<String>> refsOf, OutputStream out)
            throws IOException {
        ReportJson.write(out, g -> {
            g.writeStartObject();
            boolean written = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = bom.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("vulnerabilities")) {
                    vulnerabilities(g, findings, refsOf);
                    written = true;
                } else {
                    g.writeFieldName(field.getKey());
                    TREES.writeTree(g, field.getValue());
                }
            }
            if (!written) {
                vulnerabilities(g, findings, refsOf);
            }
            g.writeEndObject();
        });
    }

    private static void vulnerabilities(com.fasterxml.jackson.core.JsonGenerator g,
                                        List<VulnerabilityFinding> findings,
                                        Function<VulnerabilityFinding, List<String>> refsOf) throws IOException {
        g.writeArrayFieldStart("vulnerabilities");
        for (VulnerabilityFinding v : findings) {
            CycloneDxReporter.vulnerability(g, v, refsOf.apply(v));
        }
        g.writeEndArray();
    }
}

package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPDX 2.3 output against the official JSON schema, plus what a schema cannot check: unique SPDXIDs of the right
 * form, relationships between existing elements, license expressions that use only listed ids and defined
 * LicenseRefs.
 */
class SpdxJsonReporterTest {
    private static final Schema SPDX_23 = JsonSchemas.load("spdx/spdx-schema-2.3.json", SpecificationVersion.DRAFT_7);
    private static final Pattern SPDX_ID = Pattern.compile("SPDXRef-[A-Za-z0-9.-]+");
    private static final Pattern CREATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private final SpdxJsonReporter reporter = new SpdxJsonReporter();

    static Stream<Arguments> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validatesAgainstTheSpdx23Schema(String name, Supplier<Report> scenario) {
        JsonNode doc = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        assertThat(JsonSchemas.errors(SPDX_23, doc)).isEmpty();
    }

    @Test
    void theSchemaOnlyAcceptsTheUnderscoreSpellingOfOperatingSystem() {
        ObjectNode doc = (ObjectNode) Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        assertThat(doc.path("packages").path(1).path("primaryPackagePurpose").asText()).isEqualTo("OPERATING_SYSTEM");

        ((ObjectNode) doc.path("packages").path(1)).put("primaryPackagePurpose", "OPERATING-SYSTEM");

        assertThat(JsonSchemas.errors(SPDX_23, doc)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void hasTheRequiredDocumentFields(String name, Supplier<Report> scenario) {
        JsonNode doc = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(doc.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(doc.path("name").asText()).isNotBlank();
        URI namespace = URI.create(doc.path("documentNamespace").asText());
        assertThat(namespace.getScheme()).isEqualTo("https");
        assertThat(namespace.getFragment()).isNull();
        assertThat(doc.path("creationInfo").path("created").asText()).matches(CREATED);
        assertThat(doc.path("creationInfo").path("creators").path(0).asText()).isEqualTo("Tool: plimsoll-0.1.0");
        for (JsonNode p : doc.path("packages")) {
            for (String field : List.of("name", "SPDXID", "downloadLocation", "licenseConcluded", "licenseDeclared",
                    "copyrightText", "primaryPackagePurpose")) {
                assertThat(p.path(field).asText()).as("%s of %s", field, p.path("SPDXID")).isNotBlank();
            }
            assertThat(p.path("filesAnalyzed").asBoolean(true)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void idsAreUniqueWellFormedAndRelationshipsResolve(String name, Supplier<Report> scenario) {
        JsonNode doc = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        List<String> ids = new ArrayList<>();
        doc.path("packages").forEach(p -> ids.add(p.path("SPDXID").asText()));
        assertThat(ids).allMatch(id -> SPDX_ID.matcher(id).matches()).doesNotHaveDuplicates();

        Set<String> elements = new HashSet<>(ids);
        elements.add("SPDXRef-DOCUMENT");
        int describes = 0;
        Set<String> contained = new HashSet<>();
        for (JsonNode r : doc.path("relationships")) {
            assertThat(elements).contains(r.path("spdxElementId").asText(), r.path("relatedSpdxElement").asText());
            if (r.path("relationshipType").asText().equals("DESCRIBES")) {
                describes++;
                assertThat(r.path("spdxElementId").asText()).isEqualTo("SPDXRef-DOCUMENT");
            } else {
                contained.add(r.path("relatedSpdxElement").asText());
            }
        }
        assertThat(describes).isEqualTo(1);
        assertThat(contained).as("the root contains every other package").hasSize(ids.size() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void declaredLicensesUseListedIdsAndDefinedRefsOnly(String name, Supplier<Report> scenario) {
        JsonNode doc = Scenarios.json(Scenarios.render(reporter, scenario.get()));
        Set<String> defined = new HashSet<>();
        doc.path("hasExtractedLicensingInfos").forEach(i -> defined.add(i.path("licenseId").asText()));
        Set<String> used = new HashSet<>();
        SpdxLicenses spdx = SpdxLicenses.bundled();

        for (JsonNode p : doc.path("packages")) {
            String declared = p.path("licenseDeclared").asText();
            if (declared.equals("NOASSERTION")) {
                continue;
            }
            for (String token : declared.replace("(", " ").replace(")", " ").trim().split(" +")) {
                if (token.equals("AND") || token.equals("OR") || token.equals("WITH")) {
                    continue;
                }
                if (token.startsWith("LicenseRef-")) {
                    assertThat(token).matches("LicenseRef-[A-Za-z0-9.-]+");
                    used.add(token);
                } else {
                    assertThat(spdx.parse(token)).as(token).isPresent();
                }
            }
        }
        assertThat(defined).as("every LicenseRef is defined, and only those used are").isEqualTo(used);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MIT                                  | MIT
            mit                                  | MIT
            MIT OR Apache-2.0                    | MIT OR Apache-2.0
            GPL-2+                               | LicenseRef-GPL-2plus
            GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-2.0-or-later WITH Classpath-exception-2.0
            """)
    void oneDeclaredLicense(String declared, String expected) {
        assertThat(SpdxJsonReporter.licenseDeclared(List.of(declared), SpdxLicenses.bundled(),
                new SpdxJsonReporter.LicenseRefs())).isEqualTo(expected);
    }

    @Test
    void severalDeclaredLicensesAreJoinedWithAnd() {
        SpdxJsonReporter.LicenseRefs refs = new SpdxJsonReporter.LicenseRefs();

        assertThat(SpdxJsonReporter.licenseDeclared(List.of("MIT OR Apache-2.0", "Zlib", "GPL 2", "Zlib"),
                SpdxLicenses.bundled(), refs)).isEqualTo("(MIT OR Apache-2.0) AND Zlib AND LicenseRef-GPL-2");
        assertThat(SpdxJsonReporter.licenseDeclared(List.of(), SpdxLicenses.bundled(), refs))
                .isEqualTo("NOASSERTION");
    }

    @Test
    void licenseTextsThatSanitiseAlikeGetDistinctRefs() {
        SpdxJsonReporter.LicenseRefs refs = new SpdxJsonReporter.LicenseRefs();

        String first = refs.refFor("GPL 2");
        String second = refs.refFor("GPL_2");

        assertThat(first).isEqualTo("LicenseRef-GPL-2");
        assertThat(second).startsWith("LicenseRef-GPL-2-").isNotEqualTo(first);
        assertThat(refs.refFor("GPL 2")).isEqualTo(first);
    }

    @Test
    void namespaceUsesTheInjectedId() {
        UUID fixed = UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79");

        JsonNode doc = Scenarios.json(Scenarios.render(new SpdxJsonReporter(r -> fixed), SampleScans.debianImage()));

        assertThat(doc.path("documentNamespace").asText()).isEqualTo("https://plimsoll.dev/spdx/debian-12-" + fixed);
    }

    @Test
    void anIncompleteScanSaysSoInTheDocumentComment() {
        JsonNode incomplete = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        JsonNode complete = Scenarios.json(Scenarios.render(reporter, SampleScans.alpineImage()));

        assertThat(incomplete.path("comment").asText()).startsWith("INCOMPLETE: the scan met 2 problem(s)");
        assertThat(complete.has("comment")).isFalse();
    }
}

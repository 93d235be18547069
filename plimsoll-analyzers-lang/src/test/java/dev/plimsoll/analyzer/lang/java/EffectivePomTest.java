package dev.plimsoll.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The shop fixture's dependencies, pom by pom, against the effective POMs that Maven itself built for it (recorded
 * in shop-effective-pom.xml; the README says how): coordinates, version, scope and optional, in Maven's order.
 */
class EffectivePomTest {
    private static final Path FIXTURE = Path.of("src/test/resources/java/maven");

    record Dependency(String groupId, String artifactId, String version, String scope, boolean optional) {
    }

    @Test
    void sameDependenciesAsMavensEffectivePom() throws Exception {
        Map<String, Pom> poms = new HashMap<>();
        try (Stream<Path> files = Files.walk(FIXTURE.resolve("shop"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                poms.put("/" + FIXTURE.relativize(f).toString().replace('\\', '/'), PomReader.read(Files.readAllBytes(f)));
            }
        }
        ParentChain.Tree tree = new ParentChain.Tree() {
            @Override
            public Optional<Pom> pom(String path) {
                return Optional.ofNullable(poms.get(path));
            }

            @Override
            public boolean unreadable(String path) {
                return false;
            }
        };
        Map<String, List<Dependency>> maven = effectivePoms(FIXTURE.resolve("shop-effective-pom.xml"));
        Map<String, String> modules = Map.of("shop-parent", "/shop/pom.xml", "shop-core", "/shop/shop-core/pom.xml",
                "shop-web", "/shop/shop-web/pom.xml");

        assertThat(maven.keySet()).containsExactlyInAnyOrderElementsOf(modules.keySet());
        maven.forEach((artifact, expected) -> {
            String path = modules.get(artifact);
            List<Dependency> ours = EffectivePom.dependencies(path, poms.get(path), tree).stream().map(o -> {
                EffectivePom.Resolved r = (EffectivePom.Resolved) o;
                return new Dependency(r.groupId(), r.artifactId(), r.version(), r.scope(), r.optional());
            }).toList();
            assertThat(ours).as(artifact).containsExactlyElementsOf(expected);
        });
    }

    /** The dependencies of each project in the help plugin's output, by artifactId. */
    private static Map<String, List<Dependency>> effectivePoms(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Map<String, List<Dependency>> out = new HashMap<>();
        NodeList projects = document.getDocumentElement().getElementsByTagNameNS("*", "project");
        for (int i = 0; i < projects.getLength(); i++) {
            Element project = (Element) projects.item(i);
            List<Dependency> dependencies = new ArrayList<>();
            Element list = child(project, "dependencies");
            if (list != null) {
                for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element d) {
                        String scope = text(d, "scope");
                        dependencies.add(new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version"),
                                scope == null ? "compile" : scope, "true".equals(text(d, "optional"))));
                    }
                }
            }
            out.put(text(project, "artifactId"), dependencies);
        }
        return out;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().strip();
    }
}

package dev.plimsoll.analyzer.lang.java;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one pass over an archive's central directory keeps: its manifest, its pom.properties files and the pom.xml
 * files Maven puts beside them, its nested archives, and the package all its classes share. Everything else is only
 * counted.
 */
final class ArchiveContents {
    /** Java archive kinds: jars, web and enterprise archives, JBoss par/sar, Jenkins plugins. */
    static final Set<String> EXTENSIONS = Set.of(".jar", ".war", ".ear", ".par", ".sar", ".jpi", ".hpi");

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String MAVEN = "META-INF/maven/";
    private static final String POM_PROPERTIES = "/pom.properties";
    private static final String POM_XML = "/pom.xml";
    /** Where Spring Boot and web applications keep the application's own classes. */
    private static final List<String> CLASS_ROOTS = List.of("BOOT-INF/classes/", "WEB-INF/classes/");

    private ZipEntryInfo manifest;
    private final List<ZipEntryInfo> pomProperties = new ArrayList<>();
    /** By directory: "META-INF/maven/g/a/". */
    private final Map<String, ZipEntryInfo> pomXml = new HashMap<>();
    private final List<ZipEntryInfo> nested = new ArrayList<>();
    private String classPackage;

    void add(ZipEntryInfo e) {
        if (e.isDirectory()) {
            return;
        }
        String name = e.name();
        if (name.equalsIgnoreCase(MANIFEST)) {
            manifest = manifest == null ? e : manifest;
        } else if (name.startsWith(MAVEN) && name.endsWith(POM_PROPERTIES)) {
            pomProperties.add(e);
        } else if (name.startsWith(MAVEN) && name.endsWith(POM_XML)) {
            pomXml.putIfAbsent(name.substring(0, name.length() - POM_XML.length() + 1), e);
        } else if (isArchiveName(name)) {
            nested.add(e);
        } else if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
            addClass(name);
        }
    }

    static boolean isArchiveName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') + 1 && EXTENSIONS.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    /** Narrows the package shared by all classes ("org/springframework/beans") to this class's package. */
    private void addClass(String name) {
        String path = name;
        for (String root : CLASS_ROOTS) {
            if (path.startsWith(root)) {
                path = path.substring(root.length());
                break;
            }
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        if (classPackage == null) {
            classPackage = dir;
            return;
        }
        int common = 0;
        int max = Math.min(classPackage.length(), dir.length());
        while (common < max && classPackage.charAt(common) == dir.charAt(common)) {
            common++;
        }
        boolean segmentEnd = (common == classPackage.length() || classPackage.charAt(common) == '/')
                && (common == dir.length() || dir.charAt(common) == '/');
        if (!segmentEnd) {
            int cut = classPackage.lastIndexOf('/', common);
            common = Math.max(cut, 0);
        }
        classPackage = classPackage.substring(0, common);
    }

    ZipEntryInfo manifest() {
        return manifest;
    }

    List<ZipEntryInfo> pomProperties() {
        List<ZipEntryInfo> sorted = new ArrayList<>(pomProperties);
        sorted.sort(Comparator.comparing(ZipEntryInfo::name));
        return sorted;
    }

    /** The pom.xml beside a pom.properties entry, if the archive has one. */
    Optional<ZipEntryInfo> pomXmlBeside(String pomPropertiesName) {
        return Optional.ofNullable(pomXml.get(pomPropertiesName.substring(0,
                pomPropertiesName.length() - POM_PROPERTIES.length() + 1)));
    }

    List<ZipEntryInfo> nested() {
        List<ZipEntryInfo> sorted = new ArrayList<>(nested);
        sorted.sort(Comparator.comparing(ZipEntryInfo::name));
        return sorted;
    }

    /** The package all classes share, dotted ("org.springframework"); empty without classes or a shared package. */
    String classPackage() {
        return classPackage == null ? "" : classPackage.replace('/', '.');
    }
}

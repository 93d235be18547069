package dev.plimsoll.analyzer.lang.java;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one pom.xml says about itself, as written: nothing inherited, nothing interpolated ({@link PomReader} reads
 * it, {@link EffectivePom} resolves it). Values are trimmed, as Maven trims them.
 *
 * @param groupId      the project's own groupId, when written (else it is the parent's)
 * @param artifactId   the project's artifactId
 * @param version      the project's own version, when written (else it is the parent's)
 * @param parent       the {@code <parent>} element
 * @param properties   {@code <properties>} (a name written twice: the last value)
 * @param dependencies {@code <dependencies>}
 * @param managed      {@code <dependencyManagement><dependencies>}
 * @param licenses     {@code <licenses>}
 */
record Pom(Optional<String> groupId, Optional<String> artifactId, Optional<String> version, Optional<Parent> parent,
           Map<String, String> properties, List<Dependency> dependencies, List<Dependency> managed,
           List<License> licenses) {
    Pom {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
        Objects.requireNonNull(version);
        Objects.requireNonNull(parent);
        properties = Map.copyOf(properties);
        dependencies = List.copyOf(dependencies);
        managed = List.copyOf(managed);
        licenses = List.copyOf(licenses);
    }

    /**
     * The {@code <parent>} element.
     *
     * @param relativePath the {@code <relativePath>} element: empty when absent (Maven then looks at
     *                     "../pom.xml"), "" when written empty (Maven then looks in repositories only)
     */
    record Parent(Optional<String> groupId, Optional<String> artifactId, Optional<String> version,
                  Optional<String> relativePath) {
        Parent {
            Objects.requireNonNull(groupId);
            Objects.requireNonNull(artifactId);
            Objects.requireNonNull(version);
            Objects.requireNonNull(relativePath);
        }

        /** "groupId:artifactId:version" as written, for messages. */
        String coordinates() {
            return groupId.orElse("?") + ":" + artifactId.orElse("?") + ":" + version.orElse("?");
        }
    }

    /**
     * One {@code <dependency>}, its fields as written (absent ones empty).
     *
     * @param line the line of its {@code <dependency>} tag
     */
    record Dependency(Optional<String> groupId, Optional<String> artifactId, Optional<String> version,
                      Optional<String> type, Optional<String> classifier, Optional<String> scope,
                      Optional<String> optional, int line) {
        Dependency {
            Objects.requireNonNull(groupId);
            Objects.requireNonNull(artifactId);
            Objects.requireNonNull(version);
            Objects.requireNonNull(type);
            Objects.requireNonNull(classifier);
            Objects.requireNonNull(scope);
            Objects.requireNonNull(optional);
        }
    }

    /** One {@code <license>}: its name and its URL, as written. */
    record License(Optional<String> name, Optional<String> url) {
        License {
            Objects.requireNonNull(name);
            Objects.requireNonNull(url);
        }
    }
}

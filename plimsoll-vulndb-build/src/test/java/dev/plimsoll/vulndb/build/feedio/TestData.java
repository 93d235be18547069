package dev.plimsoll.vulndb.build.feedio;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Where the test data roots are: the fixtures in src/test/resources, and ../shared/vulndata when present. */
public final class TestData {
    private TestData() {
    }

    /** The fixture data root (src/test/resources/vulndata, see its README). */
    public static Path fixtures() {
        URL url = TestData.class.getResource("/vulndata/README.md");
        if (url == null) {
            throw new IllegalStateException("test resources missing: /vulndata/README.md");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The whole ../shared/vulndata: the system property {@code plimsoll.vulndata}, else the environment variable
     * {@code PLIMSOLL_VULNDATA}, else {@code shared/vulndata} beside the repository the tests run in.
     */
    public static Optional<Path> sharedVulndata() {
        String configured = System.getProperty("plimsoll.vulndata", System.getenv("PLIMSOLL_VULNDATA"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("plimsoll-core")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                Path shared = dir.resolveSibling("shared").resolve("vulndata");
                return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #sharedVulndata()}, or the test is aborted with a message saying how to point at it; {@code toRead}
     * says what the test would read there ("read the whole ruby-advisory-db").
     */
    public static Path sharedVulndataOrAbort(String toRead) {
        Optional<Path> vulndata = sharedVulndata();
        Assumptions.assumeTrue(vulndata.isPresent(), "../shared/vulndata not found: set -Dplimsoll.vulndata=DIR to "
                + toRead + "; the fixture tests above still run");
        return vulndata.get();
    }
}

package dev.plimsoll.version.composer;

import dev.plimsoll.version.reference.ReferenceTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * composer/semver itself, asked through src/test/resources/composer/composer-oracle.php with Debian's php-cli and
 * php-composer-semver. Without them the test aborts on a developer machine and fails under CI (CI set), where a
 * silently skipped comparison would hide regressions.
 */
final class ComposerOracle {
    static final String INSTALL_HINT = "apt-get install php-cli php-composer-semver "
        + "(or plimsoll-version/reference-tools/install-maven-go-composer.sh)";
    private static final Path AUTOLOAD = Path.of("/usr/share/php/Composer/Semver/autoload.php");
    private static final Path SCRIPT = Path.of("src/test/resources/composer/composer-oracle.php");

    private ComposerOracle() {
    }

    /** php running the oracle script; aborts or fails the calling test when php or the library is missing. */
    static ReferenceTool require() {
        if (!Files.isRegularFile(AUTOLOAD)) {
            ReferenceTool.missing("composer/semver not found at " + AUTOLOAD, INSTALL_HINT);
        }
        return ReferenceTool.require("php", List.of(), SCRIPT,
            List.of("-r", "require '" + AUTOLOAD + "'; new Composer\\Semver\\VersionParser();"), INSTALL_HINT);
    }

    /** One question line: the kind, then each text hex-encoded. */
    static String question(String kind, String... texts) {
        StringBuilder line = new StringBuilder(kind);
        for (String text : texts) {
            line.append(' ').append(ReferenceTool.hex(text));
        }
        return line.toString();
    }
}

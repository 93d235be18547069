package dev.plimsoll.version.npm;

import dev.plimsoll.version.reference.ReferenceTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * node-semver as a reference: the copy that reference-tools/install-semver.sh puts under target/node-semver, or
 * the directory named by {@code -Dplimsoll.nodeSemver} or {@code PLIMSOLL_NODE_SEMVER} (a directory holding
 * node_modules/semver), run by the {@code node} on PATH.
 */
final class NodeSemver {
    static final String INSTALL_HINT = "plimsoll-version/reference-tools/install-semver.sh (needs node and npm: "
        + "apt-get install nodejs npm)";

    private NodeSemver() {
    }

    static Path directory() {
        String configured = System.getProperty("plimsoll.nodeSemver", System.getenv("PLIMSOLL_NODE_SEMVER"));
        return Path.of(configured != null && !configured.isBlank() ? configured : "target/node-semver")
            .toAbsolutePath();
    }

    /** The oracle script run by node with node-semver loaded; aborts or fails (under CI) when either is missing. */
    static ReferenceTool oracle(Path workDir) {
        Path module = directory().resolve("node_modules").resolve("semver");
        Path oracle = Path.of("src/test/resources/npm/semver-oracle.js").toAbsolutePath();
        Path wrapper = workDir.resolve("run-semver-oracle.js");
        try {
            Files.writeString(wrapper, "require(" + jsString(oracle.toString()) + ")(require("
                + jsString(module.toString()) + "))\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReferenceTool.require("node", List.of(), wrapper,
            List.of("-e", "require(" + jsString(module.toString()) + ")"), INSTALL_HINT);
    }

    private static String jsString(String text) {
        return ReferenceTool.jsonArray(text).substring(1, ReferenceTool.jsonArray(text).length() - 1);
    }
}

package dev.plimsoll.analyzer.lang.golang;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code go version -m} prints of a binary: the toolchain, the main package's path, the main module and the
 * dependencies, each possibly replaced. Build settings ("build" lines) are not kept.
 *
 * @param goVersion the toolchain that built it, as embedded ("go1.19.8", "go1.22.0 X:boringcrypto")
 * @param path      the main package's import path; empty when not recorded (GOPATH builds)
 * @param main      the main module; empty for binaries built without module information
 * @param deps      the dependencies, in the order recorded
 */
public record GoBuildInfo(String goVersion, String path, Optional<Module> main, List<Module> deps) {
    public GoBuildInfo {
        Objects.requireNonNull(goVersion);
        Objects.requireNonNull(path);
        Objects.requireNonNull(main);
        deps = List.copyOf(deps);
    }

    /**
     * One "mod", "dep" or "=>" line.
     *
     * @param version as recorded: "v1.9.0", a pseudo-version, "(devel)" for the main module built from its source,
     *                empty for a replacement by a directory in older Go
     * @param sum     the go.sum hash ("h1:..."); empty for vendored builds and replaced modules
     * @param replace the module or directory that replaced this one, if any
     */
    public record Module(String path, String version, String sum, Optional<Module> replace) {
        public Module {
            Objects.requireNonNull(path);
            Objects.requireNonNull(version);
            Objects.requireNonNull(sum);
            Objects.requireNonNull(replace);
        }

        /** Whether the version names a release or pseudo-version, not "(devel)" or nothing. */
        public boolean isVersioned() {
            return !version.isEmpty() && !version.equals(DEVEL);
        }
    }

    /** The version Go records for a module built from its source tree rather than a versioned download. */
    public static final String DEVEL = "(devel)";
}

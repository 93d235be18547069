package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/**
 * A variable visible at some point of a Dockerfile. {@code value} is the expanded value, empty when it is not known
 * (an ARG without default, an automatic platform argument).
 */
public record Binding(String name, Optional<String> value, Kind kind, Optional<SourcePosition> declaredAt) {
    public enum Kind {
        /** An ARG before the first FROM. */
        GLOBAL_ARG,
        /** BuildKit's automatic platform arguments (TARGETPLATFORM, BUILDARCH, ...), values unknown to a linter. */
        AUTOMATIC_ARG,
        /** An ARG inside a stage (a redeclared global ARG takes the global value). */
        ARG,
        /** An ENV of this stage. */
        ENV,
        /** An ENV of the stage this one is built FROM. */
        INHERITED_ENV
    }

    public boolean isArg() {
        return kind == Kind.GLOBAL_ARG || kind == Kind.AUTOMATIC_ARG || kind == Kind.ARG;
    }
}

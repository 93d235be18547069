package dev.plimsoll.check.cis.input.k8s;

/** A document that is not well-formed YAML/JSON or exceeds a {@link ManifestLimits} bound, at a 1-based line. */
final class ManifestSyntaxException extends Exception {
    private final int line;

    ManifestSyntaxException(String reason, int line) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}

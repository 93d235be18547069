package dev.plimsoll.core.analysis;

import dev.plimsoll.core.fs.Interests;
import java.util.Objects;

/**
 * An {@link Analyzer} whose id, version and interests are fixed when it is made, as they are for every analyzer whose
 * interests are constants: a subclass hands them to the constructor and implements {@link #open} only.
 */
public abstract class DeclaredAnalyzer implements Analyzer {
    private final AnalyzerId id;
    private final int version;
    private final Interests interests;

    /**
     * @param version bumped whenever the analyzer's output for the same input changes (see {@link #version()})
     */
    protected DeclaredAnalyzer(AnalyzerId id, int version, Interests interests) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.interests = Objects.requireNonNull(interests);
    }

    @Override
    public final AnalyzerId id() {
        return id;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final Interests interests() {
        return interests;
    }
}

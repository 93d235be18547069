package dev.plimsoll.core.error;

/** An analyzer failed in a way that makes the whole result untrustworthy (not a per-file problem). */
public final class AnalysisException extends PlimsollException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.plimsoll.core.error;

/**
 * A failure that stops a scan. Each subtype maps to an exit code in the CLI; the message names the input (file,
 * image, layer, entry) and the reason, so users can act on it without a stack trace.
 */
public abstract sealed class PlimsollException extends RuntimeException
        permits ImageException, UsageException, ConfigException, AnalysisException,
        RegistryException {
    private static final long serialVersionUID = 1L;

    protected PlimsollException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.plimsoll.core.error;

import java.util.OptionalInt;

/**
 * A registry refused or failed a request: authentication, a missing repository or tag, rate limiting, a broken
 * connection after retries, TLS trouble. The message names the registry, what was asked and the reason; it never
 * holds a credential or token (callers pass only what is safe to print).
 */
public final class RegistryException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final String registry;
    private final Integer status;

    /**
     * @param registry the registry host as the user named it
     * @param status   the HTTP status, or null when the request never got one
     * @param reason   what went wrong, safe to print
     */
    public RegistryException(String registry, Integer status, String reason, Throwable cause) {
        super("registry " + registry + ": " + reason, cause);
        this.registry = registry;
        this.status = status;
    }

    public RegistryException(String registry, Integer status, String reason) {
        this(registry, status, reason, null);
    }

    public String registry() {
        return registry;
    }

    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }
}

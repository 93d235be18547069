package dev.plimsoll.core.error;

/** A configuration or policy file is wrong; the message names the file, the line and what is wrong. */
public final class ConfigException extends PlimsollException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.plimsoll.check.dockerfile.shell;

/**
 * shellcheck ran but its answer cannot be used: it timed out, failed (exit status 2 or more) or printed something
 * that is not its json1 output. A missing shellcheck is not an exception (see {@link ShellCheck.Status}).
 */
public final class ShellCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShellCheckException(String message, Throwable cause) {
        super(message, cause);
    }

    public ShellCheckException(String message) {
        super(message);
    }
}

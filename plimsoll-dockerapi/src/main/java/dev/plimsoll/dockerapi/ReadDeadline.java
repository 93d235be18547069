package dev.plimsoll.dockerapi;

import java.net.SocketTimeoutException;

/**
 * When a connection's wait ends: the whole exchange's deadline, or, once {@link #idle} is set (a streamed body), a
 * fresh one before each read.
 */
final class ReadDeadline {
    private long at;
    private long idleNanos;

    ReadDeadline(long at) {
        this.at = at;
    }

    void idle(long nanos) {
        idleNanos = nanos;
    }

    /** Called before each read: starts the read's own wait when the connection is idle-timed. */
    void beforeRead() {
        if (idleNanos > 0) {
            at = System.nanoTime() + idleNanos;
        }
    }

    /** The time left, or a timeout. */
    long remaining() throws SocketTimeoutException {
        long left = at - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline reached");
        }
        return left;
    }

    /** The time left in whole milliseconds (at least one), as socket timeouts take it. */
    int remainingMillis() throws SocketTimeoutException {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining() / 1_000_000));
    }
}

package dev.plimsoll.vulndb.build;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that sends nothing for {@code idle}: HttpClient's request timeout ends with the headers, so
 * a server that stalls mid-body (or announces more bytes than it sends and keeps the connection open) would
 * otherwise hang the update forever. Closing the body cancels the exchange; the blocked read then fails.
 */
final class IdleTimeoutStream extends FilterInputStream {
    private final ScheduledExecutorService watchdog;
    private final long idleNanos;
    private volatile boolean timedOut;

    IdleTimeoutStream(InputStream in, Duration idle, ScheduledExecutorService watchdog) {
        super(in);
        this.idleNanos = idle.toNanos();
        this.watchdog = watchdog;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw timedOut ? timeout(e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            int n = super.read(b, off, len);
            if (timedOut) {
                throw timeout(null);
            }
            return n;
        } catch (IOException e) {
            throw timedOut ? timeout(e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return watchdog.schedule(() -> {
            timedOut = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader sees the failure
            }
        }, idleNanos, TimeUnit.NANOSECONDS);
    }

    private IOException timeout(IOException cause) {
        return new IOException("no data for " + Duration.ofNanos(idleNanos).toSeconds() + " s: stalled", cause);
    }
}

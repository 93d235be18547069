package dev.plimsoll.cli;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.registry.DownloadListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts blob downloads, and on a terminal draws one progress line on stderr (blobs and bytes), at most ten times
 * a second; nothing when stderr is not a terminal, in CI ($CI=true) or with --quiet.
 */
final class DownloadProgress implements DownloadListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private final boolean draw;
    private final Set<Digest> started = ConcurrentHashMap.newKeySet();
    private final Set<Digest> done = ConcurrentHashMap.newKeySet();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastDraw;

    DownloadProgress(PrintStream err, boolean draw) {
        this.err = err;
        this.draw = draw;
    }

    /** Whether this run may draw: stderr is the process's, a terminal, not CI, not quiet. */
    static boolean drawable(Console console, boolean quiet) {
        if (quiet || "true".equalsIgnoreCase(console.host().env().get("CI")) || console.err() != System.err) {
            return false;
        }
        java.io.Console terminal = System.console();
        if (terminal == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console for redirected streams too; isTerminal tells them apart
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(terminal);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void started(Digest blob, long size) {
        if (started.add(blob) && size > 0) {
            expected.addAndGet(size);
        }
        redraw(false);
    }

    @Override
    public void progressed(Digest blob, long bytes) {
        received.addAndGet(bytes);
        redraw(false);
    }

    @Override
    public void finished(Digest blob, long bytes) {
        done.add(blob);
        redraw(true);
    }

    int blobs() {
        return done.size();
    }

    long bytes() {
        return received.get();
    }

    /** Clears the progress line. */
    void end() {
        if (draw && lastDraw != 0) {
            synchronized (this) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    private void redraw(boolean force) {
        if (!draw) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        synchronized (this) {
            err.printf(Locale.ROOT, "\r\033[Kpulling: %d/%d blobs, %.1f/%.1f MiB", done.size(), started.size(),
                    received.get() / 1048576.0, expected.get() / 1048576.0);
            err.flush();
        }
    }
}

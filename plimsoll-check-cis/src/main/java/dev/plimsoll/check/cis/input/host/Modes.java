package dev.plimsoll.check.cis.input.host;

/**
 * Permission judgements by bit mask. "644 or more restrictive" means no bit outside 0644 is set: {@code mode & ~0644
 * == 0}. docker-bench-security compares the octal digits as a number ({@code stat -c %a} {@code -le 644}), which
 * lets 606 (world-writable), 577 or 4644 (setuid, printed as 4644 and caught only by luck) through or not depending
 * on the digits; bit masks are what "more restrictive" means.
 */
public final class Modes {
    private Modes() {
    }

    /** Whether {@code mode} (permission and special bits) grants nothing beyond {@code allowed}. */
    public static boolean atMost(int mode, int allowed) {
        return (mode & 07777 & ~allowed) == 0;
    }

    /** The bits of {@code mode} that {@code allowed} does not grant. */
    public static int excess(int mode, int allowed) {
        return mode & 07777 & ~allowed;
    }

    /** "644", "4755": as {@code stat -c %a} prints it. */
    public static String octal(int mode) {
        return Integer.toOctalString(mode & 07777);
    }
}

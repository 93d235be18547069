package dev.plimsoll.check.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Decides from the first block whether a file is text worth scanning. */
final class ContentSniffer {
    static final int BLOCK = 8192;
    private static final int LINE_SAMPLE = 64 * 1024;
    private static final int MINIFIED_AVERAGE_LINE = 1000;

    private ContentSniffer() {
    }

    /** UTF-16 with a byte order mark: decoded as such rather than taken for binary (its ASCII has NUL bytes). */
    static boolean utf16(byte[] b, int len) {
        return len >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    static Optional<ScanOutcome.Skipped> sniff(String path, byte[] b, int len, long size, ScanLimits limits) {
        long known = size >= 0 ? size : len;
        if (known > limits.maxBytes()) {
            return Optional.of(new ScanOutcome.Skipped(SkipReason.TOO_LARGE,
                    known + " bytes, above the limit of " + limits.maxBytes()));
        }
        int head = utf16(b, len) ? 0 : Math.min(len, BLOCK);
        int invalid = 0;
        int control = 0;
        for (int i = 0; i < head; ) {
            int x = b[i] & 0xFF;
            if (x == 0) {
                return Optional.of(new ScanOutcome.Skipped(SkipReason.BINARY, "NUL bytes in the first 8 KiB"));
            }
            if (x < 0x80) {
                if (x < 0x20 && x != '\n' && x != '\r' && x != '\t' && x != '\f' && x != 0x1B) {
                    control++;
                }
                i++;
                continue;
            }
            int need = x >= 0xF0 && x <= 0xF4 ? 3 : x >= 0xE0 ? 2 : x >= 0xC2 && x < 0xE0 ? 1 : -1;
            if (need < 0) {
                invalid++;
                i++;
                continue;
            }
            if (i + need >= head) {
                break;   // a sequence cut by the end of the block
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                ok &= (b[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        if (head > 0 && (invalid * 10 > head || control * 10 > head)) {
            return Optional.of(new ScanOutcome.Skipped(SkipReason.BINARY,
                    "mostly invalid UTF-8 or control bytes in the first 8 KiB"));
        }
        if (known > limits.minifiedMinBytes()) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            int sample = Math.min(len, LINE_SAMPLE);
            int lines = 1;
            for (int i = 0; i < sample; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            int average = sample / lines;
            if (name.endsWith(".min.js") || name.endsWith(".min.css") || name.endsWith(".js.map")
                    || name.endsWith(".css.map") || average > MINIFIED_AVERAGE_LINE) {
                return Optional.of(new ScanOutcome.Skipped(SkipReason.MINIFIED,
                        "minified or source map: average line " + average + " chars, " + known + " bytes"));
            }
            String start = new String(b, 0, Math.min(len, 1024), StandardCharsets.ISO_8859_1);
            if ((start.contains("Code generated") && start.contains("DO NOT EDIT")) || start.contains("@generated")) {
                return Optional.of(new ScanOutcome.Skipped(SkipReason.GENERATED,
                        "marked generated, " + known + " bytes"));
            }
        }
        return Optional.empty();
    }
}

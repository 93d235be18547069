package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.ImageLimits;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** How to pick the image inside a multi-platform index, and the bounds that hostile images meet. */
public final class ImageOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?i?b?)?");

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "Platform to scan in a multi-platform image (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--max-layer-size", paramLabel = "SIZE", defaultValue = "16GiB",
            description = "Refuse a layer that decompresses to more than SIZE (default: ${DEFAULT-VALUE});"
                    + " units B, KiB, MiB, GiB, TiB (KB, MB… are powers of 1000).")
    String maxLayerSize;

    Platform platform() {
        try {
            return Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
    }

    ImageLimits limits() {
        return ImageLimits.DEFAULTS.withMaxLayerBytes(parseSize("--max-layer-size", maxLayerSize));
    }

    static long parseSize(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + ": not a size: " + text + " (e.g. 512MiB, 16GiB)");
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        boolean binary = unit.contains("i") || unit.length() == 1 && !unit.equals("b");
        long base = binary ? 1024 : 1000;
        int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgt".indexOf(unit.charAt(0)) + 1;
        try {
            long value = Long.parseLong(m.group(1));
            for (int i = 0; i < power; i++) {
                value = Math.multiplyExact(value, base);
            }
            if (value <= 0) {
                throw new UsageException(option + ": must be positive: " + text);
            }
            return value;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UsageException(option + ": too large: " + text);
        }
    }
}

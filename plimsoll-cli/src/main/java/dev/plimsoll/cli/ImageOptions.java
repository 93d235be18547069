package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.Platform;
import picocli.CommandLine.Option;

/** How to pick the image inside a multi-platform index. */
public final class ImageOptions {
    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "Platform to scan in a multi-platform image (default: ${DEFAULT-VALUE}).")
    String platform;

    Platform platform() {
        try {
            return Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
    }
}

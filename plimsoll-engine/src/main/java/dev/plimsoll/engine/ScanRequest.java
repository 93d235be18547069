package dev.plimsoll.engine;

import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import java.util.Objects;

/** One scan to run: which image (or root filesystem) and which platform of it. */
public record ScanRequest(ImageSource source, Platform platform) {
    public ScanRequest {
        Objects.requireNonNull(source);
        Objects.requireNonNull(platform);
    }
}

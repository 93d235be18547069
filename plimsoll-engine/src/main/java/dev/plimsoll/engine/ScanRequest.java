package dev.plimsoll.engine;

import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.fs.PathSkips;
import java.util.Objects;

/**
 * One scan to run: which image, root filesystem or source tree, which platform of it, which paths to leave out, and
 * what kind of target the report names.
 */
public record ScanRequest(ImageSource source, Platform platform, PathSkips skips, Target.Kind targetKind) {
    public ScanRequest {
        Objects.requireNonNull(source);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(skips);
        Objects.requireNonNull(targetKind);
    }

    /** An image, or a root filesystem when the source is a directory; nothing skipped. */
    public ScanRequest(ImageSource source, Platform platform) {
        this(source, platform, PathSkips.NONE, source instanceof ImageSource.RootfsDir
                ? Target.Kind.ROOTFS : Target.Kind.IMAGE);
    }
}

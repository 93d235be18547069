package dev.plimsoll.image.registry;

import dev.plimsoll.core.image.Digest;

/** Progress of blob downloads, for a progress bar; called from download threads. */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {
    };

    default void started(Digest blob, long size) {
    }

    default void progressed(Digest blob, long bytes) {
    }

    default void finished(Digest blob, long bytes) {
    }
}

package dev.plimsoll.engine;

/** Receives {@link ScanEvent}s on the scanning thread. */
@FunctionalInterface
public interface ScanListener {
    ScanListener NONE = event -> { };

    void on(ScanEvent event);
}

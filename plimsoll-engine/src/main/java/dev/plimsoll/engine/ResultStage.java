package dev.plimsoll.engine;

import dev.plimsoll.core.scan.ScanResult;

/**
 * A stage after the inventory: it reads a scan result and returns it with its own findings and problems appended
 * (vulnerability matching now; image checks and secrets later). Stages never remove what an earlier one found.
 */
public interface ResultStage {
    ScanResult apply(ScanResult result, ScanListener listener);
}

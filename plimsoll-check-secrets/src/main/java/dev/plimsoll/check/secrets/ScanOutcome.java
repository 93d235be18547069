package dev.plimsoll.check.secrets;

import java.util.List;

/** The result of scanning one file: what was found, or why it was skipped. */
public sealed interface ScanOutcome {
    List<SecretMatch> matches();

    record Scanned(List<SecretMatch> matches) implements ScanOutcome {
        public Scanned {
            matches = List.copyOf(matches);
        }
    }

    /** @param detail for people: "first 8 KiB hold NUL bytes", "average line 14000 chars, 3.2 MB" */
    record Skipped(SkipReason reason, String detail) implements ScanOutcome {
        @Override
        public List<SecretMatch> matches() {
            return List.of();
        }
    }
}

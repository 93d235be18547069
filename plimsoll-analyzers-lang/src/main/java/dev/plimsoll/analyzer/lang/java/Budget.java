package dev.plimsoll.analyzer.lang.java;

/** What is left of the {@link ArchiveLimits} while one archive file and its nested archives are read. */
final class Budget {
    private final ArchiveLimits limits;
    private long entries;
    private long inflated;

    Budget(ArchiveLimits limits) {
        this.limits = limits;
    }

    ArchiveLimits limits() {
        return limits;
    }

    /** Counts one central directory entry. */
    void entry() throws ArchiveException {
        if (++entries > limits.maxEntries()) {
            throw ArchiveException.limit("more than " + limits.maxEntries()
                    + " entries in this archive and the archives nested in it; the rest is not read");
        }
    }

    /** Reserves {@code bytes} of inflation before inflating them. */
    void inflate(long bytes, String what) throws ArchiveException {
        if (bytes > limits.maxInflatedBytes() - inflated) {
            throw ArchiveException.limit(what + " would inflate " + bytes + " bytes, beyond the "
                    + limits.maxInflatedBytes() + " bytes one archive file may inflate in all; not read");
        }
        inflated += bytes;
    }
}

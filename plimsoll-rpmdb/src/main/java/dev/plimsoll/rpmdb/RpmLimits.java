package dev.plimsoll.rpmdb;

/**
 * Bounds on what a reader accepts from a database file, so that a hostile or corrupt image cannot make a scan run
 * out of memory or time: a database over any bound is rejected with an {@link RpmDbException} rather than read in part.
 *
 * @param maxPackages    most header records one database may hold (gpg-pubkey records count too)
 * @param maxHeaderBytes most bytes one header blob may have; checked before the blob is allocated
 * @param maxFileBytes   largest database file accepted (for sqlite, the database plus a non-empty write-ahead log)
 */
public record RpmLimits(int maxPackages, int maxHeaderBytes, long maxFileBytes) {

    /** rpm refuses headers larger than this itself (headerMaxbytes in lib/header.c: 256 MiB); ours is smaller. */
    private static final int DEFAULT_MAX_HEADER_BYTES = 32 * 1024 * 1024;

    public RpmLimits {
        if (maxPackages < 1) {
            throw new IllegalArgumentException("maxPackages must be positive: " + maxPackages);
        }
        if (maxHeaderBytes < 16) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 16: " + maxHeaderBytes);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
    }

    /**
     * 200 000 packages (large RHEL hosts have a few thousand), 32 MiB per header (the largest real headers, texlive
     * and kernel-devel, are a few MiB) and 4 GiB per database file (big hosts' Packages files reach a few hundred MiB).
     */
    public static RpmLimits defaults() {
        return new RpmLimits(200_000, DEFAULT_MAX_HEADER_BYTES, 4L * 1024 * 1024 * 1024);
    }
}

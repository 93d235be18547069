package dev.plimsoll.vulndb.build;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a feed downloads.
 *
 * @param key         configuration key to override the URL ("osv.PyPI", "alpine.v3.20.main")
 * @param url         default public URL
 * @param target      path under the data root: a file, or a directory when {@code unpack} is ZIP/TAR_GZ
 * @param unpack      how to lay the download out
 * @param sha256Url   where the source publishes a checksum of the file, if it does
 * @param stripPrefix for ZIP/TAR_GZ: the archive folder whose content goes to {@code target}, ending in '/'
 *                    ("ruby-advisory-db-master/", "security-wg-main/vuln/"); entries outside it are not unpacked,
 *                    and an archive with nothing under it is refused. Empty: unpack every entry as it is.
 */
public record Download(String key, URI url, String target, Unpack unpack, Optional<URI> sha256Url,
                       String stripPrefix) {
    public enum Unpack { NONE, GUNZIP, ZIP, TAR_GZ }

    public Download {
        Objects.requireNonNull(key);
        Objects.requireNonNull(url);
        Objects.requireNonNull(target);
        Objects.requireNonNull(unpack);
        Objects.requireNonNull(sha256Url);
        Objects.requireNonNull(stripPrefix);
        if (!stripPrefix.isEmpty() && (!stripPrefix.endsWith("/") || stripPrefix.startsWith("/")
                || (unpack != Unpack.ZIP && unpack != Unpack.TAR_GZ))) {
            throw new IllegalArgumentException(key + ": stripPrefix must be a relative folder ending in '/', "
                    + "for a ZIP or TAR_GZ download: " + stripPrefix);
        }
    }

    /** A download unpacked as it is (no folder stripped). */
    public Download(String key, URI url, String target, Unpack unpack, Optional<URI> sha256Url) {
        this(key, url, target, unpack, sha256Url, "");
    }
}

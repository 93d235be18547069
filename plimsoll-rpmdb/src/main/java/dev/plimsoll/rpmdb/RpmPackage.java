package dev.plimsoll.rpmdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One installed package as its rpm header describes it.
 *
 * @param name            NAME
 * @param epoch           EPOCH when the header has one; rpm treats a missing epoch as 0 when comparing versions, but
 *                        keeps "no Epoch:" and "Epoch: 0" apart, and so do we (advisories and purls differ on it)
 * @param version         VERSION
 * @param release         RELEASE
 * @param arch            ARCH; empty when the header has none (only gpg-pubkey pseudo-packages, which rpm prints as
 *                        "(none)")
 * @param sourceRpm       SOURCERPM, the file name of the source package ({@code name-version-release.src.rpm}): the
 *                        key security advisories are published under
 * @param vendor          VENDOR
 * @param license         LICENSE (an SPDX or Fedora/legacy license expression, as the packager wrote it)
 * @param modularityLabel MODULARITYLABEL ({@code name:stream:version:context}) of packages from RHEL 8+ modules
 * @param size            LONGSIZE when present, else SIZE read as unsigned: installed size in bytes
 * @param files           absolute paths the package owns: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i], or the pre-4.0
 *                        OLDFILENAMES; directories the package owns are included, as in {@code rpm -ql}
 * @param summary         SUMMARY, untranslated
 */
public record RpmPackage(String name, Optional<Integer> epoch, String version, String release, String arch,
                         Optional<String> sourceRpm, Optional<String> vendor, Optional<String> license,
                         Optional<String> modularityLabel, OptionalLong size, List<String> files,
                         Optional<String> summary) {

    /** Name rpm gives the pseudo-packages that hold imported OpenPGP keys ({@code rpm --import}). */
    public static final String GPG_PUBKEY = "gpg-pubkey";

    /**
     * Expanding a compressed file list cannot produce more characters than this many per data byte of the header
     * (plus {@link #PATH_CHARS_SLACK}). Real headers stay below 2: every file also costs a basename, a directory
     * index and a dozen per-file attributes. A hostile header that points hundreds of thousands of one-byte basenames
     * at one megabyte-long directory name would otherwise expand to terabytes.
     */
    private static final long PATH_CHARS_PER_DATA_BYTE = 16;
    private static final long PATH_CHARS_SLACK = 1 << 20;

    public RpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(sourceRpm, "sourceRpm");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(modularityLabel, "modularityLabel");
        Objects.requireNonNull(size, "size");
        files = List.copyOf(files);
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether this is a gpg-pubkey pseudo-package: an imported signing key, not installed software. */
    public boolean isGpgPubkey() {
        return GPG_PUBKEY.equals(name);
    }

    /**
     * Reads the fields of a package header.
     *
     * @throws RpmDbException if NAME, VERSION or RELEASE is missing, a tag has an unexpected type, or the file list
     *                        is inconsistent (index counts differ, a directory index is out of range)
     */
    public static RpmPackage fromHeader(RpmHeader header) throws RpmDbException {
        String name = required(header, RpmTag.NAME, "NAME");
        String version = required(header, RpmTag.VERSION, "VERSION");
        String release = required(header, RpmTag.RELEASE, "RELEASE");
        OptionalInt epoch = header.int32(RpmTag.EPOCH);
        OptionalLong size = header.int64(RpmTag.LONGSIZE);
        if (size.isEmpty()) {
            OptionalInt small = header.int32(RpmTag.SIZE);
            size = small.isPresent() ? OptionalLong.of(Integer.toUnsignedLong(small.getAsInt())) : OptionalLong.empty();
        }
        return new RpmPackage(name,
            epoch.isPresent() ? Optional.of(epoch.getAsInt()) : Optional.empty(),
            version, release,
            header.string(RpmTag.ARCH).orElse(""),
            nonEmpty(header.string(RpmTag.SOURCERPM)),
            nonEmpty(header.string(RpmTag.VENDOR)),
            nonEmpty(header.string(RpmTag.LICENSE)),
            nonEmpty(header.string(RpmTag.MODULARITYLABEL)),
            size,
            files(header),
            nonEmpty(header.i18nString(RpmTag.SUMMARY)));
    }

    private static String required(RpmHeader header, int tag, String what) throws RpmDbException {
        return header.string(tag).orElseThrow(() -> new RpmDbException("header has no " + what + " tag"));
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isEmpty());
    }

    private static List<String> files(RpmHeader header) throws RpmDbException {
        long budget = PATH_CHARS_PER_DATA_BYTE * header.dataLength() + PATH_CHARS_SLACK;
        if (!header.has(RpmTag.BASENAMES)) {
            List<String> old = header.stringArray(RpmTag.OLDFILENAMES);
            long chars = 0;
            for (String path : old) {
                chars += path.length();
            }
            if (chars > budget) {
                throw new RpmDbException("OLDFILENAMES holds " + chars + " characters, more than a header of "
                    + header.dataLength() + " data bytes can plausibly describe");
            }
            return old;
        }
        List<String> basenames = header.stringArray(RpmTag.BASENAMES);
        List<String> dirnames = header.stringArray(RpmTag.DIRNAMES);
        int[] dirIndexes = header.int32Array(RpmTag.DIRINDEXES);
        if (dirIndexes.length != basenames.size()) {
            throw new RpmDbException("BASENAMES has " + basenames.size() + " entries but DIRINDEXES has "
                + dirIndexes.length);
        }
        List<String> paths = new ArrayList<>(basenames.size());
        long chars = 0;
        for (int i = 0; i < dirIndexes.length; i++) {
            int dir = dirIndexes[i];
            if (dir < 0 || dir >= dirnames.size()) {
                throw new RpmDbException("DIRINDEXES[" + i + "] is " + dir + " but DIRNAMES has "
                    + dirnames.size() + " entries");
            }
            String dirname = dirnames.get(dir);
            String basename = basenames.get(i);
            chars += dirname.length() + basename.length();
            if (chars > budget) {
                throw new RpmDbException("the file list expands to more than " + budget
                    + " characters, more than a header of " + header.dataLength()
                    + " data bytes can plausibly describe");
            }
            paths.add(dirname + basename);
        }
        return paths;
    }
}

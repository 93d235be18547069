package dev.plimsoll.rpmdb;

/** Tag numbers (from rpm's include/rpm/rpmtag.h) that Plimsoll reads from headers. */
public final class RpmTag {
    /** Region tag of a header as read from a package file before rpm 4.0 upgraded it ("legacy" region). */
    public static final int HEADERIMAGE = 61;
    /** Region tag of a signature header. */
    public static final int HEADERSIGNATURES = 62;
    /** Region tag of the immutable part of a package header: everything rpmbuild wrote and the signature covers. */
    public static final int HEADERIMMUTABLE = 63;
    /** Locale names that {@link RpmHeader#TYPE_I18NSTRING} entries are parallel to; "C" comes first. */
    public static final int HEADERI18NTABLE = 100;

    public static final int NAME = 1000;
    public static final int VERSION = 1001;
    public static final int RELEASE = 1002;
    public static final int EPOCH = 1003;
    public static final int SUMMARY = 1004;
    public static final int SIZE = 1009;
    public static final int VENDOR = 1011;
    public static final int LICENSE = 1014;
    public static final int ARCH = 1022;
    public static final int OLDFILENAMES = 1027;
    public static final int SOURCERPM = 1044;
    public static final int DIRINDEXES = 1116;
    public static final int BASENAMES = 1117;
    public static final int DIRNAMES = 1118;
    public static final int LONGSIZE = 5009;
    public static final int MODULARITYLABEL = 5096;

    private RpmTag() {
    }
}

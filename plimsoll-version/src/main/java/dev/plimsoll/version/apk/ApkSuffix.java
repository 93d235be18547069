package dev.plimsoll.version.apk;

import java.util.Optional;

/**
 * The version suffixes apk knows, in their order. The first four mark pre-releases and sort before the plain
 * version; the others sort after it ("1.0_rc1" &lt; "1.0" &lt; "1.0_p1").
 */
public enum ApkSuffix {
    ALPHA("alpha", true),
    BETA("beta", true),
    PRE("pre", true),
    RC("rc", true),
    CVS("cvs", false),
    SVN("svn", false),
    GIT("git", false),
    HG("hg", false),
    P("p", false);

    private final String label;
    private final boolean preRelease;

    ApkSuffix(String label, boolean preRelease) {
        this.label = label;
        this.preRelease = preRelease;
    }

    public String label() {
        return label;
    }

    public boolean isPreRelease() {
        return preRelease;
    }

    public static Optional<ApkSuffix> ofLabel(String label) {
        for (ApkSuffix suffix : values()) {
            if (suffix.label.equals(label)) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }
}

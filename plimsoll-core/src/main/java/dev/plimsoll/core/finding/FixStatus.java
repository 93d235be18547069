package dev.plimsoll.core.finding;

import java.util.Locale;

/** Whether a vulnerable package can be fixed by upgrading, and if not, why not. */
public enum FixStatus {
    /** A fixed version exists. */
    FIXED,
    /** Affected and no fix is published yet. */
    NOT_FIXED,
    /** The vendor decided not to fix it (Debian no-dsa/ignored/postponed). */
    WONT_FIX,
    /** The release is out of support; no fix will come. */
    END_OF_LIFE,
    /** The vendor disputes that this is a vulnerability. */
    DISPUTED,
    /** The installed version could not be parsed, so it may or may not be affected. */
    CANNOT_COMPARE;

    /** "not-fixed", "wont-fix", … as reports print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

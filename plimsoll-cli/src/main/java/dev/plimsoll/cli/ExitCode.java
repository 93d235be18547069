package dev.plimsoll.cli;

/** Exit codes, stable for CI scripts. */
public final class ExitCode {
    /** Scan done, complete, nothing failed the policy. */
    public static final int OK = 0;
    /** Findings failed the policy (policy/report issue). */
    public static final int POLICY_FAILED = 1;
    /** Wrong command line. */
    public static final int USAGE = 2;
    /** The input could not be read: missing file, corrupt or hostile image, bad config. */
    public static final int INPUT_ERROR = 3;
    /** The report was written but is incomplete: some entries or files could not be read (listed in the report). */
    public static final int INCOMPLETE = 4;
    /** A bug or an environment failure (I/O error writing output). */
    public static final int INTERNAL_ERROR = 5;

    private ExitCode() {
    }
}

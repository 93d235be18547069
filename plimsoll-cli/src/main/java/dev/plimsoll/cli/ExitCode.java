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

    /** The exit codes in a command's help, so that every scanning command documents them where users look. */
    static void describeIn(picocli.CommandLine.Model.CommandSpec spec) {
        spec.usageMessage().footerHeading("%nExit codes:%n")
                .footer("  0  scan complete, nothing failed",
                        "  1  findings reached the policy's fail-on thresholds (--exit-code N: N instead)",
                        "  2  wrong command line", "  3  the input could not be read (missing, corrupt or hostile)",
                        "  4  report written but incomplete (the report lists what could not be read)",
                        "  5  internal error");
    }
}

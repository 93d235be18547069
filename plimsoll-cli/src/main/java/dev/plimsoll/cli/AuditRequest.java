package dev.plimsoll.cli;

import dev.plimsoll.check.cis.audit.CheckSelection;
import java.util.Objects;
import picocli.CommandLine.ParseResult;

/**
 * What an {@link AuditInput} is asked to audit: its parsed subcommand (positionals and its own options), the console
 * (working directory, environment, stderr) and the checks selected with --checks.
 */
record AuditRequest(ParseResult parsed, Console console, CheckSelection checks) {
    AuditRequest {
        Objects.requireNonNull(parsed);
        Objects.requireNonNull(console);
        Objects.requireNonNull(checks);
    }
}

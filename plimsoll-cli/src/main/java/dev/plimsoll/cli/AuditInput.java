package dev.plimsoll.cli;

import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.core.finding.Target;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * One input of {@code plimsoll audit}: a subcommand ({@code container}, {@code compose}, {@code run}, {@code k8s},
 * {@code host}, {@code daemon}, {@code image}) that reads what it is given and runs the checks that apply. The frame
 * ({@link AuditCommand}) adds the shared options (--checks, --format, --output, the policy options, --quiet, --debug,
 * help) to its spec, and takes care of policy, reports and the exit code. A new input is one class implementing this
 * plus one line in {@link AuditInputs#standard()}.
 */
interface AuditInput {
    /**
     * The subcommand: its name, description, positionals and the options only this input has; a new spec on every
     * call. The shared options are added by the frame.
     */
    CommandSpec spec();

    /** What the report is about as a whole: "compose.yaml", "docker inspect (3 containers)", "/" for a host. */
    Target target(ParseResult parsed);

    /**
     * Reads the input and audits every target in it with the checks {@code request.checks()} selects. A target that
     * cannot be read is an {@link dev.plimsoll.check.cis.InputProblem} in the result, not an exception; an exception
     * is for an input that cannot be read at all (a missing file: {@link dev.plimsoll.core.error.UsageException},
     * unreadable: {@link IOException}).
     */
    AuditRun audit(AuditRequest request) throws IOException;

    /**
     * The command line (positionals and this input's own options) with which {@code plimsoll audit}, given no input,
     * audits the machine it runs on; empty when this input needs something named (a file, an image) or finds
     * nothing here to audit.
     */
    default Optional<List<String>> onThisHost(Console console) {
        return Optional.empty();
    }
}

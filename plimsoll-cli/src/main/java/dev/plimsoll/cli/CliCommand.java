package dev.plimsoll.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * One subcommand: its picocli model and what it does. The model is built with picocli's programmatic API rather than
 * annotations: reading annotations makes the JVM generate a proxy class per annotation type at start-up, which
 * cost more than the whole scan of a small image.
 */
interface CliCommand {
    /** The subcommand's name, known without building its model. */
    String name();

    CommandSpec spec();

    /** Runs the parsed command; returns the exit code. */
    int run(ParseResult parsed) throws Exception;
}

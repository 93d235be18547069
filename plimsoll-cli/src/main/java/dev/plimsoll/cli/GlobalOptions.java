package dev.plimsoll.cli;

import picocli.CommandLine.Option;

/** Options every command takes; picocli copies them into each subcommand (scope INHERIT on the top command). */
public final class GlobalOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the report and errors.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @Option(names = "--debug", description = "Print what each stage did and how long it took, on stderr.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;
}

package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.engine.cache.LayerCache;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll cache clean}: empties the layer cache (the vulnerability database beside it stays). */
final class CacheCommand implements CliCommand {
    private final Console console;

    CacheCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Manage the layer cache that registry scans fill.");
        CommandSpec clean = CommandSpec.create().name("clean");
        ScanOptions.addHelp(clean);
        clean.usageMessage().description("Delete every cached layer.");
        clean.addOption(OptionSpec.builder("--cache-dir").paramLabel("DIR").type(Path.class)
                .description("The cache root (default: plimsoll/ under $XDG_CACHE_HOME or ~/.cache).").build());
        ScanOptions.addCommon(clean);
        spec.addSubcommand("clean", clean);
        return spec;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            parsed.commandSpec().commandLine().usage(console.out());
            return ExitCode.USAGE;
        }
        console.configure(sub.hasMatchedOption("--quiet"), sub.hasMatchedOption("--debug"));
        if (!sub.commandSpec().name().equals("clean")) {
            throw new UsageException("unknown cache command: " + sub.commandSpec().name());
        }
        Path root = sub.matchedOptionValue("--cache-dir", null);
        LayerCache cache = LayerCache.under(root != null ? root
                : LayerCache.defaultRoot(console.host().env(), console.host().home()));
        int removed = cache.clean();
        console.info("removed " + removed + " cache entr" + (removed == 1 ? "y" : "ies") + " from "
                + cache.directory());
        return ExitCode.OK;
    }
}

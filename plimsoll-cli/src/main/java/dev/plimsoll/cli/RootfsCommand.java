package dev.plimsoll.cli;

import dev.plimsoll.core.image.ImageSource;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll rootfs DIR}: an unpacked root filesystem. */
final class RootfsCommand implements CliCommand {
    private final Console console;

    RootfsCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "rootfs";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Scan an unpacked root filesystem (a container's or a host's), read-only,"
                + " never following symlinks out of it.");
        spec.addPositional(ImageCommand.imageParameter("DIR", "The root directory."));
        ScanOptions.addScope(spec);
        VulnOptions.add(spec);
        ScanOptions.addOutput(spec);
        ScanOptions.addScanners(spec);
        ScanOptions.addCommon(spec);
        ExitCode.describeIn(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ScanOptions options = ScanOptions.from(parsed, "table");
        return ScanRunner.run(console, options, new ImageSource.RootfsDir(Path.of((String) parsed
                .matchedPositionalValue(0, ""))));
    }
}

package dev.plimsoll.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll sbom TARGET}: the software bill of materials. */
final class SbomCommand implements CliCommand {
    private final Console console;

    SbomCommand(Console console) {
        this.console = console;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("sbom");
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Write the software bill of materials of an image or root filesystem.",
                "Default format CycloneDX 1.6 JSON; -f spdx-json for SPDX 2.3, -f table to read it.");
        spec.addPositional(ImageCommand.imageParameter("TARGET",
                "Image or root filesystem, as for 'plimsoll image'."));
        ScanOptions.addImage(spec);
        ScanOptions.addOutput(spec);
        ScanOptions.addCommon(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ScanOptions options = ScanOptions.from(parsed, "cyclonedx");
        return ScanRunner.run(console, options, ImageCommand.parse(parsed.matchedPositionalValue(0, "")));
    }
}

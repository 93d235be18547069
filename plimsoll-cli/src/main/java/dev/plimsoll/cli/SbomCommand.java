package dev.plimsoll.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Write the software bill of materials of an image or root filesystem.",
                "Default format CycloneDX 1.6 JSON; -f spdx-json for SPDX 2.3, -f table to read it."})
final class SbomCommand implements Callable<Integer> {
    private final Console console;

    @ParentCommand
    PlimsollCommand parent;
    @Mixin
    ImageOptions image;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "TARGET", description = "Image or root filesystem, as for 'plimsoll image'.")
    String target;

    SbomCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        console.configure(parent.global);
        return ScanRunner.run(console, ImageCommand.parse(target), image.platform(), image.limits(), output,
                "cyclonedx");
    }
}

package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.ImageSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Scan a container image: what is installed in it, and what is wrong with it.",
                "IMAGE is a docker save archive (plain, gzip or zstd), an OCI layout directory, an OCI archive,"
                        + " or a root filesystem directory; prefixes docker-archive:, oci:, oci-archive: and dir:"
                        + " force the kind and may end with :REF to pick one image."})
final class ImageCommand implements Callable<Integer> {
    private final Console console;

    @ParentCommand
    PlimsollCommand parent;
    @Mixin
    ImageOptions image;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to scan.")
    String target;

    ImageCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        console.configure(parent.global);
        return ScanRunner.run(console, parse(target), image.platform(), image.limits(), output, "table");
    }

    static ImageSource parse(String argument) {
        try {
            return ImageSource.parse(argument);
        } catch (IllegalArgumentException e) {
            throw new UsageException("IMAGE: " + e.getMessage());
        }
    }
}

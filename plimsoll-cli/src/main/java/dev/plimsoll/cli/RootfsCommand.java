package dev.plimsoll.cli;

import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.ImageLimits;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rootfs", mixinStandardHelpOptions = true,
        description = "Scan an unpacked root filesystem (a container's or a host's), read-only, never following"
                + " symlinks out of it.")
final class RootfsCommand implements Callable<Integer> {
    private final Console console;

    @ParentCommand
    PlimsollCommand parent;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "DIR", description = "The root directory.")
    Path dir;

    RootfsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        console.configure(parent.global);
        return ScanRunner.run(console, new ImageSource.RootfsDir(dir), Platform.LINUX_AMD64, ImageLimits.DEFAULTS, output, "table");
    }
}

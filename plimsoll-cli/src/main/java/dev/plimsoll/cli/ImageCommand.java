package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.ImageSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll image IMAGE}: what is installed in an image, and what is wrong with it. */
final class ImageCommand implements CliCommand {
    private final Console console;

    ImageCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description(
                "Scan a container image: what is installed in it, and what is wrong with it.",
                "IMAGE is a docker save archive (plain, gzip or zstd), an OCI layout directory, an OCI archive, or a"
                        + " root filesystem directory; prefixes docker-archive:, oci:, oci-archive: and dir: force"
                        + " the kind and may end with :REF to pick one image. A reference (nginx:1.27,"
                        + " registry:5000/team/app@sha256:…) is read from the local Docker or Podman engine when it"
                        + " holds the image, else from the registry (--image-src).");
        spec.addPositional(imageParameter("IMAGE", "The image to scan."));
        ScanOptions.addScope(spec);
        ScanOptions.addImage(spec);
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
        return ScanRunner.run(console, options, parse(parsed.matchedPositionalValue(0, "")));
    }

    static PositionalParamSpec imageParameter(String label, String description) {
        return PositionalParamSpec.builder().index("0").paramLabel(label).type(String.class).required(true)
                .description(description).build();
    }

    static ImageSource parse(String argument) {
        try {
            return ImageSource.parse(argument);
        } catch (IllegalArgumentException e) {
            throw new UsageException("IMAGE: " + e.getMessage());
        }
    }
}

package dev.plimsoll.cli;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.image.ImageAudit;
import dev.plimsoll.check.cis.image.ImageAuditFacts;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.engine.audit.ImageAuditCollector;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.image.registry.RegistrySettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll audit image IMAGE}: CIS section 4 on an image (user, healthcheck, history, setuid, secrets). */
final class ImageAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("image");
        spec.usageMessage().description("Audit an image against CIS section 4: a user other than root, a"
                + " HEALTHCHECK, no update instruction alone, ADD in history, setuid/setgid files, secrets in the"
                + " configuration.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("IMAGE").type(String.class)
                .description("A docker save archive, OCI layout or archive, or root filesystem directory (with"
                        + " the prefixes plimsoll image accepts), or a reference read from a local engine or the"
                        + " registry (--image-src).").build());
        spec.addOption(OptionSpec.builder("--platform").paramLabel("OS/ARCH[/VARIANT]").type(String.class)
                .defaultValue("linux/amd64")
                .description("Platform to audit in a multi-platform image (default: ${DEFAULT-VALUE}).").build());
        ImageSourceOptions.add(spec);
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        return new Target(Target.Kind.IMAGE, parsed.matchedPositionalValue(0, ""));
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        String image = request.parsed().matchedPositionalValue(0, "");
        Platform platform;
        try {
            platform = Platform.parse(request.parsed().matchedOptionValue("--platform", "linux/amd64"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
        ImageSource source = ImageCommand.parse(image);
        ImageOpener opener = new ImageOpener(ImageLimits.DEFAULTS, RegistrySettings.defaults(),
                ImageSourceOptions.from(request.parsed()).sources(request.console(), source));
        Loaded<ImageAuditFacts> facts = new ImageAuditCollector(opener, WalkLimits.defaults(),
                SecretScanner.withDefaults()).collect(source, platform);
        return AuditSelection.of(facts.items().stream().map(ImageAudit::audit).toList(), facts.problems(),
                request.checks());
    }
}

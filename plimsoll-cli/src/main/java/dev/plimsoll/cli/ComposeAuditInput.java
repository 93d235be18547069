package dev.plimsoll.cli;

import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.input.compose.ComposeOptions;
import dev.plimsoll.check.cis.input.compose.ComposeReader;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code plimsoll audit compose FILE…}: CIS section 5 on every service of a Compose project (later files override
 * earlier ones, as {@code docker compose -f a -f b}), with variables from the env files and the environment.
 */
final class ComposeAuditInput implements AuditInput {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("compose");
        spec.usageMessage().description("Audit the services of Compose files (v2, v3, the Compose Specification)"
                + " against CIS section 5; ${VAR} and ${VAR:-default} are filled from the env files and the"
                + " environment as docker compose does.");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel("FILE").type(String[].class)
                .arity("1..*").description("Compose files; later ones override earlier ones.").build());
        spec.addOption(OptionSpec.builder("--env-file").paramLabel("FILE").type(String[].class)
                .description("Variables for interpolation (default: .env beside the first file); repeatable.")
                .build());
        spec.addOption(OptionSpec.builder("--profile").paramLabel("NAME").type(String[].class)
                .description("Also audit the services of this profile; repeatable (or $COMPOSE_PROFILES).")
                .build());
        return spec;
    }

    @Override
    public Target target(ParseResult parsed) {
        return new Target(Target.Kind.MANIFEST, String.join(", ", files(parsed)));
    }

    @Override
    public AuditRun audit(AuditRequest request) {
        ParseResult parsed = request.parsed();
        List<Path> files = files(parsed).stream().map(Path::of).toList();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException("FILE: no such file: " + f);
            }
        }
        ComposeOptions options = ComposeOptions.defaults(request.console().host().env());
        String[] envFiles = parsed.matchedOptionValue("--env-file", new String[0]);
        if (envFiles.length > 0) {
            options = options.withEnvFiles(java.util.Arrays.stream(envFiles).map(Path::of).toList());
        }
        String[] profiles = parsed.matchedOptionValue("--profile", new String[0]);
        if (profiles.length > 0) {
            Set<String> active = new LinkedHashSet<>(options.profiles());
            active.addAll(List.of(profiles));
            options = options.withProfiles(active);
        }
        return ContainerAudit.standard(request.checks()).audit(ComposeReader.read(files, options));
    }

    private static List<String> files(ParseResult parsed) {
        return List.of(parsed.<String[]>matchedPositionalValue(0, new String[0]));
    }
}

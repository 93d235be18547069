package dev.plimsoll.cli;

import dev.plimsoll.policy.Baseline;
import dev.plimsoll.policy.Policy;
import dev.plimsoll.policy.PolicyFile;
import dev.plimsoll.policy.TrivyIgnore;
import dev.plimsoll.policy.Vex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * --policy, --ignorefile and --baseline: which policy decides, as every scanning command reads them. Without
 * --policy the nearest plimsoll.yaml of the working directory or its parents applies; without --ignorefile a
 * .trivyignore (or .trivyignore.yaml) in the working directory is imported, as Trivy would read it. Each file used is
 * named on stderr, so that no rule applies unseen.
 */
record PolicyOptions(boolean declared, Optional<Path> policyFile, Optional<Path> ignoreFile,
                     Optional<Path> baselineFile, List<Path> vexFiles) {
    static final PolicyOptions NONE = new PolicyOptions(false, Optional.empty(), Optional.empty(), Optional.empty(),
            List.of());

    /** The policy, baseline and VEX documents the options name, read. */
    record Resolved(Policy policy, Optional<Baseline> baseline, List<Vex> vex) {
    }

    static void add(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--policy").paramLabel("FILE").type(Path.class)
                .description("The policy file (default: plimsoll.yaml in the working directory or a parent):"
                        + " fail thresholds, accepted findings with reasons and expiry, rule overrides.").build());
        spec.addOption(OptionSpec.builder("--ignorefile").paramLabel("FILE").type(Path.class)
                .description("A .trivyignore or .trivyignore.yaml to import (default: one in the working"
                        + " directory, if any).").build());
        spec.addOption(OptionSpec.builder("--baseline").paramLabel("FILE").type(Path.class)
                .description("Report only findings that are not in this baseline ('plimsoll baseline create').")
                .build());
        spec.addOption(OptionSpec.builder("--vex").paramLabel("FILE").type(Path[].class)
                .description("OpenVEX or CycloneDX VEX document(s): not_affected and fixed statements hide the"
                        + " findings they name, with their justification; repeatable.").build());
    }

    static PolicyOptions from(ParseResult parsed) {
        if (parsed.commandSpec().findOption("--policy") == null) {
            return NONE;
        }
        return new PolicyOptions(true, Optional.ofNullable(parsed.matchedOptionValue("--policy", null)),
                Optional.ofNullable(parsed.matchedOptionValue("--ignorefile", null)),
                Optional.ofNullable(parsed.matchedOptionValue("--baseline", null)),
                List.of(parsed.matchedOptionValue("--vex", new Path[0])));
    }

    /** Reads the files, after the console knows whether to be quiet. */
    Resolved resolve(Path workingDir, Console console) {
        if (!declared) {
            return new Resolved(Policy.DEFAULT, Optional.empty(), List.of());
        }
        Path explicit = policyFile.orElse(null);
        Optional<Path> file = explicit != null ? Optional.of(explicit) : PolicyFile.find(workingDir);
        Policy policy = file.map(PolicyFile::read).orElse(Policy.DEFAULT);
        file.filter(f -> explicit == null).ifPresent(f -> console.info("policy: " + f));
        Path ignoreFile = this.ignoreFile.orElse(null);
        if (ignoreFile == null) {
            for (String name : new String[] {".trivyignore", ".trivyignore.yaml"}) {
                Path candidate = workingDir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    console.info("ignore file: " + candidate);
                    ignoreFile = candidate;
                    break;
                }
            }
        } else if (!Files.isRegularFile(ignoreFile)) {
            throw new dev.plimsoll.core.error.ConfigException(ignoreFile + ": no such ignore file");
        }
        if (ignoreFile != null) {
            policy = policy.withIgnores(TrivyIgnore.read(ignoreFile));
        }
        return new Resolved(policy, baselineFile.map(Baseline::read), vexFiles.stream().map(Vex::read).toList());
    }
}

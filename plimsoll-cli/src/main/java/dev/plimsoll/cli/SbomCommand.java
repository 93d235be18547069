package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.FindingFilter;
import dev.plimsoll.engine.sbom.SbomDocument;
import dev.plimsoll.engine.sbom.SbomReader;
import dev.plimsoll.engine.sbom.SbomScanner;
import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.report.CycloneDxVulnerabilities;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.ToolInfo;
import dev.plimsoll.vulndb.VulnDb;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll sbom TARGET}: the software bill of materials; {@code plimsoll sbom scan FILE}: match one. */
final class SbomCommand implements CliCommand {
    private final Console console;

    SbomCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "sbom";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Write the software bill of materials of an image or root filesystem.",
                "Default format CycloneDX 1.6 JSON; -f spdx-json for SPDX 2.3, -f table to read it.",
                "'plimsoll sbom scan FILE' matches an existing SBOM against the vulnerability database.");
        // Not required: 'sbom scan FILE' has no TARGET, and picocli checks the parent's required ones first.
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("TARGET")
                .type(String.class).description("Image or root filesystem, as for 'plimsoll image'.").build());
        ScanOptions.addScope(spec);
        ScanOptions.addImage(spec);
        ScanOptions.addOutput(spec);
        ScanOptions.addCommon(spec);
        spec.addSubcommand("scan", scanSpec());
        ExitCode.describeIn(spec);
        return spec;
    }

    private static CommandSpec scanSpec() {
        CommandSpec scan = CommandSpec.create().name("scan");
        ScanOptions.addHelp(scan);
        scan.usageMessage().description("Match a CycloneDX (1.4-1.6) or SPDX (2.2, 2.3) JSON SBOM - Plimsoll's or"
                        + " another tool's - against the vulnerability database, by its package URLs.",
                "-f cyclonedx writes a CycloneDX input back unchanged but for a 'vulnerabilities' array.");
        scan.addPositional(PositionalParamSpec.builder().index("0").paramLabel("FILE").type(Path.class)
                .required(true).description("The SBOM.").build());
        VulnOptions.add(scan);
        ScanOptions.addOutput(scan);
        ScanOptions.addCommon(scan);
        return scan;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        if (parsed.subcommand() != null) {
            return scan(parsed.subcommand());
        }
        String target = parsed.matchedPositionalValue(0, null);
        if (target == null) {
            throw new UsageException("sbom: missing TARGET (an image or root filesystem), or 'sbom scan FILE'");
        }
        // An SBOM is the inventory: reading every file for secrets would only make it slower.
        ScanOptions options = ScanOptions.from(parsed, "cyclonedx").withoutSecrets();
        return ScanRunner.run(console, options, ImageCommand.parse(target));
    }

    private int scan(ParseResult parsed) throws Exception {
        ScanOptions options = ScanOptions.from(parsed, "table");
        console.configure(options.quiet(), options.debug());
        VulnOptions vuln = options.vulnerabilities().orElseThrow();
        Reporter reporter = options.output().reporter();
        Path file = parsed.matchedPositionalValue(0, null);
        SbomDocument doc = new SbomReader().read(file);
        SbomScanner.Scanned scanned;
        long opening = System.nanoTime();
        try (VulnDb db = Databases.open(vuln.db())) {
            console.debug("database opened in " + (System.nanoTime() - opening) / 1000 + " us");
            Databases.warnIfOld(console, vuln.db(), db.metadata(), vuln.maxAge());
            long matching = System.nanoTime();
            scanned = new SbomScanner(new MatchEngine(db)).scan(file, doc);
            console.debug("matched " + doc.components().size() + " packages in "
                    + (System.nanoTime() - matching) / 1000 + " us: " + scanned.result().findings().size()
                    + " vulnerabilities");
        }
        ScanResult filtered = new FindingFilter(vuln.severities(), vuln.ignoreUnfixed()).apply(scanned.result());
        dev.plimsoll.engine.PolicyStage.Outcome judged = ScanRunner.applyPolicy(console, options.policy(), filtered);
        ScanResult result = judged.result();
        console.info(doc.format() + " " + doc.specVersion() + ": " + doc.components().size() + " components with"
                + " a purl, " + result.findings().size() + " vulnerabilities");
        if (reporter.format().equals("cyclonedx") && doc.format().equals("cyclonedx")) {
            List<VulnerabilityFinding> vulns = result.findings().stream()
                    .filter(VulnerabilityFinding.class::isInstance).map(VulnerabilityFinding.class::cast).toList();
            options.output().write(out -> CycloneDxVulnerabilities.write(doc.tree(), vulns,
                    v -> scanned.refsByPurl().getOrDefault(v.pkg().purl(), List.of(v.pkg().purl())), out),
                    console.out());
        } else {
            options.output().write(reporter, new Report(result, new ToolInfo("plimsoll", Main.version()),
                    console.clock().instant(), java.util.Optional.of(ScanRunner.verdict(judged))), console.out());
        }
        return ScanRunner.exitCode(console, vuln.exitCode(), options.strict(), result, judged.policy());
    }
}

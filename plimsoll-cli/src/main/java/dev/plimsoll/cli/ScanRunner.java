package dev.plimsoll.cli;

import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.FindingFilter;
import dev.plimsoll.engine.VulnerabilityStage;
import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.vulndb.VulnDb;
import dev.plimsoll.engine.ScanEvent;
import dev.plimsoll.engine.ScanListener;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.ToolInfo;
import java.io.IOException;

/** What every scanning command does once its arguments are parsed: scan, report, choose the exit code. */
final class ScanRunner {
    private ScanRunner() {
    }

    static int run(Console console, ScanOptions options, ImageSource source) throws IOException {
        console.configure(options.quiet(), options.debug());
        OutputOptions output = options.output();
        Reporter reporter = output.reporter(); // fail on a bad --format before the scan
        console.debugUptime("command line parsed");
        ScanPipeline pipeline = new ScanPipeline(Builtins.standard(), new ImageOpener(options.limits()), WalkLimits.defaults(),
                console.clock());
        ScanListener listener = listener(console);
        ScanResult result;
        if (options.vulnerabilities().isPresent()) {
            VulnOptions vuln = options.vulnerabilities().get();
            // Opened before the image is read, so that a missing or damaged database fails in milliseconds.
            try (VulnDb db = Databases.open(vuln.db())) {
                Databases.warnIfOld(console, vuln.db(), db.metadata(), vuln.maxAge());
                console.debugUptime("vulnerability database opened");
                result = pipeline.scan(new ScanRequest(source, options.platform()), listener);
                result = new VulnerabilityStage(new MatchEngine(db)).apply(result, listener);
            }
            result = new FindingFilter(vuln.severities(), vuln.ignoreUnfixed()).apply(result);
        } else {
            result = pipeline.scan(new ScanRequest(source, options.platform()), listener);
        }
        Report report = new Report(result, new ToolInfo("plimsoll", Main.version()),
                console.clock().instant());
        console.debugUptime("scan done");
        output.write(reporter, report, console.out());
        console.debugUptime(reporter.format() + " report written");
        if (options.vulnerabilities().isPresent()) {
            return exitCode(console, options.vulnerabilities().get(), result);
        }
        if (!result.complete()) {
            console.warn("the scan is incomplete: " + result.allProblems().size()
                    + " problem(s), listed in the report");
            return ExitCode.INCOMPLETE;
        }
        return ExitCode.OK;
    }

    /** --exit-code N when findings remain; else 4 when the scan is incomplete; else 0. */
    static int exitCode(Console console, VulnOptions vuln, ScanResult result) {
        if (vuln.exitCode() != 0 && !result.findings().isEmpty()) {
            console.warn(result.findings().size() + " finding(s) reported; exiting with " + vuln.exitCode());
            return vuln.exitCode();
        }
        if (!result.complete()) {
            console.warn("the scan is incomplete: " + result.allProblems().size()
                    + " problem(s), listed in the report");
            return ExitCode.INCOMPLETE;
        }
        return ExitCode.OK;
    }

    private static ScanListener listener(Console console) {
        if (!console.debugEnabled()) {
            return ScanListener.NONE;
        }
        return event -> console.debug(switch (event) {
            case ScanEvent.ImageOpened e -> "opened " + e.image().name() + " (" + e.image().sourceKind() + ", "
                    + e.layers() + " layers, " + e.image().platform() + ") in " + e.took().toMillis() + " ms";
            case ScanEvent.ViewBuilt e -> "read " + e.entries() + " entries, " + e.visibleFiles()
                    + " visible, in " + e.took().toMillis() + " ms";
            case ScanEvent.AnalyzerFinished e -> e.analyzer() + ": " + e.packages() + " packages, " + e.findings()
                    + " findings, finish in " + e.took().toMillis() + " ms";
            case ScanEvent.ProblemRecorded e -> "problem: " + e.problem();
            case ScanEvent.VulnerabilitiesMatched e -> "matched " + e.packages() + " packages: " + e.findings()
                    + " vulnerabilities, in " + e.took().toMillis() + " ms";
        });
    }
}

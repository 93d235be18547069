package dev.plimsoll.cli;

import dev.plimsoll.check.secrets.scan.SecretsAnalyzer;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.FindingFilter;
import dev.plimsoll.engine.PolicyStage;
import dev.plimsoll.engine.ScanEvent;
import dev.plimsoll.engine.ScanListener;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.engine.VulnerabilityStage;
import dev.plimsoll.fs.PathSkips;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.policy.IgnoreEntry;
import dev.plimsoll.policy.PolicyEvaluator;
import dev.plimsoll.policy.PolicyResult;
import dev.plimsoll.report.PolicyVerdict;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.ToolInfo;
import dev.plimsoll.vulndb.VulnDb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What every scanning command does once its arguments are parsed: scan, report, choose the exit code. */
final class ScanRunner {
    private ScanRunner() {
    }

    static int run(Console console, ScanOptions options, ImageSource source) throws IOException {
        return run(console, options, new ScanRequest(source, options.platform()),
                Builtins.standard().withoutSourceChecks());
    }

    /** A scan of {@code request.source()} with these analyzers, leaving out what the options skip. */
    static int run(Console console, ScanOptions options, ScanRequest request, Builtins builtins) throws IOException {
        return run(console, options, request, policy -> builtins);
    }

    /**
     * A scan with the analyzers the policy asks for (the Dockerfile linter takes its trusted registries). The policy
     * is read before the scan, so that a mistake in it fails in milliseconds.
     */
    static int run(Console console, ScanOptions options, ScanRequest request,
                   java.util.function.Function<dev.plimsoll.policy.Policy, Builtins> builtins) throws IOException {
        console.configure(options.quiet(), options.debug());
        OutputOptions output = options.output();
        output.reporter(); // fail on a bad --format before the scan
        options.moreOutputs().forEach(OutputOptions::reporter);
        PolicyOptions.Resolved policy = options.policy().resolve(console.host().workingDir(), console);
        Builtins chosen = builtins.apply(policy.policy());
        if (options.secrets()) {
            chosen = SecretScanners.apply(chosen, policy.policy(), console.host().env(), console);
        }
        return report(console, options, policy, scan(console, options, request, chosen),
                options.vulnerabilities().map(VulnOptions::exitCode).orElse(0));
    }

    /**
     * The policy's verdict on a scan, the reports the options ask for, and the exit code: what every scanning
     * command does once it has a result ({@code plimsoll secrets --git} builds its own).
     *
     * @param findingsExitCode the exit code when findings remain after the policy (0: findings alone do not fail)
     */
    static int report(Console console, ScanOptions options, PolicyOptions.Resolved policy, ScanResult scanned,
                      int findingsExitCode) throws IOException {
        OutputOptions output = options.output();
        Reporter reporter = output.reporter();
        PolicyStage.Outcome judged = applyPolicy(console, policy, scanned);
        ScanResult result = judged.result();
        Report report = new Report(result, new ToolInfo("plimsoll", Main.version()),
                console.clock().instant(), Optional.of(verdict(judged)));
        console.debugUptime("scan done");
        output.write(reporter, report, console.out());
        for (OutputOptions more : options.moreOutputs()) {
            more.write(more.reporter(), report, console.out());
            console.info(more.reporter().format() + " report written to " + more.output());
        }
        console.debugUptime(reporter.format() + " report written");
        return exitCode(console, findingsExitCode, options.strict(), result, judged.policy());
    }

    /** Inventory, checks and (with a database) vulnerabilities and the severity filters; before the policy. */
    static ScanResult scan(Console console, ScanOptions options, ScanRequest request, Builtins builtins)
            throws IOException {
        request = new ScanRequest(request.source(), request.platform(), options.skips(), request.targetKind());
        if (!options.secrets()) {
            builtins = builtins.without(SecretsAnalyzer.ID);
        }
        if (!options.misconfigurations()) {
            builtins = builtins.withoutSourceChecks();
        }
        console.debugUptime("command line parsed");
        DownloadProgress progress = new DownloadProgress(console.err(),
                DownloadProgress.drawable(console, options.quiet()));
        RegistryOptions registry = options.registry();
        ScanPipeline pipeline = new ScanPipeline(builtins, new ImageOpener(options.limits(),
                registry.settings(console, request.source(), progress),
                options.imageSources().sources(console, request.source())), WalkLimits.defaults(), console.clock(),
                registry.cache(console, request.source()));
        ScanListener listener = listener(console);
        if (request.source() instanceof ImageSource.RegistryImage) {
            listener = warmingDigestsBeforeReading(listener);
        }
        try {
            return scan(options, request, pipeline, listener, console);
        } finally {
            progress.end();
            if (request.source() instanceof ImageSource.RegistryImage) {
                console.debug("downloaded " + progress.blobs() + " blobs, " + progress.bytes() + " bytes");
            }
        }
    }

    private static ScanResult scan(ScanOptions options, ScanRequest request, ScanPipeline pipeline,
                                   ScanListener listener, Console console) throws IOException {
        if (options.vulnerabilities().isEmpty()) {
            return pipeline.scan(request, listener);
        }
        VulnOptions vuln = options.vulnerabilities().get();
        ScanResult result;
        // Opened before the image is read, so that a missing or damaged database fails in milliseconds.
        try (VulnDb db = Databases.open(vuln.db())) {
            Databases.warnIfOld(console, vuln.db(), db.metadata(), vuln.maxAge());
            console.debugUptime("vulnerability database opened");
            result = pipeline.scan(request, listener);
            result = new VulnerabilityStage(new MatchEngine(db)).apply(result, listener);
        }
        return new FindingFilter(vuln.severities(), vuln.ignoreUnfixed()).apply(result);
    }

    /** The policy's verdict as reports show it. */
    static PolicyVerdict verdict(PolicyStage.Outcome judged) {
        PolicyResult result = judged.policy();
        Map<String, Long> hidden = new LinkedHashMap<>();
        for (PolicyResult.Suppressed.Why why : PolicyResult.Suppressed.Why.values()) {
            long n = result.count(why);
            if (n > 0) {
                hidden.put(why.name().toLowerCase(Locale.ROOT).replace('_', ' '), n);
            }
        }
        Set<String> failing = new HashSet<>();
        result.failing().forEach(f -> failing.add(f.fingerprint().value()));
        return new PolicyVerdict(judged.applied().origin(), judged.applied().failOn(), failing, hidden);
    }

    /** Hidden findings listed one by one at most; the count says the rest. */
    private static final int MAX_LISTED = 20;

    private static String where(dev.plimsoll.core.finding.Finding f) {
        return f instanceof dev.plimsoll.core.finding.VulnerabilityFinding v
                ? " in " + v.pkg().name() + " " + v.pkg().version()
                : f.location().map(l -> " at " + l.path()).orElse("");
    }

    /** The policy's verdict, with what it hid and which entries expired said on stderr. */
    static PolicyStage.Outcome applyPolicy(Console console, PolicyOptions options, ScanResult result) {
        return applyPolicy(console, options.resolve(console.host().workingDir(), console), result);
    }

    /** The verdict of a policy already read. */
    static PolicyStage.Outcome applyPolicy(Console console, PolicyOptions.Resolved resolved, ScanResult result) {
        PolicyStage.Outcome outcome = new PolicyStage(new PolicyEvaluator(resolved.policy(), resolved.baseline(), resolved.vex()))
                .apply(result, LocalDate.ofInstant(console.clock().instant(), ZoneOffset.UTC));
        PolicyResult verdict = outcome.policy();
        for (IgnoreEntry e : verdict.expired()) {
            console.warn("ignore entry expired on " + e.expires().orElseThrow() + ", no longer applied: "
                    + e.describe() + " (" + e.origin() + ")");
        }
        if (!verdict.suppressed().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (PolicyResult.Suppressed.Why why : PolicyResult.Suppressed.Why.values()) {
                long n = verdict.count(why);
                if (n > 0) {
                    parts.add(n + " " + why.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            }
            console.info(verdict.suppressed().size() + " finding(s) hidden by the policy: " + String.join(", ", parts));
            // VEX and ignore entries are someone's statement about a finding: show whose and why.
            verdict.suppressed().stream()
                    .filter(x -> x.why() == PolicyResult.Suppressed.Why.VEX
                            || x.why() == PolicyResult.Suppressed.Why.IGNORED)
                    .limit(MAX_LISTED).forEach(x -> console.info("  hidden " + x.finding().ruleId().value()
                            + where(x.finding()) + ": " + x.detail()));
        }
        return outcome;
    }

    /**
     * A policy failure: {@code --exit-code N}, else 1. Without one, {@code --exit-code N} when findings remain; else 4 when the scan is incomplete; else 0. A file of an
     * application ecosystem that could not be read (a corrupt jar, a lockfile in an unknown format) leaves the scan
     * incomplete without failing it unless {@code --strict}: such files are common in real trees and the report
     * names them; anything else unread (a layer entry, an OS package database) always fails.
     */
    static int exitCode(Console console, int findingsExitCode, boolean strict, ScanResult result,
                        PolicyResult policy) {
        if (policy.failed()) {
            int code = findingsExitCode != 0 ? findingsExitCode : ExitCode.POLICY_FAILED;
            console.warn(policy.failing().size() + " finding(s) at or above the policy's thresholds; exiting with "
                    + code);
            return code;
        }
        if (findingsExitCode != 0 && !result.findings().isEmpty()) {
            console.warn(result.findings().size() + " finding(s) reported; exiting with " + findingsExitCode);
            return findingsExitCode;
        }
        return problemsExitCode(console, strict, result);
    }

    /** 0 for a complete scan; else 4, unless only application or source files went unread and not {@code --strict}. */
    static int problemsExitCode(Console console, boolean strict, ScanResult result) {
        List<ScanProblem> problems = result.allProblems();
        if (problems.isEmpty()) {
            return ExitCode.OK;
        }
        long fatal = problems.stream().filter(p -> strict || !isApplicationFile(p)).count();
        if (fatal > 0) {
            console.warn("the scan is incomplete: " + problems.size() + " problem(s), listed in the report");
            return ExitCode.INCOMPLETE;
        }
        console.warn("the scan is incomplete: " + problems.size() + " application or source file(s) could not be read,"
                + " listed in the report (--strict makes that fail)");
        return ExitCode.OK;
    }

    /**
     * Problems of the application-ecosystem analyzers, the source checks (a Dockerfile of the tree that cannot be
     * parsed) and the secret scanner (generated bundles it left out), whose ids are "lang/...", "source/..." and
     * "secret/...".
     */
    private static boolean isApplicationFile(ScanProblem problem) {
        return problem.component().startsWith("lang/") || problem.component().startsWith(Builtins.SOURCE_GROUP + "/")
                || problem.component().startsWith(SecretsAnalyzer.ID.group() + "/");
    }

    private static String skipLine(PathSkips.Skipped s) {
        return s.option() + " " + s.pattern() + ": skipped " + s.entries() + " entr" + (s.entries() == 1 ? "y" : "ies")
                + s.example().map(e -> " (e.g. " + e + ")").orElse("");
    }

    /**
     * For an image named by reference, whose layers are hashed only when its analysis is not in the cache: the
     * digest warm-up starts then rather than with the JVM (see {@link Main#main}), so that a warm scan does not
     * share the second core with it.
     */
    private static ScanListener warmingDigestsBeforeReading(ScanListener inner) {
        return event -> {
            if (event instanceof ScanEvent.AnalysisStarted) {
                DigestWarmup.start();
            }
            inner.on(event);
        };
    }

    /** Debug lines for every event when --debug; otherwise only what a user must see: what the skips left out. */
    private static ScanListener listener(Console console) {
        if (!console.debugEnabled()) {
            return event -> {
                if (event instanceof ScanEvent.PathsSkipped e) {
                    console.info(skipLine(e.skipped()));
                }
            };
        }
        return event -> console.debug(switch (event) {
            case ScanEvent.ImageOpened e -> "opened " + e.image().name() + " (" + e.image().sourceKind() + ", "
                    + e.layers() + " layers, " + e.image().platform() + ") in " + e.took().toMillis() + " ms";
            case ScanEvent.AnalysisReused e -> "analysis cache: this image's analysis reused, none of its "
                    + e.layers() + " layers read";
            case ScanEvent.AnalysisStarted e -> "analysing the image's " + e.layers() + " layers";
            case ScanEvent.LayersCached e -> "layer cache: " + e.hits() + " layers replayed, " + e.misses()
                    + " layers read from the image";
            case ScanEvent.ViewBuilt e -> "read " + e.entries() + " entries, " + e.visibleFiles()
                    + " visible, in " + e.took().toMillis() + " ms";
            case ScanEvent.AnalyzerFinished e -> e.analyzer() + ": " + e.packages() + " packages, " + e.findings()
                    + " findings, finish in " + e.took().toMillis() + " ms";
            case ScanEvent.ProblemRecorded e -> "problem: " + e.problem();
            case ScanEvent.PathsSkipped e -> skipLine(e.skipped());
            case ScanEvent.VulnerabilitiesMatched e -> "matched " + e.packages() + " packages: " + e.findings()
                    + " vulnerabilities, in " + e.took().toMillis() + " ms";
        });
    }
}

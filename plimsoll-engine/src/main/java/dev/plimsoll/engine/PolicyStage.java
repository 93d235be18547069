package dev.plimsoll.engine;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.policy.ImageTrustCheck;
import dev.plimsoll.policy.Policy;
import dev.plimsoll.policy.PolicyEvaluator;
import dev.plimsoll.policy.PolicyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The last stage before the reporters: the policy decides which findings are reported and which fail the build.
 * The result keeps only the reported findings; what the policy hid, and why, is in the {@link PolicyResult}.
 */
public final class PolicyStage {
    private final PolicyEvaluator evaluator;

    public PolicyStage(PolicyEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator);
    }

    /** The scan with the policy applied, the policy's verdict, and the policy that gave it. */
    public record Outcome(ScanResult result, PolicyResult policy, Policy applied) {
    }

    public Outcome apply(ScanResult scan, LocalDate today) {
        Set<String> dev = devPackages(scan);
        List<Finding> findings = new ArrayList<>(scan.findings());
        // The policy's own image rules, judged here so that they meet the same ignores, baseline and thresholds.
        scan.inventory().image().ifPresent(image -> findings.addAll(
                new ImageTrustCheck(evaluator.policy().images()).check(scan.target(), image)));
        PolicyResult verdict = evaluator.apply(findings, v -> dev.contains(key(v)), today);
        return new Outcome(new ScanResult(scan.target(), scan.inventory(), verdict.reported(), scan.problems()),
                verdict, evaluator.policy());
    }

    /** Packages needed only for development, by ecosystem, name, version and file: npm's dev flag, lockfiles' dev groups and scopes. */
    private static Set<String> devPackages(ScanResult scan) {
        Set<String> dev = new HashSet<>();
        for (Package p : scan.inventory().packages()) {
            boolean isDev = switch (p.metadata()) {
                case PackageMetadata.Npm n -> n.dev();
                case PackageMetadata.Declared d -> d.dev();
                default -> false;
            };
            if (isDev) {
                p.locations().forEach(l -> dev.add(key(p.ecosystem().purlType(), p.name(), p.version(), l.path())));
            }
        }
        return dev;
    }

    private static String key(VulnerabilityFinding v) {
        return key(v.pkg().ecosystem().purlType(), v.pkg().name(), v.pkg().version(),
                v.location().map(l -> l.path()).orElse(""));
    }

    private static String key(String type, String name, String version, String path) {
        return type + '\u0000' + name + '\u0000' + version + '\u0000' + path;
    }
}

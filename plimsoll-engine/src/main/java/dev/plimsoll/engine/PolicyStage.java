package dev.plimsoll.engine;

import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.policy.PolicyEvaluator;
import dev.plimsoll.policy.PolicyResult;
import java.time.LocalDate;
import java.util.HashSet;
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

    /** The scan with the policy applied, and the policy's verdict. */
    public record Outcome(ScanResult result, PolicyResult policy) {
    }

    public Outcome apply(ScanResult scan, LocalDate today) {
        Set<String> dev = devPackages(scan);
        PolicyResult verdict = evaluator.apply(scan.findings(), v -> dev.contains(key(v)), today);
        return new Outcome(new ScanResult(scan.target(), scan.inventory(), verdict.reported(), scan.problems()),
                verdict);
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

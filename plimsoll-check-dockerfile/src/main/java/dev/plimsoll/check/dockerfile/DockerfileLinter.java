package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.SyntaxProblem;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the rules over one Dockerfile and applies what is not the rules' business: the configuration (ignored
 * rules, level overrides, rules off by default), inline and global pragmas, and syntax problems as DL1000 findings.
 * Stateless: one linter serves any number of files and threads.
 */
public final class DockerfileLinter {
    /** hadolint's code for a file its parser rejects; reported for what BuildKit would reject. */
    public static final String SYNTAX_RULE = "DL1000";

    private final RuleCatalog catalog;
    private final List<DockerfileRule> rules;
    private final Optional<ShellCheckPass> shellcheck;

    public DockerfileLinter(RuleCatalog catalog, List<DockerfileRule> rules) {
        this(catalog, rules, Optional.empty());
    }

    private DockerfileLinter(RuleCatalog catalog, List<DockerfileRule> rules, Optional<ShellCheckPass> shellcheck) {
        this.catalog = Objects.requireNonNull(catalog);
        this.rules = List.copyOf(rules);
        this.shellcheck = shellcheck;
        for (DockerfileRule r : this.rules) {
            catalog.get(r.id()); // a rule without catalogue entry has no title or severity: fail at start-up
        }
    }

    /**
     * This linter with ShellCheck run on every shell-form RUN script and its SC findings reported, when the
     * binary is installed (hadolint does the same); one process per script, so it is the user's choice.
     */
    public DockerfileLinter withShellCheck(dev.plimsoll.check.dockerfile.shell.ShellCheck binary) {
        return binary.available() ? new DockerfileLinter(catalog, rules, Optional.of(new ShellCheckPass(binary)))
                : this;
    }

    /** Every built-in rule. */
    public static DockerfileLinter standard() {
        return new DockerfileLinter(RuleCatalog.standard(), DockerfileRules.standard());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public List<DockerfileRule> rules() {
        return rules;
    }

    /** The outcome: hits in file order, and rules that failed on this file (the lint is then incomplete). */
    public record Result(Dockerfile dockerfile, List<LintHit> hits, List<ScanProblem> problems) {
        public Result {
            hits = List.copyOf(hits);
            problems = List.copyOf(problems);
        }
    }

    public Result lint(LintContext context) {
        Dockerfile df = context.dockerfile();
        LintConfig config = context.config();
        Pragmas pragmas = new Pragmas(df);
        boolean honourPragmas = !config.disableIgnorePragma();
        List<LintHit> hits = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        RuleMeta syntax = catalog.get(SYNTAX_RULE);
        if (config.enabled(syntax) && !(honourPragmas && pragmas.ignoredEverywhere(SYNTAX_RULE))) {
            for (SyntaxProblem p : df.problems()) {
                hits.add(hit(syntax, config, p.line(), p.column(), p.message(), df.line(p.line()).strip()));
            }
        }
        for (DockerfileRule rule : rules) {
            RuleMeta meta = catalog.get(rule.id());
            if (!config.enabled(meta) || (honourPragmas && pragmas.ignoredEverywhere(meta.id().value()))) {
                continue;
            }
            RuleSink sink = new RuleSink() {
                @Override
                public void report(Instruction at, int line, int column, String message, String evidence) {
                    if (!(honourPragmas && pragmas.ignoredAt(at, meta.id().value()))) {
                        hits.add(hit(meta, config, line, column, message, evidence));
                    }
                }

                @Override
                public void reportFile(int line, String message, String evidence) {
                    hits.add(hit(meta, config, line, 1, message, evidence));
                }
            };
            try {
                rule.check(context, sink);
            } catch (RuntimeException e) {
                // One rule's bug must not hide the other rules' findings; the report says the lint is incomplete.
                problems.add(ScanProblem.of(ProblemKind.UNSUPPORTED, "dockerfile/" + meta.id().value(),
                        df.path().toString(), "rule " + meta.id().value() + " failed: " + e));
            }
        }
        shellcheck.ifPresent(pass -> pass.run(context, pragmas, honourPragmas, hits, problems));
        Collections.sort(hits);
        return new Result(df, hits, problems);
    }

    private static LintHit hit(RuleMeta meta, LintConfig config, int line, int column, String message,
                               String evidence) {
        HadolintLevel level = config.level(meta);
        Severity severity = level == meta.level() ? meta.severity() : level.severity();
        return new LintHit(meta, level, severity, line, Math.max(1, column), message, evidence);
    }

    /** The hits as findings of the shared model, for the policy and every reporter. */
    public static List<Finding> findings(Result result, Target target, String path) {
        List<Finding> out = new ArrayList<>();
        for (LintHit h : result.hits()) {
            Location where = new Location(path, Optional.empty(), OptionalInt.of(h.line()),
                    OptionalInt.of(h.column()));
            out.add(new MisconfigurationFinding(h.rule().id(), h.rule().title(), h.severity(), target,
                    Optional.of(where), h.message(), h.evidence().strip(),
                    h.rule().remediation().isEmpty() ? Optional.empty() : Optional.of(h.rule().remediation()),
                    List.of(h.rule().helpUri())));
        }
        return out;
    }
}

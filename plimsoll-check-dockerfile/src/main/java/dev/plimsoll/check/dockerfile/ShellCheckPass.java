package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.shell.ShellCheck;
import dev.plimsoll.check.dockerfile.shell.ShellCheckException;
import dev.plimsoll.check.dockerfile.shell.ShellCheckFinding;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.ShellInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ShellCheck on every shell-form RUN script, as hadolint does it: under the shell the stage's SHELL names, with the
 * ARG and ENV names in scope exported, its findings reported under their SC codes. Only when a shellcheck binary
 * is installed; configuration ({@code ignored}, {@code override}) and pragmas apply to SC codes as to rules.
 */
final class ShellCheckPass {
    private final ShellCheck shellcheck;

    ShellCheckPass(ShellCheck shellcheck) {
        this.shellcheck = shellcheck;
    }

    /** One RUN script to check, with what its findings need. */
    private record Pending(RunInstruction run, ShellCheck.Job job) {
    }

    /**
     * What shellcheck reported, as hits; a failure of shellcheck is a problem and the rest goes on. The scripts of a
     * Dockerfile go to one shellcheck process; when it fails, each script is checked alone, so that the problem
     * names the RUN that caused it.
     */
    void run(LintContext context, Pragmas pragmas, boolean honourPragmas, List<LintHit> hits,
             List<ScanProblem> problems) {
        LintConfig config = context.config();
        Set<String> excluded = new TreeSet<>();
        config.ignored().stream().filter(id -> id.startsWith("SC")).forEach(excluded::add);
        List<Pending> pending = new ArrayList<>();
        for (Stage stage : context.dockerfile().stages()) {
            List<String> shellArray = List.of();
            for (Instruction i : stage.instructions()) {
                if (i instanceof ShellInstruction s && s.command() instanceof Command.ExecForm exec) {
                    shellArray = exec.arguments();
                }
                if (!(i instanceof RunInstruction run) || !(run.command() instanceof Command.ShellForm)) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (Binding b : stage.environmentAt(run).bindings()) {
                    names.add(b.name());
                }
                for (ShellScript script : context.scripts(run)) {
                    pending.add(new Pending(run, new ShellCheck.Job(script.source(), ShellCheck.shellOf(shellArray),
                            names)));
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<ShellCheck.Result> results = null;
        if (pending.size() > 1) {
            try {
                results = shellcheck.checkAll(pending.stream().map(Pending::job).toList(), excluded);
            } catch (ShellCheckException e) {
                results = null; // checked one by one below, to name the RUN
            }
        }
        for (int k = 0; k < pending.size(); k++) {
            Pending p = pending.get(k);
            ShellCheck.Result result;
            if (results != null) {
                result = results.get(k);
            } else {
                try {
                    result = shellcheck.check(p.job().script(), p.job().shell(), excluded, p.job().knownVariables());
                } catch (ShellCheckException e) {
                    problems.add(ScanProblem.of(ProblemKind.UNSUPPORTED, "dockerfile/shellcheck",
                            context.dockerfile().path().toString(), "shellcheck failed on the RUN at line "
                                    + p.run().line() + ": " + e.getMessage()));
                    continue;
                }
            }
            report(context, p.run(), result, pragmas, honourPragmas, hits);
        }
    }

    private void report(LintContext context, RunInstruction run, ShellCheck.Result result, Pragmas pragmas,
                        boolean honourPragmas, List<LintHit> hits) {
        for (ShellCheckFinding f : result.findings()) {
            if (honourPragmas && (pragmas.ignoredEverywhere(f.code()) || pragmas.ignoredAt(run, f.code()))) {
                continue;
            }
            RuleMeta meta = meta(f);
            if (!context.config().enabled(meta)) {
                continue;
            }
            HadolintLevel level = context.config().level(meta);
            hits.add(new LintHit(meta, level, level.severity(), f.position().line(), f.position().column(),
                    f.message(), context.dockerfile().line(f.position().line()).strip()));
        }
    }

    /** An SC code as a rule: its level from shellcheck, its page on shellcheck's wiki. */
    private static RuleMeta meta(ShellCheckFinding f) {
        HadolintLevel level = switch (f.level()) {
            case ERROR -> HadolintLevel.ERROR;
            case WARNING -> HadolintLevel.WARNING;
            case INFO -> HadolintLevel.INFO;
            case STYLE -> HadolintLevel.STYLE;
        };
        return new RuleMeta(RuleId.of(f.code()), level.severity(), level, true, false, "ShellCheck " + f.code(),
                "", "See the ShellCheck page for the code.", URI.create("https://www.shellcheck.net/wiki/" + f.code()));
    }
}

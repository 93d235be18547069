package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.AndOrList;
import dev.plimsoll.check.dockerfile.shell.Pipeline;
import dev.plimsoll.check.dockerfile.shell.ScriptSource;
import dev.plimsoll.check.dockerfile.shell.ShellParser;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.CmdInstruction;
import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.EntrypointInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Several long-running services in the final image: a process supervisor installed or started, systemd as the
 * command or enabling units, or a CMD/ENTRYPOINT that starts services in the background next to another one.
 */
public final class PLM_DF_019 implements DockerfileRule {
    /** Packages of process supervisors (any package manager, pip included). */
    private static final Set<String> SUPERVISOR_PACKAGES = Set.of("supervisor", "supervisord", "python3-supervisor",
            "python-supervisor", "py3-supervisor", "runit", "s6", "s6-overlay", "circus", "daemontools");
    /** Programs that supervise several services. */
    private static final Set<String> SUPERVISORS = Set.of("supervisord", "s6-svscan", "runsvdir", "circusd",
            "my_init", "svscan", "systemd");
    /** Paths that start systemd/sysvinit or s6-overlay as PID 1. */
    private static final Set<String> INIT_PATHS = Set.of("/sbin/init", "/usr/sbin/init", "/lib/systemd/systemd",
            "/usr/lib/systemd/systemd", "/init", "/bin/init");
    /** Init shims that run one program: looked through. */
    private static final Set<String> SHIMS = Set.of("tini", "dumb-init", "tini-static", "catatonit", "gosu",
            "su-exec", "exec", "/usr/bin/env", "env");
    /** Commands that keep a container alive without being a service. */
    private static final Set<String> IDLE = Set.of("wait", "tail", "sleep", "true", ":", "exit", "echo", "bash", "sh",
            "cat", "read", "set", "trap", "export", "cd", "printf");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");

    @Override
    public String id() {
        return "PLM-DF-019";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        FinalImageStages finalImage = FinalImageStages.of(context.dockerfile());
        CmdInstruction cmd = null;
        EntrypointInstruction entrypoint = null;
        for (Instruction i : context.dockerfile().instructions()) {
            if (!finalImage.contains(i)) {
                continue;
            }
            switch (i) {
                case RunInstruction run -> checkRun(context, run, out);
                case CmdInstruction c -> cmd = c;
                case EntrypointInstruction e -> entrypoint = e;
                default -> {
                }
            }
        }
        if (entrypoint != null) {
            checkCommand(entrypoint, entrypoint.command(), "ENTRYPOINT", out);
        }
        if (cmd != null) {
            checkCommand(cmd, cmd.command(), "CMD", out);
        }
    }

    private static void checkRun(LintContext context, RunInstruction run, RuleSink out) {
        Set<String> found = new LinkedHashSet<>();
        List<ShellScript> scripts = context.scripts(run);
        for (BuildTools.Install install : BuildTools.installs(scripts)) {
            for (String name : install.names()) {
                if (SUPERVISOR_PACKAGES.contains(name)) {
                    found.add("installs " + name);
                }
            }
        }
        for (ShellScript script : scripts) {
            for (SimpleCommand c : script.commands("systemctl")) {
                if (c.hasSubcommand("enable")) {
                    found.add("systemctl enable " + String.join(" ", c.operandsAfter("enable").stream()
                            .map(w -> w.value()).toList()));
                }
            }
        }
        if (!found.isEmpty()) {
            String what = String.join(", ", found);
            out.report(run, "RUN " + what + ": the image is set up to run several services under a supervisor;"
                    + " run one service per container", what);
        }
    }

    private static void checkCommand(Instruction at, Command command, String keyword, RuleSink out) {
        String why = switch (command) {
            case Command.ExecForm exec -> execForm(exec.arguments(), exec);
            case Command.ShellForm shell -> shellScript(ShellParser.parse(ScriptSource.at(shell.script(),
                    shell.position().line(), shell.position().column())));
        };
        if (why != null) {
            out.report(at, keyword + " " + why + "; run one service per container", why);
        }
    }

    private static String execForm(List<String> args, Command.ExecForm exec) {
        int i = 0;
        while (i < args.size() && (SHIMS.contains(args.get(i)) || SHIMS.contains(baseName(args.get(i)))
                || args.get(i).equals("--") || (i > 0 && args.get(i).startsWith("-")))) {
            i++;
        }
        if (i >= args.size()) {
            return null;
        }
        String program = args.get(i);
        String name = baseName(program);
        if (SHELLS.contains(name) && i + 2 < args.size() && args.get(i + 1).startsWith("-")
                && args.get(i + 1).contains("c")) {
            return shellScript(ShellParser.parse(ScriptSource.at(args.get(i + 2), exec.position().line(),
                    exec.position().column())));
        }
        return supervisorProgram(program);
    }

    private static String supervisorProgram(String program) {
        if (INIT_PATHS.contains(program)) {
            return "starts " + program + " as an init system that runs several services";
        }
        String name = baseName(program);
        if (SUPERVISORS.contains(name)) {
            return "starts the process supervisor " + name;
        }
        return null;
    }

    /** Why a CMD/ENTRYPOINT script runs several services, or null. */
    private static String shellScript(ShellScript script) {
        for (SimpleCommand c : script.commands()) {
            String why = supervisorProgram(c.originalName().isEmpty() ? "" : c.commandWord()
                    .map(w -> w.value()).orElse(""));
            if (why != null) {
                return why;
            }
        }
        int services = 0;
        List<AndOrList> body = script.body();
        SimpleCommand lastForeground = null;
        for (AndOrList list : body) {
            if (list.background()) {
                for (Pipeline p : list.pipelines()) {
                    if (!(p.commands().get(0) instanceof SimpleCommand c) || !IDLE.contains(c.commandName())) {
                        services++;
                    }
                }
                continue;
            }
            for (Pipeline p : list.pipelines()) {
                if (p.commands().get(0) instanceof SimpleCommand c) {
                    if (isServiceStart(c)) {
                        services++;
                    } else {
                        lastForeground = c;
                    }
                }
            }
        }
        if (lastForeground != null && !IDLE.contains(lastForeground.commandName())
                && !lastForeground.commandName().isEmpty()) {
            services++;
        }
        return services >= 2 ? "starts several processes (background jobs or service starts next to the main"
                + " one)" : null;
    }

    private static boolean isServiceStart(SimpleCommand c) {
        if ((c.is("service", "rc-service") && c.positionals().size() >= 2
                && c.positionals().get(1).is("start"))) {
            return true;
        }
        String name = c.originalName();
        return name.startsWith("/etc/init.d/") && c.hasArg("start");
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}

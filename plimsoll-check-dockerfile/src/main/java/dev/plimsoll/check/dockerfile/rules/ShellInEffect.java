package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.syntax.Command;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.ShellInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shell that shell-form RUN, CMD and ENTRYPOINT use at a point of a stage: the default {@code /bin/sh -c}, the
 * last SHELL instruction of the stage before that point, or, for a stage built FROM an earlier stage, the shell that
 * stage ended with (SHELL is part of the image configuration, so it is inherited). ONBUILD SHELL triggers do not
 * count: they run in a child image.
 *
 * @param argv the SHELL's words, {@code ["/bin/sh", "-c"]} by default
 */
record ShellInEffect(List<String> argv) {
    static final ShellInEffect DEFAULT = new ShellInEffect(List.of("/bin/sh", "-c"));
    /** Docker's default on Windows images. */
    static final ShellInEffect WINDOWS_DEFAULT = new ShellInEffect(List.of("cmd", "/S", "/C"));

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Set<String> PIPEFAIL_SHELLS = Set.of("bash", "zsh", "ash");
    private static final List<String> NON_POSIX = List.of("pwsh", "powershell", "cmd");

    ShellInEffect {
        argv = List.copyOf(argv);
    }

    /** The shell a SHELL instruction sets (BuildKit requires the exec form; a shell form is split on blanks). */
    static ShellInEffect of(ShellInstruction shell) {
        return switch (shell.command()) {
            case Command.ExecForm exec -> exec.arguments().isEmpty() ? DEFAULT : new ShellInEffect(exec.arguments());
            case Command.ShellForm text -> {
                List<String> words = List.of(BLANKS.split(text.script().strip()));
                yield words.isEmpty() || words.get(0).isEmpty() ? DEFAULT : new ShellInEffect(words);
            }
        };
    }

    /**
     * The shell at the start of a stage: what the stage it is built on ended with, or the default, which is
     * {@code cmd /S /C} for a Windows base image (servercore, nanoserver, a .../windows... repository).
     */
    static ShellInEffect atStart(Dockerfile dockerfile, Stage stage) {
        if (stage.baseStageIndex().isPresent()) {
            int base = stage.baseStageIndex().getAsInt();
            if (base < stage.index()) {
                return atEnd(dockerfile, dockerfile.stages().get(base));
            }
        }
        return isWindowsImage(stage.baseImage().value()) ? WINDOWS_DEFAULT : DEFAULT;
    }

    /** Whether the stage builds on a Windows image, directly or through the stages it is built on. */
    static boolean isWindowsStage(Dockerfile dockerfile, Stage stage) {
        Stage s = stage;
        while (s.baseStageIndex().isPresent() && s.baseStageIndex().getAsInt() < s.index()) {
            s = dockerfile.stages().get(s.baseStageIndex().getAsInt());
        }
        return !s.isBasedOnStage() && isWindowsImage(s.baseImage().value());
    }

    /** Whether an image reference names a Windows image, by the names Microsoft and official images use. */
    static boolean isWindowsImage(String image) {
        String lower = image.toLowerCase(Locale.ROOT);
        if (lower.contains("servercore") || lower.contains("nanoserver")) {
            return true;
        }
        int tag = lower.lastIndexOf(':');
        String repository = tag > lower.lastIndexOf('/') ? lower.substring(0, tag) : lower;
        return repository.contains("windows");
    }

    /** The shell after the last instruction of a stage. */
    static ShellInEffect atEnd(Dockerfile dockerfile, Stage stage) {
        ShellInEffect shell = atStart(dockerfile, stage);
        for (Instruction i : stage.instructions()) {
            if (i instanceof ShellInstruction s) {
                shell = of(s);
            }
        }
        return shell;
    }

    /** The executable's base name, lower-cased, without {@code .exe}: {@code bash}, {@code powershell}. */
    String program() {
        String first = argv.get(0);
        int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
        String name = first.substring(slash + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }

    /** PowerShell or cmd: not a POSIX shell, so shell rules do not apply. */
    boolean isNonPosix() {
        String program = program();
        for (String prefix : NON_POSIX) {
            if (program.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the shell runs scripts with pipefail: bash, zsh or ash (any path) given {@code -o pipefail} (also as
     * {@code -eo pipefail}). {@code sh -o pipefail} does not count: /bin/sh is not always a shell that has it.
     */
    boolean setsPipefail() {
        if (!PIPEFAIL_SHELLS.contains(program())) {
            return false;
        }
        boolean optionFlag = false;
        boolean pipefail = false;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-' && arg.indexOf('o') > 0) {
                optionFlag = true;
            } else if (arg.equals("pipefail")) {
                pipefail = true;
            }
        }
        return optionFlag && pipefail;
    }
}

package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.check.dockerfile.syntax.UserInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Final stage runs as root: no USER in the final stage or the stages it is built FROM, or the last one is root/0.
 * Base images known to default to a non-root user (distroless {@code :nonroot}, {@code *-nonroot} tags, and
 * {@code plimsoll.nonRootBaseImages}) are trusted.
 */
public final class PLM_DF_010 implements DockerfileRule {
    private static final List<String> BUILT_IN_NON_ROOT = List.of("gcr.io/distroless/*:nonroot",
            "gcr.io/distroless/*:nonroot-*", "*-nonroot", "*:nonroot", "*-nonroot@*", "*:nonroot@*",
            // Windows Nano Server runs as ContainerUser (not an administrator) by default
            "*/nanoserver:*", "*/nanoserver", "*:nanoserver*", "*/nanoserver@*");

    @Override
    public String id() {
        return "PLM-DF-010";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<Stage> image = SecurityStages.finalImage(context.dockerfile());
        if (image.isEmpty()) {
            return;
        }
        Stage last = image.get(0);
        for (Stage stage : image) {
            List<Instruction> instructions = stage.instructions();
            for (int n = instructions.size() - 1; n >= 0; n--) {
                if (instructions.get(n) instanceof UserInstruction user) {
                    String name = stage.environmentAt(user).expandWord(user.user()).value();
                    if (isRoot(name)) {
                        out.report(user, "the final image runs as root (USER " + user.arguments().strip()
                                + "); end with an unprivileged USER, e.g. USER 10001:10001", "USER " + name);
                    }
                    return;
                }
            }
        }
        Stage root = image.get(image.size() - 1);
        String base = root.baseImage().value();
        if (!root.isScratch() && nonRoot(base, context.settings().strings("nonRootBaseImages"))) {
            return;
        }
        out.report(last.from(), "the final image runs as root: no USER instruction"
                + (image.size() > 1 ? " in this stage or the stages it is built from" : "")
                + " (base " + base + "); add an unprivileged USER, e.g. USER 10001:10001", "FROM " + base);
    }

    private static boolean isRoot(String user) {
        String u = user.strip();
        int colon = u.indexOf(':');
        String name = colon >= 0 ? u.substring(0, colon) : u;
        return name.equals("root") || name.equals("0") || name.equalsIgnoreCase("ContainerAdministrator");
    }

    private static boolean nonRoot(String image, List<String> configured) {
        List<String> globs = new ArrayList<>(BUILT_IN_NON_ROOT);
        globs.addAll(configured);
        for (String glob : globs) {
            if (SecurityStages.globMatches(glob, image)) {
                return true;
            }
        }
        return false;
    }
}

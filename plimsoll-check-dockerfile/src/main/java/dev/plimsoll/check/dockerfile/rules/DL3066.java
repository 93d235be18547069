package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Binding;
import dev.plimsoll.check.dockerfile.syntax.Environment;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.check.dockerfile.syntax.UserInstruction;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * USER with a non-numeric user (the part before {@code :}): the host (and Kubernetes' runAsNonRoot) cannot resolve a
 * name. A user taken from an ARG declared earlier ({@code USER ${UID}}) is trusted: it is set at build time, usually
 * numerically. A user from ENV is trusted only when its value is known and numeric. Windows stages are not checked:
 * Windows has no numeric user ids ({@code USER ContainerUser}).
 */
public final class DL3066 implements DockerfileRule {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public String id() {
        return "DL3066";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (UserInstruction u : context.instructions(UserInstruction.class, false)) {
            Optional<Stage> stage = context.dockerfile().stageOf(u);
            if (stage.isPresent() && ShellInEffect.isWindowsStage(context.dockerfile(), stage.get())) {
                continue;
            }
            String user = ImageRefs.unquote(u.user());
            int colon = user.indexOf(':');
            if (colon >= 0) {
                user = user.substring(0, colon);
            }
            Environment env = context.dockerfile().environmentAt(u);
            if (isNumeric(user) || fromArg(user, env) || knownNumeric(user, env)) {
                continue;
            }
            out.report(u, "USER " + user + " is not a numeric user id; the host may not resolve it: use a UID",
                    user);
        }
    }

    private static boolean isNumeric(String user) {
        if (user.isEmpty()) {
            return false;
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A variable whose value is known here and numeric ({@code ENV APP_UID=999} ... {@code USER $APP_UID}). */
    private static boolean knownNumeric(String user, Environment env) {
        if (user.indexOf('$') < 0) {
            return false;
        }
        Expansion expanded = env.expandWord(user);
        return expanded.isExact() && isNumeric(expanded.value());
    }

    private static boolean fromArg(String user, Environment env) {
        if (user.indexOf('$') < 0) {
            return false;
        }
        Matcher m = VARIABLE.matcher(user);
        while (m.find()) {
            if (env.binding(m.group(1)).map(Binding::isArg).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}

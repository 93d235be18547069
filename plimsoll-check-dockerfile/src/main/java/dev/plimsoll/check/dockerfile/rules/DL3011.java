package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.ExposeInstruction;
import dev.plimsoll.check.dockerfile.syntax.ExposedPort;
import java.util.ArrayList;
import java.util.List;

/** EXPOSE of a port, or a range end, above 65535. Variables are not checked; one finding per EXPOSE. */
public final class DL3011 implements DockerfileRule {
    private static final int MAX_PORT = 65535;

    @Override
    public String id() {
        return "DL3011";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (ExposeInstruction expose : context.dockerfile().instructions(ExposeInstruction.class)) {
            List<String> invalid = new ArrayList<>();
            for (ExposedPort port : expose.ports()) {
                if (outOfRange(port)) {
                    invalid.add(port.raw());
                }
            }
            if (!invalid.isEmpty()) {
                String ports = String.join(" ", invalid);
                out.report(expose, "EXPOSE " + ports + ": valid ports range from 0 to " + MAX_PORT, ports);
            }
        }
    }

    private static boolean outOfRange(ExposedPort port) {
        if (port.isLiteral()) {
            return port.first().getAsInt() > MAX_PORT || port.last().getAsInt() > MAX_PORT;
        }
        // The parser leaves numbers of ten digits or more unparsed: still literal, still too large.
        String raw = port.raw();
        int slash = raw.indexOf('/');
        String ports = slash < 0 ? raw : raw.substring(0, slash);
        int dash = ports.indexOf('-');
        String first = dash < 0 ? ports : ports.substring(0, dash);
        String last = dash < 0 ? ports : ports.substring(dash + 1);
        return digits(first) && digits(last) && (first.length() > 5 || last.length() > 5);
    }

    private static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

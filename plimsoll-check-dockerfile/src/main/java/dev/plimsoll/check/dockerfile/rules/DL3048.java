package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Invalid label key: keys should be lower-case reverse-DNS names: start with a-z, end with a-z or 0-9, only
 * {@code a-z 0-9 . - _ /}, no {@code ..} or {@code --}, and not in Docker's reserved namespaces
 * ({@code com.docker.}, {@code io.docker.}, {@code org.dockerproject.}). One finding per LABEL.
 */
public final class DL3048 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3048";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (LabelInstruction label : context.dockerfile().instructions(LabelInstruction.class)) {
            List<String> bad = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (KeyValue p : label.pairs()) {
                String problem = problem(p.key());
                if (problem != null) {
                    bad.add(p.key());
                    why.add("'" + p.key() + "' " + problem);
                }
            }
            if (!bad.isEmpty()) {
                out.report(label, "Invalid label key: " + String.join("; ", why), String.join(" ", bad));
            }
        }
    }

    /** What is wrong with the key, or null. */
    static String problem(String key) {
        if (key.isEmpty()) {
            return "is empty";
        }
        char first = key.charAt(0);
        char last = key.charAt(key.length() - 1);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '/')) {
                return c >= 'A' && c <= 'Z' ? "has upper-case letters" : "has the character '" + c + "'";
            }
        }
        if (first < 'a' || first > 'z') {
            return "does not start with a lower-case letter";
        }
        if (!((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9'))) {
            return "does not end with a lower-case letter or digit";
        }
        if (key.contains("..") || key.contains("--")) {
            return "has consecutive separators";
        }
        if (key.startsWith("com.docker.") || key.startsWith("io.docker.") || key.startsWith("org.dockerproject.")) {
            return "uses a namespace reserved for Docker";
        }
        return null;
    }
}

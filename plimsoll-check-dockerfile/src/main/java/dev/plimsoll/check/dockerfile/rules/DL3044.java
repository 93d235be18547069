package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.EnvInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Do not reference a variable in the ENV that defines it: all pairs of one ENV are expanded with the variables as
 * they were before it, so {@code ENV A=/opt B=$A/bin} does not see the new A. Fine when A was defined by an earlier
 * ENV or ARG anywhere above (as hadolint counts them), and for a pair referencing itself ({@code PATH=/x:$PATH}).
 * References are read as BuildKit expands them: not inside single quotes, not when escaped.
 */
public final class DL3044 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3044";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        Set<String> defined = new HashSet<>();
        char escape = context.dockerfile().escapeChar();
        for (Instruction i : context.dockerfile().instructions()) {
            if (i instanceof ArgInstruction a) {
                for (ArgDeclaration d : a.declarations()) {
                    defined.add(d.name());
                }
            } else if (i instanceof EnvInstruction env) {
                List<KeyValue> pairs = env.pairs();
                if (pairs.size() > 1) {
                    List<String> offending = new ArrayList<>();
                    for (int j = 0; j < pairs.size(); j++) {
                        Set<String> refs = references(pairs.get(j).rawValue(), escape);
                        for (int k = 0; k < pairs.size(); k++) {
                            String name = pairs.get(k).key();
                            if (k != j && refs.contains(name) && !defined.contains(name)) {
                                offending.add(pairs.get(j).key() + " uses " + name);
                            }
                        }
                    }
                    if (!offending.isEmpty()) {
                        out.report(env, "ENV references a variable it defines itself (" + String.join(", ", offending)
                                + "): the reference sees the value from before this ENV; split it into two ENV"
                                + " instructions", String.join(", ", offending));
                    }
                }
                for (KeyValue p : pairs) {
                    defined.add(p.key());
                }
            }
        }
    }

    /** The variables a raw ENV value references: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-x}}. */
    static Set<String> references(String raw, char escape) {
        Set<String> names = new HashSet<>();
        boolean single = false;
        boolean dbl = false;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == escape && !single) {
                i++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '$' && !single && i + 1 < n) {
                int start = raw.charAt(i + 1) == '{' ? i + 2 : i + 1;
                int end = start;
                while (end < n && nameChar(raw.charAt(end), end == start)) {
                    end++;
                }
                if (end > start) {
                    names.add(raw.substring(start, end));
                }
                i = end - 1;
            }
        }
        return names;
    }

    private static boolean nameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}

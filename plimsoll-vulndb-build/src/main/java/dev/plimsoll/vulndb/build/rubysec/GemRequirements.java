package dev.plimsoll.vulndb.build.rubysec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix versions a RubySec {@code patched_versions} list names: for each requirement, the version its lower bound
 * starts at ("~> 1.2.5" → 1.2.5, "~> 5.2.4, >= 5.2.4.3" → 5.2.4.3, ">= 1.4.0" → 1.4.0, "= 2.2.10" → 2.2.10). A
 * requirement with no inclusive lower bound ("> 3.0.4") has no first fixed version to name; it is kept as written,
 * for display. Matching uses the requirements themselves, not these versions.
 */
final class GemRequirements {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(>=|<=|~>|!=|>|<|=)?\\s*(\\S+)\\s*");

    private GemRequirements() {
    }

    static List<String> fixVersions(List<String> patched) {
        Set<String> versions = new LinkedHashSet<>();
        for (String requirement : patched) {
            versions.add(lowerBound(requirement));
        }
        return List.copyOf(versions);
    }

    private static String lowerBound(String requirement) {
        String pessimistic = null;
        String exact = null;
        for (String clause : requirement.split(",")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                continue;
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            switch (op) {
                case ">=" -> {
                    // The inclusive bound is the one written to name the fix: "~> 5.2.4, >= 5.2.4.3".
                    return m.group(2);
                }
                case "~>" -> pessimistic = pessimistic == null ? m.group(2) : pessimistic;
                case "=" -> exact = exact == null ? m.group(2) : exact;
                default -> {
                    // "<", "<=", ">", "!=": no first fixed version.
                }
            }
        }
        if (pessimistic != null) {
            return pessimistic;
        }
        return exact != null ? exact : requirement.strip();
    }
}

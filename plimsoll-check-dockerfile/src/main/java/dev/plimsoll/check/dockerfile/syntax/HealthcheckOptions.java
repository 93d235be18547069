package dev.plimsoll.check.dockerfile.syntax;

/**
 * The checks BuildKit applies to HEALTHCHECK options: durations in Go syntax ({@code 30s}, {@code 1m30s}, {@code 0})
 * and a whole-number retry count.
 */
final class HealthcheckOptions {
    private HealthcheckOptions() {
    }

    static void check(InstructionSource source, ParseContext context) {
        for (Flag flag : source.flags().all()) {
            String value = flag.valueOrEmpty();
            if (flag.value().isEmpty() || value.indexOf('$') >= 0) {
                continue;
            }
            boolean valid = flag.name().equals("retries") ? isInteger(value) : isDuration(value);
            if (!valid && !flag.name().equals("retries") && isKnownDuration(flag.name())) {
                context.problem(flag.position(), "--" + flag.name() + " needs a duration such as 30s, not " + value);
            } else if (!valid && flag.name().equals("retries")) {
                context.problem(flag.position(), "--retries needs a whole number, not " + value);
            }
        }
    }

    private static boolean isKnownDuration(String name) {
        return name.equals("interval") || name.equals("timeout") || name.equals("start-period")
                || name.equals("start-interval");
    }

    private static boolean isInteger(String value) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (value.length() == start || value.length() > 18) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Go's time.ParseDuration grammar: [+-] then one or more number+unit, or a bare 0. */
    static boolean isDuration(String value) {
        int i = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (value.substring(i).equals("0")) {
            return true;
        }
        if (i == value.length()) {
            return false;
        }
        while (i < value.length()) {
            int digits = i;
            while (i < value.length() && (Character.isDigit(value.charAt(i)) || value.charAt(i) == '.')) {
                i++;
            }
            if (i == digits) {
                return false;
            }
            int unit = i;
            while (i < value.length() && !Character.isDigit(value.charAt(i)) && value.charAt(i) != '.') {
                i++;
            }
            switch (value.substring(unit, i)) {
                case "ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h" -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}

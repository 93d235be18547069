package dev.plimsoll.check.cis.input.compose;

import java.util.Optional;
import java.util.function.Function;

/**
 * Compose's variable interpolation: {@code $$}, {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+replacement}},
 * {@code ${VAR+replacement}}, defaults themselves interpolated. A variable that is not set and has no default is
 * an error here (Compose only warns and substitutes ""), so nothing is audited with a value it will not have.
 */
final class Interpolator {
    /** Nested substitutions deeper than this are not a real configuration. */
    private static final int MAX_NESTING = 16;

    /** @param variable the variable concerned, "" for a syntax error */
    static final class InterpolationException extends Exception {
        final String variable;

        InterpolationException(String variable, String message) {
            super(message);
            this.variable = variable;
        }
    }

    private final Function<String, Optional<String>> lookup;
    private final boolean strict;

    /** @param strict whether an unset variable without default is an error (Compose files) or "" (env files) */
    Interpolator(Function<String, Optional<String>> lookup, boolean strict) {
        this.lookup = lookup;
        this.strict = strict;
    }

    String interpolate(String text) throws InterpolationException {
        return interpolate(text, 0);
    }

    private String interpolate(String text, int depth) throws InterpolationException {
        if (depth > MAX_NESTING) {
            throw new InterpolationException("", "substitutions nested too deeply");
        }
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new InterpolationException("", "invalid interpolation format: a lone '$' at the end of the value"
                        + " (write $$ for a literal $)");
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 2);
                if (close < 0) {
                    throw new InterpolationException("", "invalid interpolation format: unclosed ${");
                }
                out.append(braced(text.substring(i + 2, close), depth));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(value(text.substring(i + 1, end)));
                i = end;
            } else {
                throw new InterpolationException("", "invalid interpolation format: \"$" + next
                        + "\" (write $$ for a literal $)");
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String body, int depth) throws InterpolationException {
        int end = 0;
        while (end < body.length() && isNamePart(body.charAt(end))) {
            end++;
        }
        String name = body.substring(0, end);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new InterpolationException("", "invalid interpolation format: ${ must be followed by a"
                    + " variable name");
        }
        if (end == body.length()) {
            return value(name);
        }
        boolean colon = body.charAt(end) == ':';
        int op = colon ? end + 1 : end;
        if (op >= body.length()) {
            throw new InterpolationException(name, "invalid interpolation format: \"${" + name + ":}\"");
        }
        char operator = body.charAt(op);
        String argument = body.substring(op + 1);
        Optional<String> current = lookup.apply(name);
        boolean missing = current.isEmpty() || colon && current.get().isEmpty();
        return switch (operator) {
            case '-' -> missing ? interpolate(argument, depth + 1) : current.get();
            case '?' -> {
                if (missing) {
                    String message = interpolate(argument, depth + 1);
                    throw new InterpolationException(name, "required variable " + name + " is missing a value"
                            + (message.isEmpty() ? "" : ": " + message));
                }
                yield current.get();
            }
            case '+' -> missing ? "" : interpolate(argument, depth + 1);
            default -> throw new InterpolationException(name, "invalid interpolation format: \"${" + name
                    + (colon ? ":" : "") + operator + "…}\" (expected :-, -, :?, ?, :+ or +)");
        };
    }

    private String value(String name) throws InterpolationException {
        Optional<String> value = lookup.apply(name);
        if (value.isEmpty() && strict) {
            throw new InterpolationException(name, "variable " + name + " is not set and has no default");
        }
        return value.orElse("");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}

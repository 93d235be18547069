package dev.plimsoll.check.dockerfile.syntax;

import java.util.OptionalInt;

/**
 * One EXPOSE argument: {@code 80}, {@code 53/udp}, {@code 8000-8010/tcp} or something unexpanded such as
 * {@code ${PORT}}. {@code first}/{@code last} are set when the port part is a literal number or range.
 */
public record ExposedPort(String raw, String protocol, OptionalInt first, OptionalInt last,
        SourcePosition position) {
    public boolean isLiteral() {
        return first.isPresent();
    }

    /** Parses the written form; protocol defaults to tcp and is lower-cased. */
    static ExposedPort parse(String raw, SourcePosition position) {
        int slash = raw.indexOf('/');
        String ports = slash < 0 ? raw : raw.substring(0, slash);
        String protocol = slash < 0 ? "tcp" : raw.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        int dash = ports.indexOf('-');
        OptionalInt first = number(dash < 0 ? ports : ports.substring(0, dash));
        OptionalInt last = dash < 0 ? first : number(ports.substring(dash + 1));
        if (first.isEmpty() || last.isEmpty()) {
            return new ExposedPort(raw, protocol, OptionalInt.empty(), OptionalInt.empty(), position);
        }
        return new ExposedPort(raw, protocol, first, last, position);
    }

    private static OptionalInt number(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return OptionalInt.empty();
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            value = value * 10 + (c - '0');
        }
        return OptionalInt.of(value);
    }
}

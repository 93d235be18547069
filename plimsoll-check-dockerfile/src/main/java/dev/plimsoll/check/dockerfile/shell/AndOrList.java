package dev.plimsoll.check.dockerfile.shell;

import java.util.List;

/**
 * Pipelines joined by {@code &&} and {@code ||}: {@code operators.get(i)} joins pipeline {@code i} and {@code i+1}.
 * {@code background} is set when the list ended with {@code &}.
 */
public record AndOrList(List<Pipeline> pipelines, List<Operator> operators, boolean background, Position position) {
    public AndOrList {
        pipelines = List.copyOf(pipelines);
        operators = List.copyOf(operators);
        if (operators.size() != Math.max(0, pipelines.size() - 1)) {
            throw new IllegalArgumentException("one operator between each two pipelines");
        }
    }

    /** How two pipelines are joined. */
    public enum Operator {
        AND("&&"), OR("||");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}

package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report's count of findings by severity as an inline SVG bar chart: one bar per severity, most severe
 * first, lengths proportional to the largest count, each labelled with its count. Only severity names and numbers
 * go into it, colours come from the stylesheet's classes, and coordinates are whole numbers, so it is the same
 * bytes everywhere.
 */
final class SeverityChart {
    private static final int LABEL_WIDTH = 96;
    private static final int BAR_WIDTH = 400;
    private static final int ROW_HEIGHT = 28;
    private static final int BAR_HEIGHT = 20;
    private static final int WIDTH = LABEL_WIDTH + BAR_WIDTH + 64;

    private SeverityChart() {
    }

    static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    static String svg(Map<Severity, Integer> counts) {
        Severity[] order = mostSevereFirst();
        int max = 0;
        for (int n : counts.values()) {
            max = Math.max(max, n);
        }
        int height = order.length * ROW_HEIGHT + 8;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\">\n");
        sb.append("<title id=\"chart-title\">").append(description(counts)).append("</title>\n");
        for (int i = 0; i < order.length; i++) {
            Severity s = order[i];
            int n = counts.getOrDefault(s, 0);
            int top = 4 + i * ROW_HEIGHT;
            int baseline = top + BAR_HEIGHT - 6;
            // A non-zero count is never drawn invisibly thin.
            int length = n == 0 ? 0 : Math.max(3, (int) Math.round((double) BAR_WIDTH * n / max));
            String name = s.name();
            sb.append("<g class=\"sev-").append(name.toLowerCase(Locale.ROOT)).append("\">")
                    .append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(baseline)
                    .append("\">").append(name).append("</text>")
                    .append("<rect class=\"track\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(top)
                    .append("\" width=\"").append(BAR_WIDTH).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>")
                    .append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(top)
                    .append("\" width=\"").append(length).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>")
                    .append("<text class=\"count\" x=\"").append(LABEL_WIDTH + BAR_WIDTH + 8).append("\" y=\"")
                    .append(baseline).append("\">").append(n).append("</text></g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** "5 findings: 2 critical, 1 high, 1 medium, 1 low, 0 unknown", for screen readers and tooltips. */
    static String description(Map<Severity, Integer> counts) {
        int total = 0;
        StringBuilder parts = new StringBuilder();
        for (Severity s : mostSevereFirst()) {
            int n = counts.getOrDefault(s, 0);
            total += n;
            parts.append(parts.isEmpty() ? "" : ", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT));
        }
        return total + (total == 1 ? " finding: " : " findings: ") + parts;
    }

    static Severity[] mostSevereFirst() {
        Severity[] values = Severity.values();
        Severity[] reversed = new Severity[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        return reversed;
    }
}

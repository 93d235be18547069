package dev.plimsoll.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a width: columns are as wide as their widest cell, and while the table is too wide
 * the widest shrinkable column above its minimum gives up one character; cut cells end in "...". Widths count code
 * points, and control characters in cells become '?', so hostile package data cannot move the cursor or inject
 * terminal escapes.
 */
final class TextTable {
    private static final String GAP = "  ";
    private static final String ELLIPSIS = "...";

    /** A column: its header, the width it never shrinks below, and whether it may shrink at all. */
    record Column(String header, int minWidth, boolean shrinkable) {
        static Column fixed(String header) {
            return new Column(header, 0, false);
        }

        static Column shrinkable(String header, int minWidth) {
            return new Column(header, minWidth, true);
        }
    }

    /** Decorates a laid-out cell; row -1 is the header. */
    @FunctionalInterface
    interface CellDecorator {
        String decorate(int row, int column, String paddedCell);

        CellDecorator NONE = (row, column, cell) -> cell;
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    void add(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (String cell : cells) {
            row.add(clean(cell));
        }
        rows.add(row);
    }

    List<String> render(int maxWidth, CellDecorator decorator) {
        int[] widths = widths(maxWidth);
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(-1, columns.stream().map(Column::header).toList(), widths, decorator));
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(r, rows.get(r), widths, decorator));
        }
        return lines;
    }

    private int[] widths(int maxWidth) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = length(columns.get(c).header());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > maxWidth) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                Column col = columns.get(c);
                if (col.shrinkable() && widths[c] > Math.max(col.minWidth(), length(col.header()))
                        && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break; // every column is at its minimum: better a wide line than unreadable cells
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static String line(int row, List<String> cells, int[] widths, CellDecorator decorator) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            sb.append(decorator.decorate(row, c, pad(fit(cells.get(c), widths[c]), widths[c])));
        }
        return stripTrailing(sb);
    }

    /** {@code text} cut to {@code width} code points, ending in "..." when cut. */
    static String fit(String text, int width) {
        int length = length(text);
        if (length <= width) {
            return text;
        }
        if (width <= ELLIPSIS.length()) {
            return text.substring(0, text.offsetByCodePoints(0, width));
        }
        return text.substring(0, text.offsetByCodePoints(0, width - ELLIPSIS.length())) + ELLIPSIS;
    }

    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        if (UntrustedText.printableAscii(text)) {
            return text;
        }
        // Controls, bidirectional overrides and noncharacters could rewrite the terminal or reorder what a reader
        // sees (Trojan Source); letters of any script are kept.
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return UntrustedText.line(sb.toString()).replace('\uFFFD', '?');
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width) {
        int missing = width - length(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    private static String stripTrailing(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.Arrays;

/**
 * One instruction's physical lines joined over continuations, remembering where each piece came from so any offset
 * in the joined text maps back to a line and column.
 */
final class LogicalLine {
    private final StringBuilder text = new StringBuilder();
    private int[] pieceStart = new int[4];
    private int[] pieceLine = new int[4];
    private int[] pieceColumn = new int[4];
    private int pieces;
    private int endLine;
    private String joined;

    void append(String physical, int from, int to, int line) {
        if (pieces == pieceStart.length) {
            pieceStart = Arrays.copyOf(pieceStart, pieces * 2);
            pieceLine = Arrays.copyOf(pieceLine, pieces * 2);
            pieceColumn = Arrays.copyOf(pieceColumn, pieces * 2);
        }
        pieceStart[pieces] = text.length();
        pieceLine[pieces] = line;
        pieceColumn[pieces] = from + 1;
        pieces++;
        text.append(physical, from, to);
        endLine = line;
        joined = null;
    }

    String text() {
        if (joined == null) {
            joined = text.toString();
        }
        return joined;
    }

    int endLine() {
        return endLine;
    }

    SourcePosition position(int offset) {
        // The last piece starting at or before the offset holds it (empty pieces share a start with the next one).
        int low = 0;
        int high = pieces - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (pieceStart[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return new SourcePosition(pieceLine[low], pieceColumn[low] + (offset - pieceStart[low]));
    }
}

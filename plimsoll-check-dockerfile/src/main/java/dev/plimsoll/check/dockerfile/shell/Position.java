package dev.plimsoll.check.dockerfile.shell;

/**
 * A place in the Dockerfile (not in the script): both 1-based, so findings about a word inside a RUN point at the
 * Dockerfile line the user edits. Columns count characters (a tab is one column), like SARIF regions.
 */
public record Position(int line, int column) implements Comparable<Position> {
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}

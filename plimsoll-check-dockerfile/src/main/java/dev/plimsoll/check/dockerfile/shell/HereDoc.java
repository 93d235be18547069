package dev.plimsoll.check.dockerfile.shell;

/**
 * The body of a here-document inside a script ({@code cat <<EOF > /etc/x}). The lexer reads the body only when it
 * reaches the end of the line holding the operator, after the command was built, so the body is filled in once during
 * parsing; after {@link ShellParser#parse} returns the object never changes.
 */
public final class HereDoc {
    private final String delimiter;
    private final boolean quotedDelimiter;
    private final boolean stripTabs;
    private String body = "";
    private Position bodyPosition;
    private boolean terminated;

    HereDoc(String delimiter, boolean quotedDelimiter, boolean stripTabs, Position operatorPosition) {
        this.delimiter = delimiter;
        this.quotedDelimiter = quotedDelimiter;
        this.stripTabs = stripTabs;
        this.bodyPosition = operatorPosition;
    }

    void complete(String text, Position position, boolean foundDelimiter) {
        this.body = text;
        this.bodyPosition = position;
        this.terminated = foundDelimiter;
    }

    /** The delimiter after quote removal. */
    public String delimiter() {
        return delimiter;
    }

    /** Whether the delimiter was quoted, which makes the body literal (no expansion). */
    public boolean quotedDelimiter() {
        return quotedDelimiter;
    }

    /** {@code <<-}: leading tabs were stripped from the body lines. */
    public boolean stripTabs() {
        return stripTabs;
    }

    /** The body lines joined with newlines (each line ends with one), without the delimiter line. */
    public String body() {
        return body;
    }

    /** Where the body starts (the operator's position when the body is missing). */
    public Position bodyPosition() {
        return bodyPosition;
    }

    /** Whether the delimiter line was found (else the body runs to the end of the script). */
    public boolean terminated() {
        return terminated;
    }

    @Override
    public String toString() {
        return "HereDoc[" + delimiter + ", " + body.length() + " chars]";
    }
}

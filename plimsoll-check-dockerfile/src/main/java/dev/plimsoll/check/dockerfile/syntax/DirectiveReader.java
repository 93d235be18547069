package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads parser directives from the top of the file. As in BuildKit they stop at the first line that is not a known
 * directive (a blank line, a plain comment, an unknown directive or an instruction); those lines are left for the
 * {@link LineJoiner}.
 */
final class DirectiveReader {
    private final List<Directive> directives = new ArrayList<>();
    private final List<SyntaxProblem> problems;
    private int linesRead;
    private char escape = '\\';

    private DirectiveReader(List<SyntaxProblem> problems) {
        this.problems = problems;
    }

    static DirectiveReader read(List<String> lines, List<SyntaxProblem> problems) {
        DirectiveReader reader = new DirectiveReader(problems);
        while (reader.linesRead < lines.size() && reader.accept(lines.get(reader.linesRead), reader.linesRead + 1)) {
            reader.linesRead++;
        }
        return reader;
    }

    List<Directive> directives() {
        return List.copyOf(directives);
    }

    /** How many lines from the top are directives. */
    int linesRead() {
        return linesRead;
    }

    char escape() {
        return escape;
    }

    /** {@code # name = value}, whitespace allowed around the name and the equals sign, the value non-empty. */
    private boolean accept(String line, int lineNumber) {
        int hash = Chars.skipSpaces(line, 0);
        if (hash == line.length() || line.charAt(hash) != '#') {
            return false;
        }
        int nameStart = skipBlanks(line, hash + 1);
        int nameEnd = nameStart;
        while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd), nameEnd == nameStart)) {
            nameEnd++;
        }
        int equals = skipBlanks(line, nameEnd);
        if (nameEnd == nameStart || equals == line.length() || line.charAt(equals) != '=') {
            return false;
        }
        int valueStart = skipBlanks(line, equals + 1);
        int valueEnd = line.length();
        while (valueEnd > valueStart && isBlank(line.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        if (valueEnd == valueStart) {
            return false;
        }
        String written = line.substring(nameStart, nameEnd);
        String name = written.toLowerCase(Locale.ROOT);
        if (!name.equals(Directive.SYNTAX) && !name.equals(Directive.ESCAPE) && !name.equals(Directive.CHECK)) {
            return false;
        }
        SourcePosition position = new SourcePosition(lineNumber, hash + 1);
        if (directives.stream().anyMatch(directive -> directive.name().equals(name))) {
            problems.add(new SyntaxProblem(lineNumber, hash + 1, "only one " + name + " parser directive can be used"));
            return false;
        }
        String value = line.substring(valueStart, valueEnd);
        boolean valid = true;
        if (name.equals(Directive.ESCAPE)) {
            valid = value.equals("\\") || value.equals("`");
            // BuildKit rejects any other value; a linter keeps going with the intended character when it is clear
            // (e.g. "``"), and the directive's valid flag lets a rule report it.
            if (value.charAt(0) == '\\' || value.charAt(0) == '`') {
                escape = value.charAt(0);
            }
        }
        directives.add(new Directive(name, written, value, position, valid));
        return true;
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9');
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }
}

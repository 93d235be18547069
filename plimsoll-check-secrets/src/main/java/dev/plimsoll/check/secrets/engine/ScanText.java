package dev.plimsoll.check.secrets.engine;

import java.util.Locale;
import java.util.Set;

/**
 * The text under scan (a whole file, a chunk of one, a decoded value) with its path, so that detectors can tell code
 * (where an unquoted value is an expression) from configuration (where it is the value), and line helpers.
 * A ScanText serves one scan on one thread: it remembers the last line it was asked about, since the candidates of
 * one line (thousands on a long minified or query-string line) would otherwise each copy and search the whole line.
 */
public final class ScanText {
    private static final Set<String> CODE = Set.of("java", "kt", "kts", "scala", "groovy", "py", "js", "jsx", "mjs",
            "cjs", "ts", "tsx", "go", "rb", "php", "cs", "c", "cc", "cpp", "h", "hpp", "rs", "swift", "m", "dart",
            "lua", "pl", "r", "jl", "ex", "exs", "erl", "clj", "fs", "vb", "java.txt");
    private static final Set<String> SHELL = Set.of("sh", "bash", "zsh", "ksh", "fish", "ps1", "bat", "cmd", "mk");

    private final String text;
    private final String path;
    private final boolean code;
    private final boolean shell;
    private int cachedStart = -1;   // the last line asked about: [cachedStart, cachedEnd] and its text
    private int cachedEnd = -1;
    private String cachedLine;

    public ScanText(String text, String path) {
        this.text = text;
        this.path = path;
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        this.code = CODE.contains(ext);
        this.shell = SHELL.contains(ext) || name.equals("dockerfile") || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile") || name.equals("makefile") || name.equals("containerfile");
    }

    public String text() {
        return text;
    }

    public String path() {
        return path;
    }

    /** A source file in a programming language: assignments there take only quoted literals. */
    public boolean code() {
        return code;
    }

    /** A shell script, Dockerfile or Makefile: an unquoted value ends at white space. */
    public boolean shell() {
        return shell;
    }

    /** Where the line holding {@code pos} starts (one search over the string's bytes, not a charAt per step). */
    public int lineStart(int pos) {
        if (cached(pos)) {
            return cachedStart;
        }
        int i = Math.min(pos, text.length());
        return i <= 0 ? i : text.lastIndexOf('\n', i - 1) + 1;
    }

    public int lineEnd(int pos) {
        int i = text.indexOf('\n', pos);
        return i < 0 ? text.length() : i;
    }

    /** The line holding {@code pos}, without its line break. */
    public String line(int pos) {
        if (!cached(pos)) {
            int s = lineStart(pos);
            int e = lineEnd(pos);
            cachedStart = s;
            cachedEnd = e;
            cachedLine = text.substring(s, e > s && text.charAt(e - 1) == '\r' ? e - 1 : e);
        }
        return cachedLine;
    }

    /** Every position from a line's start to its end (its '\n' or the text's end) has the same line. */
    private boolean cached(int pos) {
        return pos >= cachedStart && pos <= cachedEnd && cachedStart >= 0;
    }
}

package dev.plimsoll.check.cis.input.host;

import java.util.Objects;

/**
 * One audit rule that watches a path: {@code -w PATH} (a watch; recursive on a directory), {@code -F path=PATH} or
 * {@code -F dir=PATH} (a syscall rule on a file, or on a directory tree).
 *
 * @param subtree whether it also covers what lies below {@code path} (a {@code -w} watch or a {@code dir=} field)
 */
public record AuditRule(String file, int line, String path, boolean subtree, String text) {
    public AuditRule {
        Objects.requireNonNull(file);
        Objects.requireNonNull(path);
        Objects.requireNonNull(text);
    }

    /** Whether this rule audits {@code target}: the same path token, or an ancestor directory it covers. */
    public boolean covers(String target) {
        String t = trimSlash(target);
        String p = trimSlash(path);
        return p.equals(t) || (subtree && (p.equals("/") || t.startsWith(p + "/")));
    }

    static String trimSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String where() {
        return file + ":" + line;
    }
}

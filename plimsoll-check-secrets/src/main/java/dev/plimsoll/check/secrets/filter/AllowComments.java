package dev.plimsoll.check.secrets.filter;

/**
 * Inline suppressions people already write: {@code plimsoll:allow}, gitleaks' {@code gitleaks:allow} and
 * detect-secrets' {@code pragma: allowlist secret} on the line of the match, or detect-secrets'
 * {@code pragma: allowlist nextline secret} on the line before.
 */
public final class AllowComments {
    private AllowComments() {
    }

    public static boolean allowsLine(CharSequence line) {
        return contains(line, "plimsoll:allow") || contains(line, "gitleaks:allow")
                || contains(line, "pragma: allowlist secret");
    }

    public static boolean allowsNextLine(CharSequence previousLine) {
        return contains(previousLine, "pragma: allowlist nextline secret");
    }

    private static boolean contains(CharSequence s, String needle) {
        int n = needle.length();
        outer:
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                if (Character.toLowerCase(s.charAt(i + j)) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

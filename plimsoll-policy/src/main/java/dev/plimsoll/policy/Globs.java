package dev.plimsoll.policy;

import java.util.regex.Pattern;

/**
 * Glob matching for policy selectors: "*" within one path segment, "**" across segments ("**&#47;" also matches no
 * directory), "?" one character other than "/"; everything else literal. A pattern without a leading "/" also
 * matches a path that has one ("app/**" matches "/app/x"), as users write paths both ways. Patterns come from the
 * user's own policy file and are short; each becomes a regular expression without nested quantifiers.
 */
final class Globs {
    static final int MAX_PATTERN = 1024;

    private Globs() {
    }

    static Pattern compile(String glob) {
        if (glob.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("glob longer than " + MAX_PATTERN + " characters");
        }
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    static boolean matches(String glob, String text) {
        if (!glob.startsWith("/") && text.startsWith("/")) {
            text = text.substring(1);
        }
        return compile(glob).matcher(text).matches();
    }
}

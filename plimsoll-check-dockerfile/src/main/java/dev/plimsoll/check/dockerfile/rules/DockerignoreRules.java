package dev.plimsoll.check.dockerfile.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code .dockerignore} file read and matched as Docker does (moby/patternmatcher and its ignorefile reader):
 * lines starting with {@code #} are comments, surrounding spaces are trimmed, {@code !} re-includes, patterns are
 * cleaned like Go's {@code filepath.Clean} with a leading {@code /} dropped; a pattern is Go {@code filepath.Match}
 * syntax ({@code *}, {@code ?}, {@code [...]}, {@code \} escapes) plus {@code **} for any number of directories; a
 * path is excluded when the last pattern matching it or one of its parent directories is not a {@code !} pattern.
 * Built once per file; matching compiles nothing.
 */
final class DockerignoreRules {
    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEX }

    private record Rule(String pattern, boolean exclusion, MatchType type, Pattern regex) {
        boolean matches(String path) {
            return switch (type) {
                case EXACT -> path.equals(pattern);
                case PREFIX -> path.startsWith(pattern.substring(0, pattern.length() - 2));
                case SUFFIX -> {
                    String suffix = pattern.substring(2);
                    yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
                }
                case REGEX -> regex != null && regex.matcher(path).matches();
            };
        }
    }

    private final List<Rule> rules;

    private DockerignoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads the file's text; lines with invalid patterns are skipped (Docker would fail the build on them). */
    static DockerignoreRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        boolean first = true;
        for (String line : text.split("\r?\n|\r", -1)) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            if (line.startsWith("#")) {
                continue;
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                p = p.substring(1).strip();
            }
            if (p.isEmpty()) {
                continue;
            }
            p = clean(p);
            if (p.length() > 1 && p.charAt(0) == '/') {
                p = p.substring(1);
            }
            compile(p, exclusion).ifPresent(rules::add);
        }
        return new DockerignoreRules(rules);
    }

    /** Whether Docker leaves {@code path} (relative to the context, slash-separated) out of the build context. */
    boolean excludes(String path) {
        String file = clean(path);
        int slash = file.lastIndexOf('/');
        String parent = slash < 0 ? "." : file.substring(0, slash);
        String[] parentDirs = parent.split("/");
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.exclusion() != matched) {
                continue;
            }
            boolean match = rule.matches(file);
            if (!match && !parent.equals(".")) {
                StringBuilder dir = new StringBuilder();
                for (String d : parentDirs) {
                    if (dir.length() > 0) {
                        dir.append('/');
                    }
                    dir.append(d);
                    if (rule.matches(dir.toString())) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                matched = !rule.exclusion();
            }
        }
        return matched;
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    private static java.util.Optional<Rule> compile(String pattern, boolean exclusion) {
        StringBuilder regex = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char ch = pattern.charAt(i);
            if (ch == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    int start = i;
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    if (i + 1 >= n) {
                        if (type == MatchType.EXACT) {
                            type = MatchType.PREFIX;
                        } else {
                            regex.append(".*");
                            type = MatchType.REGEX;
                        }
                    } else {
                        regex.append("(.*/)?");
                        type = MatchType.REGEX;
                    }
                    if (start == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    regex.append("[^/]*");
                    type = MatchType.REGEX;
                }
            } else if (ch == '?') {
                regex.append("[^/]");
                type = MatchType.REGEX;
            } else if (".+()|{}$".indexOf(ch) >= 0) {
                regex.append('\\').append(ch);
            } else if (ch == '\\') {
                if (i + 1 < n) {
                    regex.append('\\').append(pattern.charAt(++i));
                    type = MatchType.REGEX;
                } else {
                    regex.append("\\\\");
                }
            } else if (ch == '[' || ch == ']') {
                regex.append(ch);
                type = MatchType.REGEX;
            } else {
                regex.append(ch);
            }
        }
        regex.append('$');
        Pattern compiled = null;
        if (type == MatchType.REGEX) {
            try {
                compiled = Pattern.compile(regex.toString());
            } catch (PatternSyntaxException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new Rule(pattern, exclusion, type, compiled));
    }

    /** Go's {@code filepath.Clean} for slash paths: no empty, {@code .} or resolvable {@code ..} elements. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                    continue;
                }
                if (rooted) {
                    continue;
                }
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}

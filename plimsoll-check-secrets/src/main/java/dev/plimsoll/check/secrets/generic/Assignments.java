package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.filter.KeyNames;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values assigned to keys that name a credential, in code ({@code x = "…"}, {@code "x": "…"}, {@code setX("…")}),
 * configuration ({@code .env} and {@code .properties} unquoted {@code KEY=value}, YAML {@code x: …}, INI, TOML),
 * XML (attributes, elements, {@code <add key="…" value="…"/>}) and Dockerfile {@code ENV}/{@code ARG}. Unlike
 * gitleaks' generic rule the value may hold any punctuation; unlike detect-secrets unquoted {@code .env} values
 * count. What the key names decides what the value must look like (see {@link KeyNames.Kind}):
 * <ul>
 *   <li>{@code generic-password}: password keys; any value that is not a placeholder, reference, boolean, number…</li>
 *   <li>{@code generic-secret}: secret, token, API key, credentials keys; a token-like value of 8+ characters</li>
 *   <li>{@code generic-high-entropy}: weaker keys (key, salt, seed, signature); a random base64 or hex value</li>
 * </ul>
 * In source code only quoted literals count: an unquoted value there is an expression.
 */
public final class Assignments implements Detector {
    static final RuleInfo PASSWORD = RuleInfo.generic("generic-password", "Password in an assignment",
            Severity.HIGH, RuleInfo.ASSIGNMENT);
    static final RuleInfo SECRET = RuleInfo.generic("generic-secret", "Secret, token or API key in an assignment",
            Severity.HIGH, RuleInfo.ASSIGNMENT);
    static final RuleInfo ENTROPY = RuleInfo.generic("generic-high-entropy",
            "High-entropy string assigned to a key-like name", Severity.MEDIUM, RuleInfo.ENTROPY);

    private static final String DQ = "\"((?:[^\"\\\\\\r\\n]|\\\\.){0,300})\"";
    private static final String SQ = "'([^'\\r\\n]{0,300})'";
    private static final Pattern ASSIGN = Pattern.compile(
            "(?<![\\w$@.\\-]|\\$\\{)[\"']?([$@]?[A-Za-z_][\\w.\\-]{0,79})[\"']?[ \\t]*(:=|=>|==|=|:)[ \\t]*"
                    + "(?:" + DQ + "|" + SQ + "|([^\\s\"'`][^\\r\\n]{0,300}))");
    private static final Pattern NEXT_ASSIGNMENT = Pattern.compile("[ \\t]*[A-Za-z_][\\w.\\-]*=");
    private static final Pattern ENV_SPACE = Pattern.compile(
            "(?im)^[ \\t]*(?:ENV|ARG)[ \\t]+([A-Za-z_][\\w.]*)[ \\t]+(?![\\w.]*=)(\"[^\"\\r\\n]*\"|'[^'\\r\\n]*'|[^\\s=][^\\r\\n]*)$");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "<([A-Za-z_][\\w:.\\-]{0,79})(?:\\s[^>]{0,200})?>([^<\\r\\n]{1,300})</\\1>");
    private static final Pattern XML_KEY_VALUE = Pattern.compile(
            "(?i)\\b(?:key|name)\\s*=\\s*\"([^\"\\r\\n]{1,80})\"\\s+value\\s*=\\s*\"([^\"\\r\\n]{0,300})\"");
    /** PHP define('DB_PASSWORD', '…'), XML &lt;property name="connection.password"&gt;…&lt;/property&gt;. */
    private static final Pattern DEFINE = Pattern.compile(
            "(?i)\\bdefine\\s*\\(\\s*['\"]([\\w.\\-]{1,80})['\"]\\s*,\\s*(?:'([^'\\r\\n]{0,300})'|\"([^\"\\r\\n]{0,300})\")");
    private static final Pattern XML_NAMED = Pattern.compile(
            "(?i)\\b(?:name|key)\\s*=\\s*\"([^\"\\r\\n]{1,80})\"[^>\\r\\n]{0,200}>([^<\\r\\n]{1,300})</");
    private static final Pattern CALL = Pattern.compile(
            "(?i)\\b((?:set|with|put)?_?[A-Za-z_]*(?:password|passwd|passphrase|secret|token|api_?key|"
                    + "credentials?))\\s*\\(\\s*(?:\"[^\"\\r\\n]*\"\\s*,\\s*)?" + DQ + "\\s*\\)");

    @Override
    public List<String> keywords() {
        return List.of("pass", "pwd", "secret", "token", "key", "auth", "cred", "salt", "seed", "hmac", "signature",
                "cipher", "bearer");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        String s = text.text();
        Matcher m = ASSIGN.matcher(s);
        m.useTransparentBounds(true);
        int pos = from;
        while (pos < to) {
            m.region(pos, to);
            if (!m.find()) {
                break;
            }
            int vs;
            int ve;
            boolean unquoted = false;
            if (m.start(3) >= 0) {
                vs = m.start(3);
                ve = m.end(3);
            } else if (m.start(4) >= 0) {
                vs = m.start(4);
                ve = m.end(4);
            } else {
                unquoted = true;
                vs = m.start(5);
                ve = unquotedEnd(s, vs, m.end(5), text.shell(), m.start(1) > 0 ? s.charAt(m.start(1) - 1) : ' ');
            }
            if (!notAnAssignment(text, m, unquoted, vs, ve)) {
                emit(text, m.group(1), vs, ve, unquoted, out);
            }
            // Unquoted values may hold further assignments ("user=a password=b"): go on from the value.
            pos = unquoted ? Math.max(vs, m.start() + 1) : m.end();
        }
        scan(XML_ELEMENT, text, from, to, 1, 2, out);
        scan(XML_KEY_VALUE, text, from, to, 1, 2, out);
        scan(CALL, text, from, to, 1, 2, out);
        scan(XML_NAMED, text, from, to, 1, 2, out);
        Matcher d = DEFINE.matcher(s);
        d.region(from, to);
        while (d.find()) {
            int g = d.start(2) >= 0 ? 2 : 3;
            emit(text, d.group(1), d.start(g), d.end(g), false, out);
        }
        Matcher e = ENV_SPACE.matcher(s);
        e.region(from, to);
        while (e.find()) {
            int vs = e.start(2);
            int ve = e.end(2);
            boolean quoted = s.charAt(vs) == '"' || s.charAt(vs) == '\'';
            if (quoted) {
                vs++;
                ve--;
            } else {
                ve = unquotedEnd(s, vs, ve, true, ' ');
            }
            if (ve > vs) {
                emit(text, e.group(1), vs, ve, !quoted, out);
            }
        }
    }

    /**
     * Shapes of system files and code that look like {@code key: value} without being one (each seen in a plain
     * Debian image): {@code passwd:amd64} in dpkg logs and a Perl {@code s:\\:/:g} (a colon with no space after
     * it, outside .properties files), a Perl regex binding {@code $pwd =~ …}, a call {@code &which('passwd')},
     * nsswitch's {@code passwd: files} and lintian's {@code base-passwd: no-debconf-config} (the key names the
     * passwd database or a package, the value is plain words), and a hash under PAM's {@code 'auth'} key.
     */
    private static boolean notAnAssignment(ScanText text, Matcher m, boolean unquoted, int vs, int ve) {
        String s = text.text();
        String op = m.group(2);
        int afterOp = m.end(2);
        if (op.equals("=") && afterOp < s.length() && (s.charAt(afterOp) == '~')) {
            return true;
        }
        if (op.equals("=") && m.start(2) > 0 && s.charAt(m.start(2) - 1) == '!') {
            return true;
        }
        String value = s.substring(vs, ve);
        if (isAuthKey(m.group(1))
                && HEX_DIGEST.matcher(VALUE_BRACKETS.matcher(value).replaceAll("")).matches()) {
            return true;
        }
        if (LETTERS_ONLY_PASS_KEY.matcher(m.group(1)).find() && PLAIN_WORDS.matcher(value).matches()) {
            return true; // lodash's 'allPass': 'overEvery': "pass" as in passing a test, with a name for a value
        }
        if (!unquoted) {
            return false;
        }
        if (op.equals(":") && afterOp < s.length() && s.charAt(afterOp) != ' ' && s.charAt(afterOp) != '\t'
                && !text.path().endsWith(".properties")) {
            return true;
        }
        if (CALL_VALUE.matcher(value).lookingAt()) {
            return true;
        }
        if (IDENTIFIER.matcher(value).matches() && ve < s.length() && (s.charAt(ve) == ',' || s.charAt(ve) == ';')) {
            return true; // "privateKey: privateKeyStream," in code or a README's code: a variable, not a value
        }
        String key = KEY_SIGIL.matcher(m.group(1)).replaceFirst("").toLowerCase(java.util.Locale.ROOT);
        boolean databaseName = key.equals("passwd") || key.equals("pwd") || key.equals("shadow")
                || key.endsWith("-passwd");
        return op.equals(":") && databaseName && PLAIN_WORDS.matcher(value).matches();
    }

    private static boolean isAuthKey(String key) {
        return KEY_QUOTES.matcher(key).replaceAll("").equalsIgnoreCase("auth");
    }

    // Compiled once: String.replaceAll would compile them again for every assignment found.
    private static final Pattern VALUE_BRACKETS = Pattern.compile("^[\\[(\\s'\"]+|[\\])\\s'\",;]+$");
    private static final Pattern KEY_SIGIL = Pattern.compile("^[$@]");
    private static final Pattern KEY_QUOTES = Pattern.compile("^['\"$@]+|['\"]+$");
    private static final Pattern HEX_DIGEST = Pattern.compile("(?i)[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}");
    /** A function call: {@code &which(}, {@code get_password(}, {@code os.getenv(}, {@code Foo::bar(}. */
    private static final Pattern CALL_VALUE = Pattern.compile("[&$]?[A-Za-z_][\\w.]*(?:::[A-Za-z_]\\w*)*\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");
    /** A camelCase key ending in "Pass" after another word ("allPass", "onPass"): not a password's name. */
    private static final Pattern LETTERS_ONLY_PASS_KEY = Pattern.compile("[a-z]Pass['\"]?$");
    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z][A-Za-z\\- ]*");

    private void scan(Pattern p, ScanText text, int from, int to, int keyGroup, int valueGroup,
                      List<Candidate> out) {
        Matcher m = p.matcher(text.text());
        m.region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            emit(text, m.group(keyGroup), m.start(valueGroup), m.end(valueGroup), false, out);
        }
    }

    private static void emit(ScanText text, String key, int vs, int ve, boolean unquoted, List<Candidate> out) {
        if (ve <= vs) {
            return;
        }
        KeyNames.Kind kind = KeyNames.classify(key);
        if (kind == KeyNames.Kind.NONE) {
            return;
        }
        String value = text.text().substring(vs, ve);
        if (Values.reject(value, kind, unquoted, text.code()).isPresent()) {
            return;
        }
        RuleInfo rule = switch (kind) {
            case PASSWORD -> PASSWORD;
            case SECRET -> SECRET;
            default -> ENTROPY;
        };
        out.add(Candidate.of(rule, vs, ve, value, value));
    }

    /**
     * Where an unquoted value ends: at a comment (" #", " //", " ;"), at white space in shell-like files or before
     * a following command, at '&amp;' in a query string; trailing ',' ';' and white space are not part of it.
     */
    static int unquotedEnd(String s, int vs, int max, boolean shell, char beforeKey) {
        int end = max;
        boolean query = beforeKey == '?' || beforeKey == '&' || beforeKey == ';';
        for (int i = vs; i < max; i++) {
            char c = s.charAt(i);
            if (c == '`') {   // Markdown inline code or a shell command substitution ends here
                end = i;
                break;
            }
            boolean ws = c == ' ' || c == '\t';
            if (ws && NEXT_ASSIGNMENT.matcher(s).region(i + 1, max).lookingAt()) {
                end = i;
                break;
            }
            if (query && (c == '&' || c == ';' || ws || c == '"' || c == '\'')) {
                end = i;
                break;
            }
            if (ws && i + 1 < max) {
                char n = s.charAt(i + 1);
                if (n == '#' || (n == '/' && i + 2 < max && s.charAt(i + 2) == '/') || n == ';' || shell
                        || n == '&' || n == '|' || n == '\\') {
                    end = i;
                    break;
                }
            }
        }
        while (end > vs && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ','
                || s.charAt(end - 1) == ';')) {
            end--;
        }
        return end;
    }
}

package dev.plimsoll.check.secrets.filter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Content filters for values that generic detectors find: placeholders and documentation examples, references to
 * where the real secret lives, and values that cannot be secrets (booleans, numbers, paths, UUIDs, hashes, public
 * keys, publishable keys). They look at the value (and, for hashes, the line), never at the path: a real password
 * in a test fixture or a Markdown file is still a leak.
 *
 * <p>Decisions: "changeme", "changeit", "admin", "root", "test123" are reported: they are the default credentials
 * attackers try first, and they work wherever someone forgot to change them. Values that describe themselves as
 * stand-ins ("&lt;your-token&gt;", "your_api_key", "xxxx", "****", "…EXAMPLE", "dummy", "placeholder", "redacted")
 * or are the key's own name ("password") are not. Repeated characters and plain sequences ("aaaaaaaa",
 * "12345678", "abcdefgh") are treated as fillers.
 */
public final class Values {
    private static final Set<String> WORDS = Set.of("password", "passwd", "pwd", "pass", "secret", "token", "apikey",
            "api_key", "key", "value", "string", "str", "none", "null", "nil", "undefined", "empty", "required",
            "optional", "test", "testing", "foo", "bar", "baz", "foobar", "qux", "example", "sample", "dummy", "fake",
            "mock", "mocked", "blank", "default", "unset", "notset", "not-set", "tbd", "todo", "n/a", "na", "secret1",
            "password1", "yourpassword", "mypassword", "mysecret", "xxx", "abc", "abcd", "abc123", "sekret", "hidden",
            "removed", "redacted", "masked", "private", "credentials", "auth", "token123", "pa55word", "p@ssword",
            "passw0rd", "secretkey", "secret_key", "client_secret", "access_token", "bearer", "basic");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "enabled",
            "disabled", "enable", "disable", "y", "n", "define", "undef");
    private static final String[] PLACEHOLDER_PARTS = {"example", "placeholder", "dummy", "redacted", "your_",
            "your-", "yourtoken", "yourkey", "yoursecret", "yourpass", "your ", "xxxx", "****", "....", "…", "•••",
            "replace", "insert", "enter_", "enter-", "enter ", "fixme", "todo", "sample", "fake", "changethis",
            "put_", "put-your", "some_", "some-", "secret_here", "here>", "_here", "-here", "goes_here", "tobefilled",
            "not_a_real", "not-a-real", "notreal", "__", "lorem"};
    private static final String[] PROVIDER_PLACEHOLDER_PARTS = {"example", "xxxx", "****", "placeholder",
            "your_", "your-", "redacted", "dummy", "…", "...."};
    private static final String[] REFERENCE_STARTS = {"$", "{{", "%(", "<%", "#{", "@{", "%{", "[[", "env(", "env.",
            "env:", "env[", "os.environ", "os.getenv", "getenv(", "process.env", "system.getenv", "system.getproperty",
            "var.", "local.", "data.", "module.", "vault:", "vault://", "ref+", "secretkeyref", "valuefrom", "!ref",
            "!sub", "!getatt", "!secret", "arn:aws:secretsmanager:", "arn:aws:ssm:", "secrets.", "settings.",
            "config.", "conf.", "cfg.", "props.", "params.", "this.", "self.", "@value(", "lookup(", "from_env",
            "keyvault", "akv:", "sm://", "gcp:", "op://", "aws-sm:", "awssm:", "file:", "file://", "(", "function",
            "lambda", "=>", "%env(", "%%", "ENC(", "enc(", "{cipher}"};
    // Compiled once: String.replaceAll would compile them again for every value judged.
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Pattern NOT_MEMBER_CHAIN = Pattern.compile("[^\\w.$]");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A version ("1.2.1", "^4.17.21", "~1.0.0-beta.2"): a package.json dependency named like a credential. */
    private static final Pattern VERSION = Pattern.compile("[~^=v<>]{0,3}\\d+(?:\\.\\d+){1,3}(?:[-+][\\w.]+)?");
    private static final Pattern CREDENTIAL_WORDS = Pattern.compile(
            "(?i)(?:user(?:name)?[:/])?(?:pass(?:word)?|passwd|secret|token|api[_-]?key|credentials?)");
    private static final Pattern DESCRIBES_ITSELF = Pattern.compile(
            "(?i)(?:^|[\\s\"'])(?:the|a|an|your|enter)\\s|\\b(?:password|passwd|pass|secret|token)\\b[\"']?(?:\\s|$)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d[\\d_,]*)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern PATH = Pattern.compile(
            "(?:~?/|\\./|\\.\\./|[A-Za-z]:\\\\|\\\\\\\\)[^\\s]*|[\\w.-]+/[\\w./-]*\\.(?:pem|key|crt|cer|p12|pfx|jks|"
                    + "json|ya?ml|txt|env|conf|cfg|ini|properties|xml|toml|keystore|gpg|asc|pub)");
    private static final Pattern HASH_PREFIX = Pattern.compile("(?i)^(?:sha(?:1|224|256|384|512)[-:]|md5[-:]|h1:|"
            + "blake2b?[-:]|sha512/)");
    private static final Pattern CODE = Pattern.compile(
            "[A-Za-z_$][\\w$]*(?:\\s*(?:\\.|::|->|\\?\\.)\\s*[A-Za-z_$][\\w$]*)*\\s*(?:\\(.*\\)|\\[.*])?\\s*[;,]?");
    /** "await getToken(session);", "new Secret(x)", "read_secret('x')": a call, possibly after a keyword. */
    private static final Pattern CALL = Pattern.compile(
            "(?:(?:await|new|yield|return|async)\\s+)?[A-Za-z_$][\\w$.]*\\s*\\(.*\\)\\s*[;,]?");
    private static final Pattern FORMAT = Pattern.compile("(?<![A-Za-z0-9])%[sdv](?![A-Za-z0-9])|\\{\\d*}|\\{[a-z_]+}");
    private static final Pattern ANGLED = Pattern.compile("<[A-Za-z_][\\w .\\-]{0,40}>");

    private Values() {
    }

    /**
     * Why {@code value} (as assigned to a key of {@code kind}) is not a secret, or empty when it may be one.
     *
     * @param unquoted the value had no quotes (config files), so an identifier-like value may be a reference
     */
    public static Optional<FilterReason> reject(String value, KeyNames.Kind kind, boolean unquoted,
                                                boolean codeFile) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.of(FilterReason.SHORT);
        }
        if (isReference(lower)) {
            return Optional.of(FilterReason.REFERENCE);
        }
        if (BOOLEANS.contains(lower)) {
            return Optional.of(FilterReason.BOOLEAN);
        }
        if (NUMBER.matcher(v).matches() || VERSION.matcher(v).matches()) {
            return Optional.of(FilterReason.NUMBER);
        }
        if (unquoted && v.startsWith("#")) {
            return Optional.of(FilterReason.SHORT); // "secret = # disable PBM": the value is empty, then a comment
        }
        if (CREDENTIAL_WORDS.matcher(v).matches()) {
            return Optional.of(FilterReason.PLACEHOLDER); // "user:password", "secret": the name, not a value
        }
        if (isPlaceholder(v)) {
            return Optional.of(FilterReason.PLACEHOLDER);
        }
        if (UUID.matcher(v).matches() && kind != KeyNames.Kind.PASSWORD && kind != KeyNames.Kind.SECRET) {
            return Optional.of(FilterReason.UUID);
        }
        if (HASH_PREFIX.matcher(v).find()) {
            return Optional.of(FilterReason.HASH);
        }
        if (isPublicKey(v)) {
            return Optional.of(FilterReason.PUBLIC_KEY);
        }
        if (lower.startsWith("pk_live_") || lower.startsWith("pk_test_")) {
            return Optional.of(FilterReason.PUBLISHABLE_KEY);
        }
        if (PATH.matcher(v).matches()) {
            return Optional.of(FilterReason.FILE_PATH);
        }
        if (FORMAT.matcher(v).find()) {
            return Optional.of(FilterReason.REFERENCE);
        }
        if (countSpaces(v) >= 3 || countSpaces(v) >= 1 && DESCRIBES_ITSELF.matcher(v).find()) {
            return Optional.of(FilterReason.PROSE); // "A challenge password", "The \"pass\" statement"
        }
        if (unquoted && codeFile) {
            return Optional.of(FilterReason.CODE_EXPRESSION);
        }
        if (unquoted && looksLikeCode(v)) {
            return Optional.of(FilterReason.CODE_EXPRESSION);
        }
        int min = kind == KeyNames.Kind.PASSWORD ? 4 : 8;
        if (v.length() < min) {
            return Optional.of(FilterReason.SHORT);
        }
        if (kind == KeyNames.Kind.SECRET && !tokenLike(v)) {
            return Optional.of(FilterReason.LOW_ENTROPY);
        }
        if (kind == KeyNames.Kind.WEAK && !highEntropy(v)) {
            return Optional.of(FilterReason.LOW_ENTROPY);
        }
        return Optional.empty();
    }

    public static boolean isReference(String lower) {
        for (String s : REFERENCE_STARTS) {
            if (lower.startsWith(s.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return lower.contains("${") || lower.contains("{{") || lower.contains("secretkeyref");
    }

    /** A value that says it stands in for the real one, a filler, or a key's own name. */
    public static boolean isPlaceholder(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower) || angled(lower)) {
            return true;
        }
        for (String p : PLACEHOLDER_PARTS) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return filler(lower);
    }

    /**
     * The narrower check for provider-format matches: their regex already fixes the shape, so only stand-in markers
     * count (a random 40-character token contains "fake" or "test" by chance now and then; "EXAMPLE" or "xxxx" in
     * a format-valid token is a documentation sample).
     */
    public static boolean isProviderPlaceholder(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        if (angled(lower)) {
            return true;
        }
        for (String p : PROVIDER_PLACEHOLDER_PARTS) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return filler(lower);
    }

    /** "&lt;your-token&gt;", "&lt;password&gt;": a slot to fill in. */
    private static boolean angled(String lower) {
        return lower.indexOf('<') >= 0 && ANGLED.matcher(lower).find();
    }

    /** All one or two characters repeated, or a run of the alphabet, the digits or the keyboard. */
    static boolean filler(String lower) {
        if (lower.length() < 4) {
            return false;
        }
        if (lower.chars().distinct().count() <= 2) {
            return true;
        }
        String body = NOT_ALPHANUMERIC.matcher(lower).replaceAll("");
        return body.length() >= 4 && ("abcdefghijklmnopqrstuvwxyz".contains(body)
                || "01234567890".contains(body) || "1234567890".contains(body) || "qwertyuiopasdfghjklzxcvbnm".contains(body)
                || "9876543210".contains(body) || "zyxwvutsrqponmlkjihgfedcba".contains(body)
                || "0123456789abcdef".contains(body));
    }

    public static boolean isPublicKey(String v) {
        return v.startsWith("ssh-rsa ") || v.startsWith("ssh-ed25519 ") || v.startsWith("ecdsa-sha2-")
                || v.startsWith("ssh-dss ") || v.contains("BEGIN PUBLIC KEY") || v.contains("BEGIN CERTIFICATE")
                || v.contains("BEGIN RSA PUBLIC KEY") || v.contains("BEGIN PGP PUBLIC KEY")
                || v.contains("BEGIN OPENSSH PUBLIC KEY") || v.startsWith("age1");
    }

    public static boolean isUuid(String v) {
        return UUID.matcher(v).matches();
    }

    /** An unquoted config value that reads as code: a call, a member chain ("settings.db.password"). */
    static boolean looksLikeCode(String v) {
        if (CALL.matcher(v).matches()) {
            return true;
        }
        if (!CODE.matcher(v).matches()) {
            return false;
        }
        return v.contains("(") || v.contains("[") || v.contains("->") || v.contains("::")
                || (v.contains(".") && !v.endsWith(".") && v.chars().filter(c -> c == '.').count() >= 1
                && v.chars().noneMatch(Character::isDigit) && !NOT_MEMBER_CHAIN.matcher(v).find());
    }

    /** Token-like: mixes character classes or is long and varied; not a lower-case word or identifier. */
    static boolean tokenLike(String v) {
        boolean lower = false, upper = false, digit = false, symbol = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (c != '_' && c != '-' && c != '.' && c != ' ') {
                symbol = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return classes >= 2 && Entropy.shannon(v) >= 2.5;
    }

    /** Random-looking base64/base64url (20+ chars) or hex (32+ chars). */
    public static boolean highEntropy(String v) {
        if (v.length() >= 32 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Entropy.shannon(v) >= 3.2;
        }
        if (v.length() >= 20 && v.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '+'
                || c == '/' || c == '=' || c == '-' || c == '_'))) {
            boolean up = v.chars().anyMatch(Character::isUpperCase);
            boolean low = v.chars().anyMatch(Character::isLowerCase);
            boolean dig = v.chars().anyMatch(Character::isDigit);
            return up && low && dig && Entropy.shannon(v) >= 4.0;
        }
        return false;
    }

    private static int countSpaces(String v) {
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
